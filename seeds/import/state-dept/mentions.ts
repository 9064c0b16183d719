// Reads people out of the prose: the visitor string ("President Anwar Sadat, Prime Minister Mustafa
// Khalil" is two people), the counterparts a trip's remarks name ("Met with King Philippe and Prime
// Minister Alexander De Croo"), and the US officials a visit's description names ("Met with President
// Nixon December 8"). Only "Office Name" mentions after a meeting verb count: a text that names nobody
// ("Met with Spanish colonial officials") yields nothing. Pure.

export interface VisitorMention {
  /** 1-based position in the visitor string (joint visits have two). */
  index: number;
  name: string;
  office: string | null;
  /** Verbatim text of this visitor in the row. */
  text: string;
}

export interface OfficeMention {
  office: string;
  name: string;
  /** A nationality adjective before the office ("Russian"), or "former". */
  qualifier: string | null;
  /** Verbatim: "Russian Foreign Minister Sergei Lavrov". */
  text: string;
  /** Verbatim: the clause that says they met ("Met with … Lavrov."). */
  clause: string;
  /** A day the text gives right after the name ("President Nixon December 8"): [month, day]. */
  day: [number, number] | null;
  /** A country named right after the name ("King Hussein of Jordan"): the words after "of". */
  of: string | null;
  /** The mention with its "of Country" ("King Hussein of Jordan"), when there is one. */
  withOf?: string;
}

const VISITOR_OFFICES = ['Crown Prince', 'Prime Minister', 'President', 'King', 'Queen', 'Chancellor', 'Premier', 'Amir', 'Emir'];

/** Splits a visitor string; two people only when each part starts with an office. */
export function visitorMentions(visitor: string, title: string): VisitorMention[] {
  if (title) return [{ index: 1, name: visitor, office: title, text: visitor }];
  const officeAlt = VISITOR_OFFICES.join('|');
  const parts = visitor.split(new RegExp(`(?:,\\s+|\\s+and\\s+)(?=(?:${officeAlt})\\s)`));
  const withOffice = parts.map((part) => new RegExp(`^(${officeAlt})\\s+(.+)$`).exec(part));
  if (parts.length > 1 && withOffice.every(Boolean)) {
    return withOffice.map((m, i) => ({ index: i + 1, office: m![1]!, name: m![2]!.trim(), text: parts[i]! }));
  }
  return [{ index: 1, name: visitor, office: null, text: visitor }];
}

// Longest first, so "Deputy Prime Minister" wins over "Prime Minister".
export const COUNTERPART_OFFICES = [
  'First Deputy Prime Minister',
  'Deputy Prime Minister',
  'Acting Prime Minister',
  'Interim Prime Minister',
  'Prime Minister',
  'Minister for Foreign Affairs',
  'Minister of Foreign Affairs',
  'Deputy Foreign Minister',
  'Foreign Minister',
  'Foreign Secretary',
  'Defense Minister',
  'Defence Minister',
  'Acting President',
  'Interim President',
  'Vice President',
  'President-elect',
  'President',
  'Federal Chancellor',
  'Chancellor',
  'Crown Prince',
  'Prince',
  'King',
  'Queen',
  'Emperor',
  'Empress',
  'Pope',
  'Sultan',
  'Amir',
  'Emir',
  'Shah',
  'Vice Premier',
  'Premier',
  'Chairman',
  'General Secretary',
  'First Secretary',
  'Secretary General',
  'Generalissimo',
  'Governor General',
  'Grand Duke',
  'Grand Duchess',
  'State Councilor',
  'Taoiseach',
  'Secretary of State',
  'Supreme Leader',
  'Ecumenical Patriarch',
  'Patriarch',
  'Field Marshal',
  'Marshal',
] as const;

/** Offices a visit's description may give a US official that we can resolve (by term or by the travels data). */
export const US_OFFICES = ['President-elect', 'President', 'Secretary of State'] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

// A name: capitalised words, initials ("H.W."), particles before a capitalised word, al-/el- forms.
const WORD = String.raw`(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}’'\-]*\.?(?<=\p{L}|Jr\.|Sr\.)|d['’]\p{Lu}[\p{L}\-]*|(?:al|el)-\p{L}[\p{L}\-]*|(?:de|da|do|dos|das|del|della|di|van|von|der|den|du|bin|ibn|bint|al|el|y)(?=\s+\p{Lu}))`;
const NAME = `${WORD}(?:\\s+${WORD})*`;
/** Words that end a name: months (a date follows) and words that are not names. */
const NOT_NAME = new Set([
  ...MONTHS,
  ...MONTH_ABBR,
  ...MONTH_ABBR.map((m) => `${m}.`),
  'U.S.',
  'UN',
  'NATO',
  'EU',
  'The',
  'In',
  'At',
  'On',
  'During',
  'While',
  'And',
  'Also',
  'Later',
  'Afterward',
  'Afterwards',
]);

const TRIGGER =
  /\b(?:[Mm]et(?:\s+(?:informally|separately|briefly|privately|again|also))?\s+with|[Mm]eetings?\s+with|[Cc]onferred\s+with|[Aa]udience\s+with|[Cc]onsulted\s+with|[Tt]alks\s+with|[Dd]iscussed\b[^.;]*?\bwith)\b/g;
// A sentence ends at ";" or at "." followed by a space or the end, unless the "." closes an initial or "U.S.".
const CLAUSE_END = /;|(?<!\b\p{Lu}|\bJr|\bSr|\bSt)\.(?=\s|$)/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The clauses after a meeting verb, each with its start offset in `text`. */
export function meetingClauses(text: string): { clause: string; start: number }[] {
  const clauses: { clause: string; start: number }[] = [];
  for (const match of text.matchAll(TRIGGER)) {
    const start = match.index;
    const rest = text.slice(start);
    const end = CLAUSE_END.exec(rest.slice(match[0].length));
    const clause = end ? rest.slice(0, match[0].length + end.index + (end[0] === '.' ? 1 : 0)) : rest;
    if (!clauses.some((c) => c.start <= start && start < c.start + c.clause.length)) clauses.push({ clause, start });
  }
  return clauses;
}

function dayAfter(rest: string): [number, number] | null {
  const m = /^\s+([A-Z][a-z]+)\.?\s+(\d{1,2})\b/.exec(rest);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!) >= 0 ? MONTHS.indexOf(m[1]!) : MONTH_ABBR.indexOf(m[1]!);
  const day = Number(m[2]);
  return month >= 0 && day >= 1 && day <= 31 ? [month + 1, day] : null;
}

const patterns = new Map<readonly string[], RegExp>();

function mentionPattern(offices: readonly string[]): RegExp {
  let pattern = patterns.get(offices);
  if (!pattern) {
    const officeAlt = offices.map(escape).join('|');
    pattern = new RegExp(`(?:\\b(former|\\p{Lu}[\\p{L}]+(?:\\s+Authority)?)\\s+)?\\b(${officeAlt})(?![\\p{L}-])\\s+(${NAME})`, 'gu');
    patterns.set(offices, pattern);
  }
  return pattern;
}

/**
 * "Office Name" mentions in the meeting clauses of `text`. `offices` is the list to look for;
 * a capitalised word right before the office is kept as its qualifier ("Russian").
 */
export function officeMentions(text: string, offices: readonly string[]): OfficeMention[] {
  const found: OfficeMention[] = [];
  const pattern = mentionPattern(offices);
  for (const { clause } of meetingClauses(text)) {
    // Start after the verb: "Discussed … with" may hold capitalised words before "with".
    const verb = /\bwith\b/.exec(clause);
    const body = verb ? clause.slice(verb.index) : clause;
    for (const m of body.matchAll(pattern)) {
      let qualifier = m[1] ?? null;
      let office = m[2]!;
      if (qualifier && offices.includes(`${qualifier} ${office}`)) {
        office = `${qualifier} ${office}`;
        qualifier = null;
      }
      const words = m[3]!.split(/\s+/);
      const cut = words.findIndex((w) => NOT_NAME.has(w));
      const nameWords = cut < 0 ? words : words.slice(0, cut);
      while (nameWords.length && /^(?:de|da|do|dos|das|del|della|di|van|von|der|den|du|bin|ibn|bint|al|el|y)$/.test(nameWords.at(-1)!))
        nameWords.pop();
      if (nameWords.length === 0) continue;
      const name = nameWords.join(' ');
      const mentionStart = m.index + (m[1] && qualifier === null ? m[0].indexOf(office) : 0);
      const mentionText = body.slice(mentionStart, body.indexOf(name, m.index + m[0].indexOf(office)) + name.length);
      const after = body.slice(body.indexOf(name, m.index + m[0].indexOf(office)) + name.length);
      const of = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)/u.exec(after);
      found.push({
        office,
        name,
        qualifier,
        text: mentionText,
        clause,
        day: dayAfter(after),
        of: of ? of[1]! : null,
        ...(of ? { withOf: mentionText + of[0] } : {}),
      });
    }
  }
  return found;
}
