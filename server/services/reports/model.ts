// What a report is: sections of statements, each statement carrying the citations it rests on. A
// statement with no citation is never written; the only uncited lines are notes about the report
// itself ("the sources record no agreements between …"), which renderers show as notes.
import { withoutContained, type Quote, type QuoteBook } from '../evidence.ts';
import type { Citation, Report, ReportSection, ReportTable, Statement } from '../../../domain/contracts/reports.ts';

export type { Citation, Report, ReportSection, ReportTable, Statement };

/** Attaches the articles' titles and dates to quotes; a quote inside a longer one of the same article is dropped. */
export function citationsFrom(quotes: readonly Quote[], book: Pick<QuoteBook, 'source'>): Citation[] {
  return withoutContained(quotes).map((q) => ({
    ...q,
    title: book.source(q.sourceId)?.title ?? null,
    published: book.source(q.sourceId)?.published ?? null,
  }));
}

/** Keeps only statements that cite something: the honesty rule, enforced in one place. */
export function cited(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.citations.length > 0);
}

/** A lookup over a plain list of articles, for citationsFrom. */
export function sourceLookup(list: ReturnType<QuoteBook['sources']>): Pick<QuoteBook, 'source'> {
  const byId = new Map(list.map((s) => [s.id, s]));
  return { source: (id) => byId.get(id) };
}

/** How a non-person participant reads in prose: a delegation, or an unnamed official of an organisation. */
export function describeParty(p: { name?: unknown; delegation?: unknown; officialRole?: unknown }): string {
  if (p.officialRole) return `the ${String(p.officialRole)} of ${String(p.name)} (not named)`;
  if (p.delegation) return `the ${String(p.name)} delegation`;
  return String(p.name);
}

/**
 * A country listed as taking part without being a delegation ("the meeting between the presidents of
 * Kazakhstan and Nigeria"): its officials are the participants worth naming in prose.
 */
export function isBareCountry(p: { type?: unknown; delegation?: unknown }): boolean {
  return p.type === 'Country' && p.delegation !== true;
}
