// The two files' rows, validated with zod: visits.csv (a foreign leader's visit to the US) and
// trips.csv (one stop abroad of a US president or secretary of state). A row that does not fit is
// reported as file:line (field) with what was expected.
import { z } from 'zod';
import { partialDate } from '../../../domain/fact-schema.ts';
import type { CsvRow } from '../csv-rows.ts';
import { countryCode, type CountriesTable } from './tables.ts';

const text = z.string().trim();
const required = text.min(1, 'a value (the field is empty)');
const key = z.string().regex(/^[a-z0-9-]+$/, 'a key of lower-case letters, digits and hyphens');

const visitRowSchema = z
  .object({
    id: z.string().regex(/^visit-\d+$/, 'an id like visit-123'),
    visitor: required,
    title: text,
    country: required,
    start_date: partialDate,
    end_date: partialDate,
    description: text,
    source_id: required,
    country_id: key,
  })
  .strict();

const tripRowSchema = z
  .object({
    id: z.string().regex(/^trip-\d+$/, 'an id like trip-123'),
    traveler: required,
    role: z.enum(['president', 'secretary']),
    country: required,
    locale: text,
    start_date: partialDate,
    end_date: partialDate,
    remarks: text,
    source_id: required,
    traveler_id: key,
    country_id: key,
  })
  .strict();

export type VisitRow = z.infer<typeof visitRowSchema>;
export type TripRow = z.infer<typeof tripRowSchema>;

interface Located {
  file: string;
  line: number;
  /** ISO code of the row's country. */
  iso: string;
}
export type VisitRecord = VisitRow & Located & { kind: 'visit' };
export type TripRecord = TripRow & Located & { kind: 'trip' };
export type StateDeptRecord = VisitRecord | TripRecord;

export interface RowProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatRowProblem(p: RowProblem): string {
  return `${p.file}:${p.line} (${p.field}) ${p.message}`;
}

export type RowResult = { ok: true; record: StateDeptRecord } | { ok: false; problems: RowProblem[] };

/** Validates one CSV row of visits.csv or trips.csv (told apart by its columns). */
export function readRecord(row: CsvRow, countries: CountriesTable): RowResult {
  const isTrip = 'traveler' in row.values;
  const parsed = isTrip ? tripRowSchema.safeParse(row.values) : visitRowSchema.safeParse(row.values);
  const at = (field: string, message: string): RowProblem => ({ file: row.file, line: row.line, field, message });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) =>
        at(i.path.join('.') || 'row', i.code === 'unrecognized_keys' ? `unknown column(s): ${i.keys.join(', ')}` : i.message),
      ),
    };
  }
  const data = parsed.data;
  const problems: RowProblem[] = [];
  const iso = countryCode(countries, data.country_id, data.country);
  if (!iso) problems.push(at('country_id', `unknown country key "${data.country_id}"; add it to seeds/import/state-dept/countries.yaml`));
  if (data.end_date < data.start_date) problems.push(at('end_date', `${data.end_date} is before start_date ${data.start_date}`));
  if (problems.length > 0 || !iso) return { ok: false, problems };
  const located = { file: row.file, line: row.line, iso };
  return {
    ok: true,
    record: isTrip ? { ...(data as TripRow), ...located, kind: 'trip' } : { ...(data as VisitRow), ...located, kind: 'visit' },
  };
}

/** The year a record starts in. */
export function yearOf(record: StateDeptRecord): number {
  return Number(record.start_date.slice(0, 4));
}
