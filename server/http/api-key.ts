// An optional shared API key (env API_KEY) for the endpoints that run user Cypher or write: the console,
// saved queries and ingest. Sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`. With no key
// configured the guard lets everything through (a local, loopback-only install); see SECURITY.md.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { Unauthorized } from '../../domain/errors.ts';

function presentedKey(req: Request): string | undefined {
  const header = req.get('authorization');
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? req.get('x-api-key') ?? undefined;
}

/** Compares digests so neither the key's length nor its content leaks through timing. */
function sameKey(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function requireApiKey(apiKey: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!apiKey) return next();
    const presented = presentedKey(req);
    if (presented !== undefined && sameKey(presented, apiKey)) return next();
    next(new Unauthorized(presented === undefined
      ? 'This endpoint needs the API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>".'
      : 'The API key is not valid.'));
  };
}
