// Whether the app can serve: it can when the graph database answers.
import type { DatabaseHealth } from '../repository/database.ts';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  neo4j: DatabaseHealth;
}

export async function reportHealth(probe: () => Promise<DatabaseHealth>): Promise<HealthReport> {
  const neo4j = await probe();
  return { status: neo4j.connected ? 'ok' : 'unavailable', neo4j };
}
