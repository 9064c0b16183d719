// Converts what the driver returns into plain JSON values: integers become numbers when they fit
// in 2^53 (strings otherwise, never silently rounded), temporal values their ISO 8601 text.
import neo4j from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return String(value);
}

/** A record's fields as plain values. */
export function plainRecord(record: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }): Record<string, Plain> {
  return Object.fromEntries(record.keys.map((key) => [String(key), toPlain(record.get(key))]));
}

/** "2025-02" → a driver Date for the first (or last) day of that period; undefined passes through. */
export function periodBound(text: string | undefined, edge: 'start' | 'end') {
  if (!text) return null;
  const [y, m, d] = text.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (edge === 'start') return new neo4j.types.Date(y, m ?? 1, d ?? 1);
  const month = m ?? 12;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return new neo4j.types.Date(y, month, d ?? last);
}
