// An optional shared API key (env API_KEY) for the endpoints that run user Cypher or write: the console,
// saved queries and ingest. Sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`. With no key
// configured the guard lets everything through (a local, loopback-only install); see SECURITY.md.
//
// It runs before the rate limits, so a client without the key cannot spend the analysts' budget. Each
// failure is audited (without the key presented) and counted per client: past FAILURES_PER_MINUTE a
// wrong key is answered 429 instead of 401. A right key is never refused, however many wrong ones came
// from the same address, so an attacker sharing an address cannot lock the analysts out.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { MemoryStore } from 'express-rate-limit';
import { TooManyRequests, Unauthorized } from '../../domain/errors.ts';
import type { AccessAudit } from '../audit.ts';

export const FAILURES_PER_MINUTE = 30;

function presentedKey(req: Request): string | undefined {
  const header = req.get('authorization');
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? req.get('x-api-key') ?? undefined;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries the configured key; digests are compared in constant time. */
export function keyMatcher(apiKey: string | undefined): (req: Request) => boolean {
  if (!apiKey) return () => false;
  const expected = digest(apiKey);
  return (req) => {
    const presented = presentedKey(req);
    return presented !== undefined && timingSafeEqual(digest(presented), expected);
  };
}

export interface ApiKeyOptions {
  audit?: AccessAudit | undefined;
  failuresPerMinute?: number;
}

export function requireApiKey(apiKey: string | undefined, options: ApiKeyOptions = {}): RequestHandler {
  if (!apiKey) return (_req, _res, next) => next();
  const matches = keyMatcher(apiKey);
  const limit = options.failuresPerMinute ?? FAILURES_PER_MINUTE;
  const failures = new MemoryStore();
  failures.init({ windowMs: 60_000 } as Parameters<MemoryStore['init']>[0]);
  return async (req, _res, next) => {
    if (matches(req)) return next();
    const reason = presentedKey(req) === undefined ? 'missing' : 'invalid';
    const client = req.ip ?? 'unknown';
    const { totalHits, resetTime } = await failures.increment(client);
    const limited = totalHits > limit;
    options.audit?.({ time: new Date().toISOString(), event: 'auth-failed', reason, method: req.method, path: req.path, client, limited });
    if (limited) {
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      return next(new TooManyRequests(`Too many failed authentications from this client: at most ${limit} a minute.`, seconds));
    }
    next(
      new Unauthorized(
        reason === 'missing'
          ? 'This endpoint needs the API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>".'
          : 'The API key is not valid.',
      ),
    );
  };
}
