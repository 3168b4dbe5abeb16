import { useState } from 'preact/hooks';
import { formatSourceDate } from '../facts/format';
import { keepAll, savedArticle, type Analysis, type Kept } from '../library/analyze';
import type { Extraction } from '../library/extract';
import type { ExtractedArticle, SavedArticle } from '../library/library';

// "Save this article to Mars Lens": the page's article is read (only now), and before
// anything is saved the popup shows what it would keep: the new terms the article
// defines, and the known entities it mentions with their sentences. The reader unticks
// anything; only what is left is saved.

export interface SaveArticleProps {
  extract: () => Promise<Extraction>;
  analyze: (article: ExtractedArticle) => Analysis;
  save: (article: SavedArticle) => Promise<{ ok: true } | { ok: false; reason: string }>;
}

type State =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'preview'; article: ExtractedArticle; analysis: Analysis; kept: Kept }
  | { step: 'saving' }
  | { step: 'done'; text: string }
  | { step: 'failed'; text: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function SaveArticle({ extract, analyze, save }: SaveArticleProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const start = async () => {
    setState({ step: 'reading' });
    const got = await extract();
    if (!got.ok) return setState({ step: 'failed', text: got.reason });
    const analysis = analyze(got.article);
    setState({ step: 'preview', article: got.article, analysis, kept: keepAll(analysis) });
  };
  const status = (text: string) => (
    <p class="save-status" role="status">
      {text}
    </p>
  );
  if (state.step !== 'preview')
    return (
      <section class="save" aria-label="Save this article">
        <button
          type="button"
          class="save-start"
          disabled={state.step === 'reading' || state.step === 'saving'}
          onClick={start}
        >
          Save this article to Mars Lens
        </button>
        {status(
          state.step === 'reading'
            ? 'Reading the article…'
            : state.step === 'saving'
              ? 'Saving…'
              : state.step === 'done' || state.step === 'failed'
                ? state.text
                : '',
        )}
      </section>
    );
  const { article, analysis, kept } = state;
  const fresh = analysis.terms.filter((t) => !t.known);
  const toggle = <T,>(set: ReadonlySet<T>, item: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };
  const setKept = (next: Kept) => setState({ ...state, kept: next });
  const sentence = (i: number, label: string) => (
    <li key={i}>
      <label>
        <input
          type="checkbox"
          checked={kept.sentences.has(i)}
          onChange={(e) => setKept({ ...kept, sentences: toggle(kept.sentences, i, e.currentTarget.checked) })}
        />{' '}
        <span class="sentence" aria-label={label}>
          {analysis.sentences[i]}
        </span>
      </label>
    </li>
  );
  const keptSentences = [...kept.sentences].length;
  const onSave = async () => {
    const saved = savedArticle(article, analysis, kept, new Date());
    setState({ step: 'saving' });
    const answer = await save(saved);
    setState(
      answer.ok
        ? {
            step: 'done',
            text: `Saved “${article.title}”: ${plural(saved.terms.length, 'new term')}, ${plural(saved.quotes.length, 'sentence')}.`,
          }
        : { step: 'failed', text: `Not saved: ${answer.reason}` },
    );
  };
  return (
    <section class="save preview" aria-labelledby="save-heading">
      <h2 id="save-heading">Save this article</h2>
      <p class="article-meta">
        <span class="title">{article.title}</span> — {article.site}
        {article.published ? `, ${formatSourceDate({ date: article.published, dateApproximate: false })}` : ''}
        {article.byline ? ` · ${article.byline}` : ''}
      </p>
      <fieldset class="new-terms">
        <legend>New terms it defines</legend>
        {fresh.length === 0 ? (
          <p class="none">None.</p>
        ) : (
          <ul>
            {fresh.map((t) => (
              <li key={t.id} data-term={t.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={kept.terms.has(t.id)}
                    onChange={(e) => setKept({ ...kept, terms: toggle(kept.terms, t.id, e.currentTarget.checked) })}
                  />{' '}
                  <strong>{t.aliases.join(', ')}</strong>: {t.name}
                </label>
                <blockquote>“{t.definition}”</blockquote>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset class="mentions">
        <legend>What it says about terms Mars Lens knows</legend>
        {analysis.mentions.length === 0 ? (
          <p class="none">It mentions none.</p>
        ) : (
          analysis.mentions.map((m) => (
            <details key={m.entityId} data-entity={m.entityId}>
              <summary>
                {m.name}: {plural(m.sentences.filter((i) => kept.sentences.has(i)).length, 'sentence')} kept of{' '}
                {m.sentences.length}
              </summary>
              <ul>{m.sentences.map((i) => sentence(i, `About ${m.name}: ${analysis.sentences[i]}`))}</ul>
            </details>
          ))
        )}
      </fieldset>
      <p class="actions">
        <button type="button" class="save-confirm" onClick={onSave}>
          Save {plural(fresh.filter((t) => kept.terms.has(t.id)).length, 'term')} and{' '}
          {plural(keptSentences, 'sentence')}
        </button>{' '}
        <button type="button" class="link" onClick={() => setState({ step: 'idle' })}>
          Cancel
        </button>
      </p>
    </section>
  );
}
