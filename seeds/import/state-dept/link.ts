// Links a person the prose names ("President Obama", "King Hussein", "Foreign Minister Sergei
// Lavrov") to someone the data itself knows — an anchor: a visitor (named, titled and placed by their
// own row), a traveller or president (the travels data and the presidents' terms), a counterpart whose
// country the text states, or a person of the seed articles. The place of a meeting is never used:
//   - a full name links to the one anchor of that name (folded, a shorter form of it, or a fuller one)
//     attested within PERIOD_YEARS; otherwise it is a person of its own, with no country;
//   - a surname links to the one anchor with that surname, of the country the text states (any, when it
//     states none), who is attested in a compatible office on a span that contains the mention's day.
//     No slack around the span: before a holder's first attestation or after their last, the office
//     may have been a relative's (Hafez before Bashar al-Assad; the elder Bush before the younger).
//   - anything else stays a mention, as written.
// Pure.
import { isSubForm, looseTokens, PERIOD_YEARS } from './identity.ts';

/** An office held on a span of days, as one record (or a term table) states it. */
export interface Attestation {
  office: string;
  from: string;
  to: string;
}

export interface Anchor {
  id: string;
  name: string;
  /** ISO code, or null when no record gives this person's country. */
  country: string | null;
  /** Loose token forms of every spelling this person is known by. */
  forms: string[][];
  attestations: Attestation[];
}

export type Link = { ok: true; anchor: Anchor; rule: string } | { ok: false; reason: string };

// Offices that name one post ("Premier" of China is its prime minister). Others compare as written.
const FAMILY: Record<string, string> = {
  premier: 'prime minister',
  'minister for foreign affairs': 'foreign minister',
  'minister of foreign affairs': 'foreign minister',
  'foreign secretary': 'foreign minister',
  emir: 'amir',
  'federal chancellor': 'chancellor',
  'defence minister': 'defense minister',
};

/** The post an office names: acting/interim and -elect/-designate are the same post's holder. */
export function officeFamily(office: string): string {
  const plain = office
    .toLowerCase()
    .replace(/^(?:acting|interim)\s+/, '')
    .replace(/[\s-]+(?:elect|designate)$/, '')
    .trim();
  return FAMILY[plain] ?? plain;
}

function yearOfDay(day: string): number {
  return Number(day.slice(0, 4));
}

/** Does `short` name the person `long` names (equal, or a shorter form of it)? */
function namesSame(short: string[], long: string[]): boolean {
  return short.join(' ') === long.join(' ') || isSubForm(short, long);
}

function span(attestations: readonly Attestation[]): [string, string] | null {
  if (attestations.length === 0) return null;
  let from = attestations[0]!.from;
  let to = attestations[0]!.to;
  for (const a of attestations) {
    if (a.from < from) from = a.from;
    if (a.to > to) to = a.to;
  }
  return [from, to];
}

function unique(anchors: Anchor[]): Anchor[] {
  return [...new Map(anchors.map((a) => [a.id, a])).values()];
}

/** A full name ("Sergei Lavrov"): the one anchor of that name attested within PERIOD_YEARS. */
export function linkFullName(name: string, day: string, anchors: readonly Anchor[]): Link {
  const tokens = looseTokens(name);
  const year = yearOfDay(day);
  const fits = unique(
    anchors.filter((a) => {
      // A fuller name of the anchor, or the anchor's a fuller one of it; never a lone-word form ("Abdullah" is not "Abdullah Gul").
      if (!a.forms.some((form) => namesSame(tokens, form) || (form.length > 1 && namesSame(form, tokens)))) return false;
      const s = span(a.attestations);
      return s !== null && yearOfDay(s[0]) - PERIOD_YEARS <= year && year <= yearOfDay(s[1]) + PERIOD_YEARS;
    }),
  );
  if (fits.length === 1) return { ok: true, anchor: fits[0]!, rule: 'full-name' };
  return { ok: false, reason: fits.length ? 'several known people have that name' : 'no known person has that name' };
}

export interface SurnameMention {
  name: string;
  office: string;
  /** The country the text states (a nationality before the office), or null. */
  country: string | null;
  day: string;
}

/** A surname with an office ("King Hussein"): the one anchor holding that office on that day. */
export function linkSurname(mention: SurnameMention, anchors: readonly Anchor[]): Link {
  const tokens = looseTokens(mention.name);
  const family = officeFamily(mention.office);
  const fits = unique(
    anchors.filter((a) => {
      if (mention.country !== null && a.country !== mention.country) return false;
      if (!a.forms.some((form) => namesSame(tokens, form))) return false;
      const s = span(a.attestations.filter((x) => officeFamily(x.office) === family));
      return s !== null && s[0] <= mention.day && mention.day <= s[1];
    }),
  );
  if (fits.length === 1) return { ok: true, anchor: fits[0]!, rule: 'surname-office-date' };
  return {
    ok: false,
    reason: fits.length ? 'a surname several known people fit' : 'a surname no known holder of that office fits on that day',
  };
}
