// Runs Neo4j's Cypher linter (syntax and semantic analysis from @neo4j-cypher/language-support) off the
// main thread: the analysis is a few megabytes of code and must not stall typing.
import { lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';

export interface LintRequest {
  id: number;
  query: string;
  schema: DbSchema;
}

export interface LintProblem {
  from: number;
  to: number;
  message: string;
  severity: 'error' | 'warning';
}

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, query, schema } = event.data;
  let problems: LintProblem[] = [];
  try {
    problems = lintCypherQuery(query, schema).diagnostics.map((d) => ({
      from: d.offsets.start,
      to: d.offsets.end,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      severity: d.severity === 1 ? 'error' : 'warning',
    }));
  } catch (err) {
    problems = [{ from: 0, to: 0, message: `The linter failed: ${(err as Error).message}`, severity: 'warning' }];
  }
  (self as unknown as Worker).postMessage({ id, problems });
};
