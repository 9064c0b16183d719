// Converts what the driver returns into plain JSON values: integers become numbers when they fit
// in 2^53 (strings otherwise, never silently rounded), temporal values their ISO 8601 text.
import neo4j from 'neo4j-driver';
import { CalendarDay } from '../domain/period.ts';
import type { Json } from '../domain/contracts/common.ts';

/** A plain JSON value: what the API answers carry (domain/contracts). */
export type Plain = Json;

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
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

/**
 * Values the domain hands to Cypher, made driver values: a CalendarDay becomes a Cypher Date. Every
 * other value passes unchanged (numbers keep their JS type, so stored floats stay floats).
 */
export function toDriverValue(value: unknown): unknown {
  if (value instanceof CalendarDay) return new neo4j.types.Date(value.year, value.month, value.day);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverValue(v)]));
  }
  return value;
}
