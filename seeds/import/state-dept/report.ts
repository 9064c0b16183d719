// The identity report (`npm run import -- state-dept --report`): how well the graph's people are
// identified, measured by cypher/identity-report.cypher on whatever is loaded, so before/after
// numbers of any change to the importer's rules come from one command.
import { readIdentityReport, type Driver } from '../../../graph/store.ts';

/** Names whose people are listed one by one: the cases that showed wrong merges and splits. */
export const WATCHED_SURNAMES = ['obama', 'assad', 'lavrov', 'hussein', 'netanyahu', 'tinubu', 'bush'];

const METRICS = [
  'people with a one-word name',
  'people holding titles at two or more countries',
  'one-word holders sharing a surname with a full-named person of another country in the same record',
  'one-word holders sharing a surname with a full-named person of another country anywhere',
  'titles whose quotes do not contain the title',
];

export interface ReportLine {
  metric: string;
  count: number;
  examples: string[];
}

export async function identityReport(driver: Driver, database?: string, surnames = WATCHED_SURNAMES): Promise<ReportLine[]> {
  const lines = new Map((await readIdentityReport(driver, database, surnames)).map((line) => [line.metric, line]));
  // A metric with nothing to count returns no row at all.
  return [...METRICS, ...surnames.map((s) => `people named ${s}`)].map((metric) => lines.get(metric) ?? { metric, count: 0, examples: [] });
}

export function formatReport(lines: readonly ReportLine[]): string {
  return lines
    .map((l) => [`${String(l.count).padStart(6)}  ${l.metric}`, ...l.examples.map((e) => `          ${e}`)].join('\n'))
    .join('\n');
}
