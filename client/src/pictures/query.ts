// What the Pictures tab shows and its URL form ("person:…", "country:JP", "pair:US:JP", "all"). Pure.
export type PictureQuery =
  | { kind: 'person'; id: string; from?: string; to?: string }
  | { kind: 'country'; id: string; from?: string; to?: string }
  | { kind: 'pair'; a: string; b: string; from?: string; to?: string }
  | { kind: 'all'; from?: string; to?: string };

export function encodePicture(q: PictureQuery): string {
  if (q.kind === 'pair') return `pair:${q.a}:${q.b}`;
  if (q.kind === 'all') return 'all';
  return q.id;
}

/** Reads the `pic` value (an entity id, "pair:A:B" or "all"); anything else is null. */
export function decodePicture(text: string | null, from?: string, to?: string): PictureQuery | null {
  if (!text) return null;
  const window = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (text === 'all') return { kind: 'all', ...window };
  const pair = /^pair:([^:]+):([^:]+)$/.exec(text);
  if (pair) return { kind: 'pair', a: pair[1]!, b: pair[2]!, ...window };
  if (text.startsWith('person:')) return { kind: 'person', id: text, ...window };
  if (text.startsWith('country:')) return { kind: 'country', id: text, ...window };
  return null;
}

function withWindow(params: Record<string, string>, q: PictureQuery): string {
  const p = new URLSearchParams(params);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  return p.toString();
}

/** The API calls behind each picture; null when the picture does not apply to the subject. */
export function pictureUrls(q: PictureQuery): {
  timeline: string | null;
  years: string | null;
  map: string | null;
  summary: string | null;
} {
  const iso = (id: string) => id.replace(/^country:/, '');
  switch (q.kind) {
    case 'person':
      return {
        timeline: `/api/pictures/timeline?${withWindow({ person: q.id }, q)}`,
        years: `/api/pictures/years?${new URLSearchParams({ person: q.id })}`,
        map: `/api/pictures/map?${withWindow({ person: q.id }, q)}`,
        summary: `/api/pictures/summary/${encodeURIComponent(q.id)}${q.from || q.to ? `?${withWindow({}, q)}` : ''}`,
      };
    case 'country':
      return {
        timeline: null,
        years: `/api/pictures/years?${new URLSearchParams({ country: iso(q.id) })}`,
        map: `/api/pictures/map?${withWindow({ country: iso(q.id) }, q)}`,
        summary: null,
      };
    case 'pair':
      return { timeline: `/api/pictures/timeline?${withWindow({ a: q.a, b: q.b }, q)}`, years: null, map: null, summary: null };
    default:
      return { timeline: null, years: '/api/pictures/years', map: `/api/pictures/map?${withWindow({}, q)}`, summary: null };
  }
}
