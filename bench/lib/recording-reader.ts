// A GraphReader that notes every query the services run, so the benchmark can replay exactly the same
// Cypher (text, parameters, slots) through the raw driver and compare side by side.
import type { GraphReader } from '../../graph/reader.ts';

export interface RecordedQuery {
  name: string;
  params: Record<string, unknown>;
  slots: Record<string, number>;
}

export function recordingReader(inner: GraphReader): { reader: GraphReader; take(): RecordedQuery[] } {
  let log: RecordedQuery[] = [];
  return {
    reader: {
      rows(name, params = {}, slots = {}) {
        log.push({ name, params, slots });
        return inner.rows(name, params, slots);
      },
    },
    take() {
      const taken = log;
      log = [];
      return taken;
    },
  };
}
