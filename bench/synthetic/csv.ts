// The synthetic network as CSV files for Neo4j's offline bulk importer (`neo4j-admin database import
// full`), with the properties the upsert queries would have set (searchText, aliases, date fields,
// HOLDS firstSeen/lastSeen, MET in derive-met's shape), so the imported graph is the one the writer
// builds. Streamed to disk chunk by chunk.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import type { Stringifier } from 'csv-stringify';
import { join } from 'node:path';
import type { EntityRow, LinkRow } from '../../domain/plan.ts';
import { csvStream, type CsvCell } from '../../server/csv.ts';
import { baseRows, eventChunks, type SyntheticScale } from './generator.ts';

type Cell = string | number | boolean | null | undefined | readonly string[];

/**
 * One importer input file. Arrays are the importer's ";"-separated lists; every text cell is quoted,
 * and formulas are not escaped: no spreadsheet reads these files and a ' would be stored in the graph.
 */
class CsvFile {
  private readonly file: WriteStream;
  private readonly csv: Stringifier;
  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.file = createWriteStream(path);
    this.file.write(header.join(',') + '\n');
    this.csv = csvStream({ recordDelimiter: '\n', quoteText: true, keepFormulas: true });
    this.csv.pipe(this.file);
  }
  async row(values: readonly Cell[]): Promise<void> {
    const cells = values.map((value) => (Array.isArray(value) ? value.join(';') : (value as CsvCell)));
    if (!this.csv.write(cells)) await once(this.csv, 'drain');
  }
  async close(): Promise<void> {
    this.csv.end();
    await once(this.file, 'finish');
  }
}

/** As upsert-entities: every name with apostrophes removed (and again without periods, if it has any), joined with " | ". */
export function searchText(names: readonly string[]): string {
  return names.reduce((t, a) => `${t} | ${a.replace(/[’'‘]/g, '')}${a.includes('.') ? ` | ${a.replace(/\./g, '')}` : ''}`, '');
}

const dateText = (d: { year: unknown; month: unknown; day: unknown } | null | undefined) =>
  d ? `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}` : null;

export interface CsvExport {
  nodes: string[];
  relationships: string[];
  rows: number;
}

const ENTITY_HEADER = ['id:ID', ':LABEL', 'name', 'aliases:string[]', 'sources:string[]', 'evidence:string[]', 'searchText'];
const entityCells = (label: string, row: EntityRow): Cell[] => [
  row.id,
  `Entity;${label}`,
  row.name,
  row.aliases,
  row.sources,
  row.evidence,
  searchText([row.name, ...row.aliases]),
];
const LINK_HEADER = [':START_ID', ':END_ID', ':TYPE', 'sources:string[]', 'evidence:string[]'];
const linkCells = (type: string, row: LinkRow): Cell[] => [row.from, row.to, type, row.sources, row.evidence];

export async function writeCsv(scale: SyntheticScale, dir: string): Promise<CsvExport> {
  mkdirSync(dir, { recursive: true });
  let rows = 0;
  const base = baseRows(scale);
  const files = {
    countries: new CsvFile(join(dir, 'countries.csv'), [...ENTITY_HEADER, 'iso2']),
    places: new CsvFile(join(dir, 'places.csv'), [...ENTITY_HEADER, 'kind']),
    organizations: new CsvFile(join(dir, 'organizations.csv'), [...ENTITY_HEADER, 'kind']),
    persons: new CsvFile(join(dir, 'persons.csv'), ENTITY_HEADER),
    agreements: new CsvFile(join(dir, 'agreements.csv'), [...ENTITY_HEADER, 'kind', 'status', 'date']),
    events: new CsvFile(join(dir, 'events.csv'), [
      ...ENTITY_HEADER,
      'kind',
      'status',
      'start:date',
      'end:date',
      'dateText',
      'dateBasis',
      'datePrecision',
    ]),
    sources: new CsvFile(join(dir, 'sources.csv'), ['id:ID', ':LABEL', 'file', 'title', 'publisher', 'published:date', 'text']),
    links: new CsvFile(join(dir, 'links.csv'), LINK_HEADER),
    holds: new CsvFile(join(dir, 'holds.csv'), [
      ':START_ID',
      ':END_ID',
      ':TYPE',
      'title',
      'firstSeen:date',
      'lastSeen:date',
      'sources:string[]',
      'evidence:string[]',
    ]),
    participation: new CsvFile(join(dir, 'participation.csv'), [
      ':START_ID',
      ':END_ID',
      ':TYPE',
      'role',
      'represents',
      'officialRole',
      'delegation:boolean',
      'inferred:boolean',
      'sources:string[]',
      'evidence:string[]',
    ]),
    met: new CsvFile(join(dir, 'met.csv'), [
      ':START_ID',
      ':END_ID',
      ':TYPE',
      'event',
      'date:date',
      'end:date',
      'datePrecision',
      'dateText',
      'eventKind',
      'mode',
      'inferred:boolean',
      'sources:string[]',
      'evidence:string[]',
    ]),
  };
  for (const row of base.countries) await files.countries.row([...entityCells('Country', row), row.props.iso2 as string]);
  for (const row of base.places) await files.places.row([...entityCells('Place', row), row.props.kind as string]);
  for (const row of base.organizations) await files.organizations.row([...entityCells('Organization', row), row.props.kind as string]);
  for (const row of base.persons) await files.persons.row(entityCells('Person', row));
  for (const { type, rows: links } of base.links) for (const row of links) await files.links.row(linkCells(type, row));
  // HOLDS: one per (person, at, title), firstSeen/lastSeen the earliest and latest attestation (upsert-titles).
  const holds = new Map<string, { person: string; at: string; title: string; first: string; last: string }>();
  for (const t of base.titles) {
    const key = `${t.person}\u0000${t.at}\u0000${t.title}`;
    const asOf = dateText(t.asOf)!;
    const known = holds.get(key);
    if (!known) holds.set(key, { person: t.person, at: t.at, title: t.title, first: asOf, last: asOf });
    else {
      if (asOf < known.first) known.first = asOf;
      if (asOf > known.last) known.last = asOf;
    }
  }
  for (const h of holds.values()) await files.holds.row([h.person, h.at, 'HOLDS', h.title, h.first, h.last, [], []]);
  rows +=
    base.countries.length +
    base.places.length +
    base.organizations.length +
    base.persons.length +
    base.links.reduce((s, l) => s + l.rows.length, 0) +
    holds.size;

  for (const chunk of eventChunks(scale)) {
    for (const s of chunk.sources) {
      const p = s.props as {
        file: string;
        title: string;
        publisher: string;
        published: { year: number; month: number; day: number };
        text: string;
      };
      await files.sources.row([s.id, 'Source', p.file, p.title, p.publisher, dateText(p.published), p.text]);
    }
    for (const a of chunk.agreements)
      await files.agreements.row([
        ...entityCells('Agreement', a),
        a.props.kind as string,
        a.props.status as string,
        a.props.date as string,
      ]);
    for (const e of chunk.events) {
      await files.events.row([
        e.id,
        'Entity;Event',
        e.name,
        [],
        e.sources,
        e.evidence,
        searchText([e.name]),
        e.props.kind as string,
        e.status,
        dateText(e.date?.start),
        dateText(e.date?.end),
        e.date?.text,
        e.date?.basis,
        e.date?.precision ?? 'unknown',
      ]);
    }
    for (const { type, rows: links } of chunk.links) for (const row of links) await files.links.row(linkCells(type, row));
    for (const p of chunk.participations)
      await files.participation.row([
        p.who,
        p.event,
        'PARTICIPATED_IN',
        p.role,
        p.represents,
        p.officialRole,
        p.delegation,
        false,
        p.sources,
        p.evidence,
      ]);
    for (const m of chunk.metRows) {
      const p = m.props as {
        date: { year: number; month: number; day: number };
        end: { year: number; month: number; day: number };
        datePrecision: string;
        dateText: string;
        eventKind: string;
        mode: string;
        inferred: boolean;
        sources: string[];
        evidence: string[];
      };
      await files.met.row([
        m.a,
        m.b,
        'MET',
        m.event,
        dateText(p.date),
        dateText(p.end),
        p.datePrecision,
        p.dateText,
        p.eventKind,
        p.mode,
        p.inferred,
        p.sources,
        p.evidence,
      ]);
    }
    rows +=
      chunk.sources.length +
      chunk.agreements.length +
      chunk.events.length +
      chunk.links.reduce((s, l) => s + l.rows.length, 0) +
      chunk.participations.length +
      chunk.metRows.length;
  }
  await Promise.all(Object.values(files).map((f) => f.close()));
  const nodeFiles = [files.countries, files.places, files.organizations, files.persons, files.agreements, files.events, files.sources];
  const relFiles = [files.links, files.holds, files.participation, files.met];
  return { nodes: nodeFiles.map((f) => f.path), relationships: relFiles.map((f) => f.path), rows };
}
