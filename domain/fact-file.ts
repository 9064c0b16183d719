// Parses one YAML fact file's text and validates it with zod, reporting each problem with its line.
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { FactFileError, type FactProblem } from './fact-errors.ts';
import { factFileSchema, type FactFile } from './fact-schema.ts';

export type PathSegment = string | number;

export function pathToString(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

/** Finds the line of the deepest node that exists along `path`. */
export function lineOf(doc: Document, counter: LineCounter, path: readonly PathSegment[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

export interface ParsedFactFile {
  file: string;
  facts: FactFile;
  /** Line of a fact by its path, for problems found after validation. */
  lineAt(path: readonly PathSegment[]): number | undefined;
}

export function parseFactFile(text: string, file: string): ParsedFactFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (doc.errors.length > 0) {
    throw new FactFileError(
      name,
      doc.errors.map((error) => ({
        file: name,
        line: counter.linePos(error.pos[0]).line,
        path: '',
        message: `is not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const parsed = factFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems: FactProblem[] = parsed.error.issues.map((issue) => ({
      file: name,
      line: lineOf(doc, counter, issue.path),
      path: pathToString(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    }));
    throw new FactFileError(name, problems);
  }
  return { file: name, facts: parsed.data, lineAt: (path) => lineOf(doc, counter, path) };
}
