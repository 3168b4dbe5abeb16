import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TermsReport } from '../../lib/browser/messages';
import { applyReport, badgeText, distinctCount, frameTerms, type TabFrames } from '../../lib/browser/tab-terms';

const t = (...ids: string[]) => ids.map((id) => ({ id, count: 1 }));
const report = (doc: string, ...ids: string[]): TermsReport => ({ doc, terms: t(...ids) });

describe('tab terms', () => {
  it('counts distinct terms across frames', () => {
    expect(distinctCount({ 0: report('a', 'pixl', 'jpl'), 3: report('b', 'pixl', 'mars') })).toBe(3);
    expect(distinctCount({})).toBe(0);
  });

  it.each([
    [0, ''],
    [7, '7'],
    [120, '99+'],
  ])('shows %i as %j', (n, text) => expect(badgeText(n)).toBe(text));

  it("keeps each frame's latest report, drops a frame that says it has nothing, and lists frames in order", () => {
    let frames: TabFrames = {};
    frames = applyReport(frames, 3, report('b', 'mars'));
    frames = applyReport(frames, 0, report('a', 'pixl'));
    frames = applyReport(frames, 0, report('a', 'pixl', 'jpl'));
    expect(frameTerms(frames)).toEqual([
      { frameId: 0, terms: t('pixl', 'jpl') },
      { frameId: 3, terms: t('mars') },
    ]);
    expect(applyReport(frames, 3, report('b'))).toEqual({ 0: report('a', 'pixl', 'jpl') });
  });

  it('a late farewell from a page that was left does not erase the terms of the page now in the frame', () => {
    const now = applyReport({}, 0, report('new', 'pixl'));
    expect(applyReport(now, 0, report('old'))).toBe(now);
  });

  // Each frame shows one document after another. Every document reports its terms as
  // they change and, when it goes, says farewell ([]); the last one may still be open.
  // Reports of different frames interleave freely, and a farewell may arrive after
  // the next document's first reports (it is sent on pagehide, as the next page
  // loads). Whatever the order, each frame ends with its current document's latest
  // terms, and nothing of the documents that went.
  it('ends with what each frame shows now, whatever the order of arrival (property)', () => {
    const idSet = fc.uniqueArray(fc.constantFrom('pixl', 'jpl', 'nasa', 'mars', 'jezero'), { maxLength: 3 });
    const documentReports = fc.array(idSet, { minLength: 1, maxLength: 4 });
    const frameLife = fc.record({
      docs: fc.array(documentReports, { minLength: 1, maxLength: 4 }),
      lastOpen: fc.boolean(),
      // How far each farewell slips past the next document's reports.
      slips: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(frameLife, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        (lives, picks) => {
          // Per frame, the messages in arrival order.
          const queues = lives.map(({ docs, lastOpen, slips }, frameId) => {
            const out: { frameId: number; report: TermsReport }[] = [];
            docs.forEach((reports, d) => {
              const doc = `f${frameId}d${d}`;
              for (const ids of reports) if (ids.length) out.push({ frameId, report: report(doc, ...ids) });
              if (d === docs.length - 1 && lastOpen) return;
              // The farewell, slipped past up to `slip` messages of the next document.
              const farewell = { frameId, report: report(doc) };
              const nextCount = d + 1 < docs.length ? docs[d + 1]!.filter((ids) => ids.length).length : 0;
              out.push({ ...farewell, slip: Math.min(slips[d % 4]!, nextCount) } as never);
            });
            // Apply the slips: move each farewell later by its slip.
            const arranged: { frameId: number; report: TermsReport }[] = [];
            const pending: { item: { frameId: number; report: TermsReport }; left: number }[] = [];
            for (const item of out as { frameId: number; report: TermsReport; slip?: number }[]) {
              if (item.slip !== undefined && item.slip > 0) pending.push({ item, left: item.slip });
              else arranged.push(item);
              if (item.slip === undefined) {
                for (const p of pending) p.left--;
                while (pending.length && pending[0]!.left <= 0) arranged.push(pending.shift()!.item);
              }
            }
            arranged.push(...pending.map((p) => p.item));
            return arranged;
          });
          // Interleave frames as the picks say.
          let frames: TabFrames = {};
          let turn = 0;
          while (queues.some((q) => q.length)) {
            const open = queues.filter((q) => q.length);
            const q = open[(picks[turn++] ?? 0) % open.length]!;
            const { frameId, report: r } = q.shift()!;
            frames = applyReport(frames, frameId, r);
          }
          lives.forEach(({ docs, lastOpen }, frameId) => {
            const last = docs[docs.length - 1]!.filter((ids) => ids.length);
            const expected =
              lastOpen && last.length ? report(`f${frameId}d${docs.length - 1}`, ...last[last.length - 1]!) : undefined;
            expect(frames[frameId]).toEqual(expected);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
