// Fetching the API: JSON in, JSON out, problems (application/problem+json) as ApiError.
import type { Problem } from './types.ts';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

async function parse<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const p = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
    // RFC 9457: a problem without a type is about:blank.
    throw new ApiError({
      ...p,
      type: p.type ?? 'about:blank',
      title: p.title ?? res.statusText ?? 'Request failed',
      status: res.status,
      detail: p.detail ?? (text.slice(0, 200) || `HTTP ${res.status}`),
    });
  }
  return body as T;
}

async function send<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Server unreachable',
      status: 0,
      detail: `The app server did not answer (${(err as Error).message}).`,
    });
  }
  return parse<T>(res);
}

export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return send<T>(url, signal ? { signal } : undefined);
}

/** The API key, when the server asks for one: kept for this tab only (sessionStorage), never in the URL. */
const API_KEY_ITEM = 'kg.apiKey';

function postInit(body: unknown): RequestInit {
  const key = sessionStorage.getItem(API_KEY_ITEM);
  const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) };
}

/** POSTs JSON; on a 401 (the console and ingest may need the API key) asks for the key once and retries. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  try {
    return await send<T>(url, postInit(body));
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    const key = window.prompt(`${err.problem.detail ?? 'This action needs the API key.'}\nAPI key:`);
    if (!key?.trim()) throw err;
    sessionStorage.setItem(API_KEY_ITEM, key.trim());
    return send<T>(url, postInit(body));
  }
}

/** What the server says on a refusal already starts with "Refused"; say it once. */
export function refusalText(message: string): string {
  return message.replace(/^(Refused:\s*)+/i, '');
}

/** A message for a failed request, for people. */
export function explain(err: unknown): string {
  if (err instanceof ApiError) {
    const p = err.problem;
    if (p.status === 401) return `Needs the API key: ${p.detail ?? p.title}`;
    if (p.status === 403) return `Refused: ${refusalText(p.detail ?? p.title)}`;
    if (p.status === 429) return `Too many requests: ${p.detail ?? 'slow down and try again shortly.'}`;
    if (p.status === 408) return `Timed out: ${p.detail ?? 'the query took too long and was cancelled.'}`;
    if (p.status === 503) return `The database is unavailable: ${p.detail ?? p.title}`;
    const where = p.position ? ` (line ${p.position.line}, column ${p.position.column})` : '';
    return `${p.title}${p.detail ? `: ${p.detail}` : ''}${where}`;
  }
  if (err instanceof DOMException && err.name === 'AbortError') return 'Cancelled';
  return err instanceof Error ? err.message : String(err);
}
