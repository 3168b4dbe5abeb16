// `npm run draft -- <article.txt> [seed id]`: draft fact-base entries for a new seed
// (lib/library/draft.ts), printed for a person to edit into seeds/facts.yaml.
import { readFileSync } from 'node:fs';
import { factBase } from '../lib/facts/bundle';
import { draftEntries } from '../lib/library/draft';

const [file, seed] = process.argv.slice(2);
if (!file) {
  console.error('usage: npm run draft -- <article.txt> [seed id]');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`${file}: ${(e as Error).message}`);
  process.exit(1);
}
process.stdout.write(draftEntries(text, factBase, seed));
