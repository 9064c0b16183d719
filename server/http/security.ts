// Security middleware in one place: headers (helmet, with a Content-Security-Policy the explorer runs
// under), CORS only for configured origins, and rate limits for the expensive endpoints. See SECURITY.md.
import { createHash } from 'node:crypto';
import cors from 'cors';
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { TooManyRequests } from '../../domain/errors.ts';

export interface SecurityPolicy {
  /** Origins allowed to call the API from a browser (CORS); empty: none (same-origin only). */
  corsOrigins: string[];
  /** Requests per minute per client for POST /api/cypher and /api/queries/:name (and ingest). */
  consolePerMinute: number;
  /** Requests per minute per client for /api/reports/*. */
  reportsPerMinute: number;
}

export const DEFAULT_SECURITY: SecurityPolicy = { corsOrigins: [], consolePerMinute: 60, reportsPerMinute: 30 };

/** The one rule Cytoscape injects as a <style> element (cytoscape's core, "__________cytoscape_stylesheet"). */
const CYTOSCAPE_CSS = '.__________cytoscape_container { position: relative; }';

const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * Everything from our own origin, nothing inline except the server-rendered style blocks the app names
 * (`inlineStyles`: the reports' and the API docs') and Cytoscape's one-rule stylesheet (each by hash),
 * no plugins, framed only by our own pages. Cytoscape draws on <canvas> and sets styles through the CSSOM, which CSP allows.
 */
export function securityHeaders(inlineStyles: readonly string[]): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...[...inlineStyles, CYTOSCAPE_CSS].map(styleHash)],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"], // the explorer shows reports in a same-origin iframe
      },
    },
    // Same-origin by default; a configured CORS origin still works because CORS is decided separately.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false, // TLS ends at the user's proxy; it sets HSTS there (SECURITY.md).
  });
}

/** No CORS headers at all unless origins are configured; then only those origins, no credentials. */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  if (!origins.length) return (_req, _res, next) => next();
  return cors({
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key'],
    maxAge: 600,
  });
}

/** A per-client (IP) limit; over it, a 429 problem with Retry-After and RateLimit headers. */
export function perMinuteLimit(limit: number, what: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, _res, next, options) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : Math.ceil(options.windowMs / 1000);
      next(new TooManyRequests(`Too many ${what} requests: at most ${options.limit} a minute per client.`, seconds));
    },
  });
}
