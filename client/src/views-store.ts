// Named views kept in this browser (localStorage): a view is the whole picture, so it reopens exactly,
// with no account and nothing stored on the server. Export/import as JSON moves one elsewhere.
import { parseView, type SavedView } from './view.ts';

const KEY = 'kg.views';

export interface StoredView {
  name: string;
  view: SavedView;
}

export function listViews(): StoredView[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((x) => {
      try {
        return typeof x?.name === 'string' ? [{ name: x.name as string, view: parseView(x.view) }] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** Saves (or replaces) a view under a name; false when the browser's storage is full. */
export function saveView(name: string, view: SavedView): boolean {
  const list = listViews().filter((v) => v.name !== name);
  list.unshift({ name, view });
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

export function deleteView(name: string): void {
  localStorage.setItem(KEY, JSON.stringify(listViews().filter((v) => v.name !== name)));
}
