// Decides whether an analyst's query may run, from the plan Neo4j made of it with EXPLAIN. Pure: no
// database. The READ transaction it then runs in is the second layer; this one catches what a read
// transaction allows but we do not (LOAD CSV, CALL … IN TRANSACTIONS, SHOW TRANSACTIONS, procedures and
// functions not on the allow-list), and gives a clear reason instead of a driver error.

export interface PlanOperator {
  type: string;
  details: string;
}

export interface Verdict {
  allowed: boolean;
  reason?: string;
}

/** Read-only procedures an analyst may call: schema introspection, full-text search, read-only APOC. */
export const ALLOWED_PROCEDURES: readonly (string | RegExp)[] = [
  'db.labels', 'db.relationshipTypes', 'db.propertyKeys',
  'db.schema.visualization', 'db.schema.nodeTypeProperties', 'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes', 'db.index.fulltext.queryRelationships', 'db.index.fulltext.listAvailableAnalyzers',
  'apoc.help', 'apoc.version',
  /^apoc\.meta\.(schema|stats|data|graph|graphSample|nodeTypeProperties|relTypeProperties|subGraph)$/,
  /^apoc\.path\.(expand|expandConfig|subgraphNodes|subgraphAll|spanningTree)$/,
  /^apoc\.algo\.(dijkstra|aStar|aStarConfig|allSimplePaths)$/,
  /^apoc\.neighbors\.(athop|byhop|tohop)(\.count)?$/,
];

/** Function families that run Cypher text, write, touch files or the network, or hold locks. */
const DENIED_FUNCTIONS = /\bapoc\.(cypher|create|periodic|load|export|import|refactor|trigger|do|lock|merge|atomic|when|case|systemdb|log|nodes\.(delete|link)|schema\.assert|graph\.from|static|custom|uuid\.install)\b/i;

/** Operators a read transaction permits but the console does not. */
const DENIED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV reads files or URLs from the server and is not allowed in the console',
  TransactionForeach: 'CALL { … } IN TRANSACTIONS is not allowed in the console',
  TransactionApply: 'CALL { … } IN TRANSACTIONS is not allowed in the console',
};

/** SHOW commands allowed: schema introspection. Everything else SHOW-like (transactions, settings, users…) is refused. */
const ALLOWED_SHOW = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);

export function isAllowedProcedure(name: string): boolean {
  return ALLOWED_PROCEDURES.some((rule) => (typeof rule === 'string' ? rule.toLowerCase() === name.toLowerCase() : rule.test(name)));
}

/** The procedure named in a ProcedureCall operator's details ("db.labels() :: (label :: STRING)"). */
export function procedureName(details: string): string {
  return /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? details.trim();
}

export function judgePlan(queryType: string, operators: readonly PlanOperator[]): Verdict {
  for (const op of operators) {
    const denied = DENIED_OPERATORS[op.type];
    if (denied) return { allowed: false, reason: denied };
    if (op.type.startsWith('Show') && !ALLOWED_SHOW.has(op.type)) {
      return { allowed: false, reason: `${op.type.replace(/^Show/, 'SHOW ').toUpperCase()} is an administration command and is not allowed in the console` };
    }
    if (op.type.startsWith('Terminate') || op.type.startsWith('Create') || op.type.startsWith('Drop') || op.type.startsWith('Alter')) {
      return { allowed: false, reason: `${op.type} changes the database and is not allowed in the console` };
    }
    if (op.type === 'ProcedureCall') {
      const name = procedureName(op.details);
      if (name.toLowerCase().startsWith('dbms.')) return { allowed: false, reason: `${name}: dbms.* procedures are not allowed in the console` };
      if (!isAllowedProcedure(name)) return { allowed: false, reason: `${name} is not on the console's list of read-only procedures` };
    }
    const fn = DENIED_FUNCTIONS.exec(op.details);
    if (fn) return { allowed: false, reason: `${fn[0]}… functions can run other queries or change the database and are not allowed` };
  }
  if (queryType !== 'r') {
    const kind = { w: 'writes to', rw: 'reads and writes', s: 'changes the schema of' }[queryType] ?? `is of type "${queryType}" for`;
    return { allowed: false, reason: `the console only runs read queries; this one ${kind} the database` };
  }
  return { allowed: true };
}

/** An EXPLAIN/PROFILE the analyst wrote in front of the query. */
export function splitPlanPrefix(query: string): { mode: 'run' | 'explain' | 'profile'; query: string } {
  const match = /^\s*(EXPLAIN|PROFILE)\b/i.exec(query);
  if (!match) return { mode: 'run', query };
  return { mode: match[1]!.toLowerCase() as 'explain' | 'profile', query: query.slice(match[0].length) };
}

/** Neo4j's "(line 1, column 9 (offset: 8))", shifted back by what we put in front of the query. */
export function syntaxPosition(message: string, prefixLength: number): { line: number; column: number; offset: number } | undefined {
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  if (!match) return undefined;
  const line = Number(match[1]);
  const column = Number(match[2]);
  return { line, column: line === 1 ? Math.max(1, column - prefixLength) : column, offset: Math.max(0, Number(match[3]) - prefixLength) };
}
