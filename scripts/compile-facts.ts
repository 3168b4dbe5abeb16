// `npm run facts`: compile seeds/ into lib/facts/generated/fact-base.json, or fail
// with every problem listed as file:line: entry: message.
import { FactDataError } from '../lib/facts/problems';
import { writeFactBundle, BUNDLE_PATH } from '../lib/facts/write-bundle';

try {
  const base = writeFactBundle(process.cwd());
  const facts = base.entities.reduce((n, e) => n + e.facts.length, 0);
  const quotes = base.entities.reduce((n, e) => n + e.facts.reduce((m, f) => m + f.citations.length, 0), 0);
  console.log(
    `facts: ${base.entities.length} entities, ${facts} facts, ${quotes} verified quotes from ${base.sources.length} seeds -> ${BUNDLE_PATH}`,
  );
} catch (err) {
  if (!(err instanceof FactDataError)) throw err;
  console.error(err.message);
  process.exit(1);
}
