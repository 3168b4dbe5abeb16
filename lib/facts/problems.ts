// Bad fact data must fail the build with the file, the line, the entry and what is
// wrong, all at once rather than one per run.

export interface Problem {
  file: string;
  line: number;
  entry: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.entry ? `${p.entry}: ` : ''}${p.message}`;
}

export class FactDataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The fact base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'FactDataError';
  }
}
