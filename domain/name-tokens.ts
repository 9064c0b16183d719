// The words of a person's name as the importer and identity resolution compare them: the project's
// folding (foldName), then honorifics, initials and a doubled word left out.
import { foldName } from './gazetteer.ts';

const HONORIFICS = new Set(['sheikh', 'sheik', 'shaikh', 'haji', 'hajji', 'dr', 'sir', 'tun', 'tunku']);

/** The words of a name as compared: folded, without honorifics, initials or a doubled word. */
export function nameTokens(name: string): string[] {
  const tokens = foldName(name)
    .split(' ')
    .filter((t) => t.length > 1 && !HONORIFICS.has(t));
  return tokens.filter((t, i) => t !== tokens[i - 1]);
}
