// The live schema's names (labels, relationship types, property keys) for the console editor's completion.
import type { GraphReader } from '../../graph/reader.ts';
import { read } from '../../graph/queries/read.ts';
import type { SchemaNames } from '../../domain/contracts/system.ts';

export type { SchemaNames };

export async function schemaNames(reader: GraphReader): Promise<SchemaNames> {
  const [row] = await read(reader, 'schema-names');
  const list = (value: readonly string[] | undefined) => [...(value ?? [])].sort();
  return { labels: list(row?.labels), relationshipTypes: list(row?.relationshipTypes), propertyKeys: list(row?.propertyKeys) };
}
