// What a report is: sections of statements, each statement carrying the citations it rests on. A
// statement with no citation is never written; the only uncited lines are notes about the report
// itself ("the sources record no agreements between …"), which renderers show as notes.
import type { Quote, SourceSummary } from '../evidence.ts';

export interface Citation extends Quote {
  title: string | null;
  published: string | null;
}

export interface Statement {
  text: string;
  citations: Citation[];
  /** Structured fields of the fact (date, kind, status, …) for JSON and CSV. */
  data: Record<string, string | number | boolean | null>;
}

export interface ReportTable {
  columns: string[];
  /** One row per statement, in the same order as `statements`. */
  rows: string[][];
}

export interface ReportSection {
  id: string;
  title: string;
  statements: Statement[];
  /** Shown when there are no statements: what the sources do not record. */
  emptyNote: string;
  table?: ReportTable;
}

export interface Report {
  kind: 'bilateral' | 'person' | 'organization';
  title: string;
  subtitle: string;
  generatedAt: string;
  /** Notes about the report as a whole (how to read it); never facts. */
  notes: string[];
  sections: ReportSection[];
  sources: SourceSummary[];
}

/** Attaches titles and dates of the articles to quotes, dropping duplicates (same span). */
export function citationsFrom(quotes: readonly Quote[], sources: readonly SourceSummary[]): Citation[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const q of quotes) {
    const key = `${q.sourceId}#${q.span.start}-${q.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...q, title: byId.get(q.sourceId)?.title ?? null, published: byId.get(q.sourceId)?.published ?? null });
  }
  return out;
}

/** Keeps only statements that cite something: the honesty rule, enforced in one place. */
export function cited(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.citations.length > 0);
}
