// The live schema's names (labels, relationship types, property keys) for the console editor's completion.
import type { GraphReader } from '../../graph/reader.ts';

export interface SchemaNames {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export async function schemaNames(reader: GraphReader): Promise<SchemaNames> {
  const [row] = await reader.rows('schema-names');
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String).sort() : []);
  return { labels: list(row?.labels), relationshipTypes: list(row?.relationshipTypes), propertyKeys: list(row?.propertyKeys) };
}
