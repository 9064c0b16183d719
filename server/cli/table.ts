// Console results as text: an aligned table, CSV (RFC 4180), or JSON.
import type { Plain } from '../../graph/values.ts';
import { csvText } from '../csv.ts';

/** One cell as short text: nodes and relationships by their names, typed values by their text. */
export function cellText(value: Plain): string {
  if (value === null) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(cellText).join(', ')}]`;
  const tagged = value as {
    $type?: string;
    value?: Plain;
    labels?: string[];
    type?: string;
    properties?: Record<string, Plain>;
    nodes?: Plain[];
  };
  switch (tagged.$type) {
    case 'node':
      return `(${(tagged.labels ?? []).filter((l) => l !== 'Entity').join(':')} ${String(tagged.properties?.name ?? tagged.properties?.id ?? '')})`;
    case 'relationship':
      return `[:${tagged.type}]`;
    case 'path':
      return `<path of ${(tagged.nodes ?? []).length} nodes>`;
    case undefined:
      return JSON.stringify(value);
    default:
      return String(tagged.value ?? JSON.stringify(value));
  }
}

export function toTable(columns: string[], rows: Plain[][]): string {
  const cells = rows.map((row) => row.map((v) => cellText(v).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const line = (values: string[]) =>
    values.map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!))).join(' | ');
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
}

/** CSV through the one writer: numbers stay numbers, text that looks like a formula is neutralised. */
export function toCsv(columns: string[], rows: Plain[][]): string {
  // Without the last line break: the CLI prints it with console.log.
  return csvText([columns, ...rows.map((row) => row.map((v) => (typeof v === 'number' ? v : cellText(v))))], {
    recordDelimiter: '\n',
  }).replace(/\n$/, '');
}
