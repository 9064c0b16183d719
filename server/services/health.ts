// Whether the app can serve: it can when the graph database answers and start-up preparation (schema,
// seeds) is done. While either is missing, health says which, so an operator or a load balancer knows.
import type { LocalStatus } from '../../neo4j/supervisor.ts';
import type { DatabaseHealth } from '../../graph/database.ts';
import type { HealthAnswer } from '../../domain/contracts/system.ts';

export type StartupStatus = HealthAnswer['startup'];
/** What GET /api/health answers (the contract); `status` restarting: the local Neo4j stopped unexpectedly and its supervisor is starting it again. */
export type HealthReport = HealthAnswer;

const READY: StartupStatus = { state: 'ready' };

export async function reportHealth(
  probe: () => Promise<DatabaseHealth>,
  startup: () => StartupStatus = () => READY,
  local?: () => LocalStatus,
): Promise<HealthReport> {
  const supervised = local?.();
  const neo4j = { ...(await probe()), ...(supervised ? { local: supervised } : {}) };
  const prepared = startup();
  const status =
    supervised && supervised.state !== 'running'
      ? 'restarting'
      : !neo4j.connected
        ? 'unavailable'
        : prepared.state === 'ready'
          ? 'ok'
          : 'starting';
  return { status, neo4j, startup: prepared };
}

/**
 * The report as anyone may see it: states and the database version, but not the driver's or the
 * preparation's error text, which names internal hosts, ports and files (the server log has them, and
 * a caller with the API key gets them).
 */
export function publicHealth(report: HealthReport): HealthReport {
  const { error: _driverText, ...neo4j } = report.neo4j;
  const { error: _startupText, ...startup } = report.startup;
  return { ...report, neo4j, startup };
}

/** Why the app cannot serve yet, in one sentence (for the 503's detail); the error texts only if `detailed`. */
export function unavailableReason(report: HealthReport, detailed = true): string {
  if (report.status === 'restarting')
    return `The local graph database stopped unexpectedly and is being restarted (restarts so far: ${report.neo4j.local?.restarts ?? 0}).`;
  if (!report.neo4j.connected)
    return `The graph database cannot be reached${detailed && report.neo4j.error ? `: ${report.neo4j.error}` : '.'}`;
  if (report.startup.state === 'failed')
    return `Start-up preparation failed${detailed && report.startup.error ? `: ${report.startup.error}` : '.'}`;
  return 'The graph database answers; the schema and seeds are still being prepared.';
}
