// Column types the read queries share. Values arrive as plain JSON (graph/values.ts): integers as
// numbers, dates and date-times as ISO 8601 text, maps and lists as themselves.
import { z } from 'zod';
import type { Plain } from '../values.ts';

export type Props = { [key: string]: Plain };

const isMap = (value: unknown): value is Props => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A node's or relationship's properties (`properties(n)`): any map, read by key. Its values are already plain. */
export const props = z.custom<Props>(isMap, { message: 'Expected a map of properties' });
/** A value of any plain type, for columns passed on as they are. */
export const plain = z.custom<Plain>(() => true);

export const text = z.string();
export const maybeText = z.string().nullable();
export const count = z.number();
export const maybeNumber = z.number().nullable();
export const flag = z.boolean();
export const maybeFlag = z.boolean().nullable();
/** An ISO 8601 date (or date-time) property that may be unset. */
export const maybeDate = z.string().nullable();
export const texts = z.array(z.string());
/** A list property that may be unset (`evidence`, `sources`). */
export const maybeTexts = z.array(z.string()).nullable();

/** `{id: k.id, name: k.name}` of a country, place or entity. */
export const ref = z.object({ id: text, name: maybeText });
export const maybeRef = ref.nullable();

/** A text property of a properties map, or null when it is unset (or not text). */
export function textProp(value: Plain | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** A list-of-text property (`evidence`, `sources`, `aliases`): its texts, [] when unset. */
export function textsProp(value: Plain | readonly Plain[] | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
