// Runs named read queries (cypher/*.cypher) in READ transactions and returns plain JSON rows. The
// only code between the services and the driver; a lost database becomes DatabaseUnavailable.
import neo4j, { type Driver } from 'neo4j-driver';
import { databaseUnreachable } from '../domain/errors.ts';
import { isUnreachable } from './database.ts';
import { cypher } from './cypher.ts';
import { CalendarDay } from '../domain/period.ts';
import { plainRecord, toDriverValue, type Plain } from './values.ts';

export type Row = Record<string, Plain>;

export interface GraphReader {
  /**
   * Runs cypher/<name>.cypher. `slots` fill {{name}} placeholders where Cypher accepts no parameter
   * (SHORTEST k, quantifier bounds); they must be small whole numbers, never text.
   */
  rows(name: string, params?: Record<string, unknown>, slots?: Record<string, number>): Promise<Row[]>;
}

export function fillSlots(text: string, slots: Record<string, number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, slot: string) => {
    const value = slots[slot];
    if (value === undefined || !Number.isInteger(value) || value < 0 || value > 1000) {
      throw new Error(`slot {{${slot}}} needs a whole number from 0 to 1000, got ${String(value)}`);
    }
    return String(value);
  });
}

/** JavaScript numbers reach Cypher as floats; whole ones (limits, counts) must be integers. */
export function cypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (value instanceof CalendarDay) return toDriverValue(value);
  if (Array.isArray(value)) return value.map(cypherParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cypherParams(v)]));
  }
  return value;
}

export function createReader(driver: Driver, database?: string, timeoutMs = 15_000): GraphReader {
  return {
    async rows(name, params = {}, slots = {}) {
      const text = fillSlots(cypher(name), slots);
      try {
        const { records } = await driver.executeQuery(text, cypherParams(params) as Record<string, unknown>, {
          database,
          routing: neo4j.routing.READ,
          transactionConfig: { timeout: timeoutMs },
        });
        return records.map(plainRecord);
      } catch (error) {
        if (isUnreachable(error)) throw databaseUnreachable();
        throw error;
      }
    },
  };
}
