// A saved view: the exact picture (elements with their data and positions, hidden and pinned nodes,
// zoom and pan, the window and layout, the hub's shown groups) as JSON, and its compact form for a link
// (deflated, base64url, in the URL hash, so nothing is stored on a server). Pure apart from the
// platform's CompressionStream.
import type { GroupPick } from './hub.ts';
import { isPeriod, type LayoutName, type PathQuery, type ViewState } from './state.ts';

export const VIEW_VERSION = 1;
/** A picture larger than this is refused on load (a link is not a way to send a database). */
export const MAX_VIEW_ELEMENTS = 20_000;

export interface ViewElement {
  group: 'nodes' | 'edges';
  data: Record<string, unknown> & { id: string };
  classes?: string;
  position?: { x: number; y: number };
}

/** The view state it restores (entity, window, layout, path), and the picture itself. */
export interface SavedView extends Pick<ViewState, 'entity' | 'from' | 'to' | 'undated' | 'layout' | 'path'> {
  version: typeof VIEW_VERSION;
  title: string;
  savedAt: string;
  picks: GroupPick[];
  elements: ViewElement[];
  hidden: string[];
  pinned: string[];
  zoom: number;
  pan: { x: number; y: number };
}

export class ViewError extends Error {
  override readonly name = 'ViewError';
}

const LAYOUTS = ['auto', 'hub', 'fcose', 'concentric', 'breadthfirst'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a view read from a link or a file; throws ViewError saying what is wrong. */
export function parseView(value: unknown): SavedView {
  const fail = (what: string): never => {
    throw new ViewError(`Not a saved view: ${what}`);
  };
  if (!isObject(value)) return fail('expected a JSON object');
  if (value.version !== VIEW_VERSION) return fail(`version ${String(value.version)} (this explorer reads version ${VIEW_VERSION})`);
  if (!Array.isArray(value.elements)) return fail('elements must be a list');
  if (value.elements.length > MAX_VIEW_ELEMENTS) return fail(`${value.elements.length} elements (at most ${MAX_VIEW_ELEMENTS})`);
  const elements = value.elements.map((e, i): ViewElement => {
    if (!isObject(e) || (e.group !== 'nodes' && e.group !== 'edges') || !isObject(e.data) || typeof e.data.id !== 'string')
      return fail(`elements[${i}] needs group, data and data.id`);
    if (e.group === 'edges' && (typeof e.data.source !== 'string' || typeof e.data.target !== 'string'))
      return fail(`elements[${i}] is an edge without source and target`);
    const out: ViewElement = { group: e.group, data: e.data as ViewElement['data'] };
    if (typeof e.classes === 'string') out.classes = e.classes;
    if (isObject(e.position) && isFiniteNumber(e.position.x) && isFiniteNumber(e.position.y))
      out.position = { x: e.position.x, y: e.position.y };
    return out;
  });
  const ids = (v: unknown, name: string) =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fail(`${name} must be a list of ids`);
  const pan =
    isObject(value.pan) && isFiniteNumber(value.pan.x) && isFiniteNumber(value.pan.y) ? { x: value.pan.x, y: value.pan.y } : { x: 0, y: 0 };
  const picks = Array.isArray(value.picks)
    ? value.picks.filter(
        (p): p is GroupPick => isObject(p) && ['all', 'kind', 'year', 'country'].includes(String(p.by)) && typeof p.key === 'string',
      )
    : [];
  const view: SavedView = {
    version: VIEW_VERSION,
    title: typeof value.title === 'string' ? value.title.slice(0, 200) : 'Saved view',
    savedAt: typeof value.savedAt === 'string' ? value.savedAt : '',
    undated: value.undated !== false,
    layout: (LAYOUTS.includes(String(value.layout)) ? value.layout : 'auto') as LayoutName,
    picks,
    elements,
    hidden: ids(value.hidden ?? [], 'hidden'),
    pinned: ids(value.pinned ?? [], 'pinned'),
    zoom: isFiniteNumber(value.zoom) && value.zoom > 0 ? value.zoom : 1,
    pan,
  };
  if (typeof value.entity === 'string') view.entity = value.entity;
  if (isPeriod(value.from as string)) view.from = value.from as string;
  if (isPeriod(value.to as string)) view.to = value.to as string;
  if (isObject(value.path) && typeof value.path.from === 'string' && typeof value.path.to === 'string')
    view.path = value.path as unknown as PathQuery;
  return view;
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The view as text for a URL hash: JSON, deflated, base64url. */
export async function encodeView(view: SavedView): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(view)), new CompressionStream('deflate-raw')));
}

export async function decodeView(text: string): Promise<SavedView> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'))));
  } catch {
    throw new ViewError('This link’s view cannot be read (cut short or changed?).');
  }
  return parseView(json);
}

/** Rounds positions to whole pixels: a link a third shorter, a picture no different. */
export function compactElements(elements: ViewElement[]): ViewElement[] {
  return elements.map((e) => (e.position ? { ...e, position: { x: Math.round(e.position.x), y: Math.round(e.position.y) } } : e));
}
