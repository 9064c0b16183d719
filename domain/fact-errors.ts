// A problem found in a seed file: which file, where in it, and what was expected. Loading a file with
// any such problem writes nothing from that file.
export interface FactProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Where in the document, e.g. "events[2].participants[0].who". */
  path: string;
  message: string;
}

export function formatProblem(problem: FactProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where} ${problem.path ? `(${problem.path}) ` : ''}${problem.message}`;
}

export class FactFileError extends Error {
  override readonly name = 'FactFileError';
  constructor(
    readonly file: string,
    readonly problems: FactProblem[],
  ) {
    super(`${file} was refused, nothing from it was written:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  }
}
