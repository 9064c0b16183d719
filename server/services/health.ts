// Whether the app can serve: it can when the graph database answers and start-up preparation (schema,
// seeds) is done. While either is missing, health says which, so an operator or a load balancer knows.
import type { DatabaseHealth } from '../../graph/database.ts';
import type { PreparationState } from '../startup/keep-trying.ts';

export interface StartupStatus {
  state: PreparationState;
  error?: string | undefined;
}

export interface HealthReport {
  status: 'ok' | 'unavailable' | 'starting';
  neo4j: DatabaseHealth;
  startup: StartupStatus;
}

const READY: StartupStatus = { state: 'ready' };

export async function reportHealth(probe: () => Promise<DatabaseHealth>, startup: () => StartupStatus = () => READY): Promise<HealthReport> {
  const neo4j = await probe();
  const prepared = startup();
  const status = !neo4j.connected ? 'unavailable' : prepared.state === 'ready' ? 'ok' : 'starting';
  return { status, neo4j, startup: prepared };
}

/** Why the app cannot serve yet, in one sentence (for the 503's detail). */
export function unavailableReason(report: HealthReport): string {
  if (!report.neo4j.connected) return `The graph database cannot be reached: ${report.neo4j.error ?? 'no answer'}`;
  if (report.startup.state === 'failed') return `Start-up preparation failed: ${report.startup.error ?? 'unknown error'}`;
  return 'The graph database answers; the schema and seeds are still being prepared.';
}
