// The live schema's names (labels, relationship types, property keys) for the console editor's completion.
import type { GraphReader } from '../../graph/reader.ts';
import type { SchemaNames } from '../../domain/contracts/system.ts';

export type { SchemaNames };

export async function schemaNames(reader: GraphReader): Promise<SchemaNames> {
  const [row] = await reader.rows('schema-names');
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String).sort() : []);
  return { labels: list(row?.labels), relationshipTypes: list(row?.relationshipTypes), propertyKeys: list(row?.propertyKeys) };
}
