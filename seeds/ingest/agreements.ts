// Agreements: a document word ("memorandum of understanding", "agreement", "protocol", "roadmap",
// "joint declaration", "exchange of notes"…) with the words that name it — a determiner and
// modifiers ("a new strategic partnership agreement"), capitalised names ("the Belfast (Good Friday)
// Agreement", "Pacific-EU Protocol", "Roadmap 2030"), a bracketed acronym and an "on/between/for …"
// tail — and its status from the nearest cue before it in the sentence, or after it for the passive
// ("… was signed", "was initialled by"): planned ("will sign", "upcoming signing", "plan to sign"),
// initialled, signed ("signed", "witnessed the signing of", "issued"), discussed ("reviewed",
// "discussed", "progress of"). A document named with capitals but nothing done to it is discussed
// (an existing agreement mentioned); an unnamed one with no cue is a topic and left out, and so are
// plurals ("supply agreements"). Parties: "between A and B" (organisations or countries; "the foreign
// ministries of A and B" → each country's foreign ministry), else the countries named in the phrase.
import nlp from 'compromise';
import type { AgreementFact } from '../../domain/fact-schema.ts';
import { countryIndex, type Lexed } from './lexical.ts';
import type { OrgDraft, OrgRegistry } from './organizations.ts';
import type { Rules } from './rules.ts';
import type { Span } from './text.ts';

export type PartyRef = { type: 'org'; org: OrgDraft } | { type: 'country'; iso: string };

export interface AgreementDraft {
  title: string;
  kind: AgreementFact['kind'];
  status: AgreementFact['status'];
  parties: PartyRef[];
  quote: Span;
  sentence: number;
  why: string;
  /** The name of the rule that drafted it. */
  rule: string;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** A word in any letter case ("agreement", "Agreement", "MOU", "MoU"), for a pattern that must tell capitals elsewhere. */
const anyCase = (w: string) =>
  [...w]
    .map((c) =>
      c === ' '
        ? '\\s+'
        : c.toLowerCase() !== c.toUpperCase()
          ? `[${c.toLowerCase()}${c.toUpperCase()}]`
          : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
/**
 * A word that can stand in a document's noun phrase between a determiner and the document word: not
 * a preposition, pronoun, conjunction, determiner, adverb or auxiliary. Verbs are let through, since
 * in that frame "air", "transport", "services" are nouns ("a bilateral air services agreement").
 */
function nounLike(word: string): boolean {
  if (/^\d{4}$/.test(word)) return true;
  const tags = (nlp(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
  return !tags.some((t) =>
    ['Preposition', 'Pronoun', 'Conjunction', 'Determiner', 'Adverb', 'QuestionWord', 'Modal', 'Auxiliary', 'Copula'].includes(t),
  );
}
const CAP = "\\p{Lu}[\\p{L}\\p{N}.'’&-]*";

export function findAgreements(lexed: Lexed, rules: Rules, orgs: OrgRegistry): AgreementDraft[] {
  const countries = countryIndex(rules);
  const kinds = Object.entries(rules.lexicon.agreements.kinds).flatMap(([kind, words]) =>
    words.map((w) => ({ kind: kind as AgreementFact['kind'], word: w.toLowerCase() })),
  );
  kinds.sort((a, b) => b.word.length - a.word.length);
  const modifiers = rules.lexicon.agreements.modifiers.map(anyCase).join('|');
  // determiner? (modifier | Capitalised word | "(Good Friday)")* DOCWORD (ACRONYM)? (number)?
  const docRe = new RegExp(
    `(?<![\\p{L}])((?:(?:[Aa]|[Aa]n|[Tt]he|[Tt]his|[Tt]heir|[Ii]ts|[Oo]ur)\\s+)?)((?:(?:${modifiers}|${CAP}(?:\\s+\\(${CAP}(?:\\s+${CAP})*\\))?)\\s+){0,6})(${kinds.map((k) => anyCase(k.word)).join('|')})(?![\\p{L}])(\\s+\\(\\p{Lu}[\\p{L}]{1,9}\\))?(\\s+\\d{4}(?:[-–]\\d{2,4})?)?`,
    'gu',
  );
  const cues = Object.entries(rules.lexicon.agreements.status) as [AgreementFact['status'], string[]][];
  const cueRe = new RegExp(
    `(?<![\\p{L}])(?:${cues
      .flatMap(([, words]) => words)
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![\\p{L}])`,
    'giu',
  );
  const statusOf = (cue: string) =>
    cues.find(([, words]) => words.some((w) => w.toLowerCase() === cue.toLowerCase().replace(/\s+/g, ' ')))?.[0];

  const found: AgreementDraft[] = [];
  for (const sentence of lexed.sentences) {
    const s = sentence.text;
    const sentenceCues = [...s.matchAll(cueRe)]
      .map((m) => ({ at: m.index!, end: m.index! + m[0].length, status: statusOf(m[0])! }))
      .filter((c) => c.status);
    for (const m of s.matchAll(docRe)) {
      const wordText = m[3]!;
      const word = wordText.toLowerCase().replace(/\s+/g, ' ');
      const after = s.slice(m.index! + m[0].length);
      // "an agreement to sign a Memorandum…": the memorandum is the document; this is its status.
      if (/^\s+to\s+(sign|conclude)\b/i.test(after)) continue;
      // A plural is a topic ("supply agreements"), unless the document's name is plural ("Exchange of Notes").
      if (/s$/i.test(wordText) && !/notes$/i.test(word) && !/\s/.test(word)) continue;
      const kind = kinds.find((k) => k.word === word)!.kind;
      // Modifiers: the capitalised and listed words right before the document word, and after a
      // determiner every word of its noun phrase ("a bilateral air services agreement", "the 2018 agreement").
      let mods = m[2]!.trim();
      let lead = m[1]!;
      let matchStart = m.index!;
      if (!lead) {
        const np = /(?<![\p{L}])([Aa]n?|[Tt]he|[Tt]his|[Tt]heir|[Ii]ts)\s+((?:[\p{Ll}\p{N}][\p{L}\p{N}-]*\s+){1,4})$/u.exec(
          s.slice(0, m.index!),
        );
        if (
          np &&
          np[2]!
            .trim()
            .split(/\s+/)
            .every((w) => nounLike(w))
        ) {
          mods = `${np[2]!.trim()}${mods ? ` ${mods}` : ''}`;
          lead = `${np[1]} `;
          matchStart = np.index;
        }
      }
      // Capitals name a document, except the one every sentence starts with ("Joint statement after…").
      const opening = s.slice(0, matchStart).trim() === '' && !lead;
      const capitalWords = `${mods} ${wordText}`
        .trim()
        .split(/\s+/)
        .filter((w, k) => /^\p{Lu}/u.test(w) && !(opening && k === 0));
      const named = capitalWords.length > 0 || Boolean(m[4]) || Boolean(m[5]);
      // The document's name runs on through its "on …"/"between …" phrase.
      const tail =
        /^((?:\s+(?:on|of|between|for|concerning|regarding|in the field of)\s+[^,.;()]+?)?)(?=,|\.|;|\(|$|\s+(?:paving|which|that|to\s+\w+|as\s+well|was|were|is|will|has|had|took))/.exec(
          after,
        );
      const tailText = tail?.[1] ?? '';
      const docText = `${mods ? `${mods} ` : ''}${wordText}${m[4] ?? ''}${m[5] ?? ''}${tailText}`.replace(/\s+/g, ' ').trim();
      const docStart = matchStart + lead.length;
      const docEnd = m.index! + m[0].length + tailText.length;
      // Status: the nearest cue before the document in its sentence; else the first after (passive).
      const before = sentenceCues.filter((c) => c.end <= docStart).pop();
      const afterCue = sentenceCues.find((c) => c.at >= docEnd && c.at - docEnd < 60);
      const cue = before ?? afterCue;
      // "the agreement", "this accord" alone point back to a document already named.
      if (!mods && !tailText && !m[4] && !m[5] && /^(?:the|this|that)\s/i.test(lead)) continue;
      // "the ‘Effective Governance’ programme": a quoted name is a project's, not a document's.
      if (/['’”"]\s*$/.test(s.slice(0, docStart)) || /['’”"]$/.test(mods)) continue;
      let status = cue?.status;
      let rule = cue ? (before ? 'agreement:status-cue-before' : 'agreement:passive-status') : 'agreement:named-document';
      if (!status) {
        if (!named) continue; // an unnamed document with nothing done to it is a topic
        status = 'discussed';
      }
      // Between two documents of one list the cue before governs both.
      const parties: PartyRef[] = [];
      const between = /\bbetween\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+)$/.exec(docText);
      if (between) {
        const ministries = /^foreign ministries of\s+(.+)$/i.exec(between[1]!);
        if (ministries) {
          for (const name of [ministries[1]!, between[2]!]) {
            const iso = countries.byPhrase.get(name.trim())?.iso;
            const org = iso ? orgs.find(`Ministry of Foreign Affairs of ${countries.names.get(iso)}`) : undefined;
            if (org) parties.push({ type: 'org', org });
            else if (iso) parties.push({ type: 'country', iso });
          }
        } else {
          for (const name of [between[1]!, between[2]!]) {
            const cleaned = name.trim().replace(/^([\p{Lu}][\p{L} ]*?)['’]s\s+/u, '');
            const org =
              orgs.find(cleaned) ??
              orgs.find(name.trim()) ??
              orgs.orgs.find((o) => name.includes(o.name) || [...o.aliases].some((a) => name.trim().endsWith(a)));
            const iso = countries.byPhrase.get(cleaned)?.iso;
            if (org) parties.push({ type: 'org', org });
            else if (iso) parties.push({ type: 'country', iso });
          }
        }
      }
      if (!parties.length) {
        for (const o of orgs.orgs) {
          if ([o.name, ...o.aliases].some((n) => new RegExp(`(?<![\\p{L}])${escape(n)}(?![\\p{L}])`, 'u').test(docText)))
            parties.push({ type: 'org', org: o });
        }
        for (const c of countries.finder.find(docText)) {
          const iso = countries.byPhrase.get(c.phrase)!.iso;
          if (!parties.some((p) => p.type === 'country' && p.iso === iso)) parties.push({ type: 'country', iso });
        }
      }
      if (parties.length) rule += between ? '+parties-between' : '+parties-named';
      const quoteFrom = Math.min(docStart, cue && before ? cue.at : docStart);
      const quoteTo = Math.max(docEnd, cue && !before ? cue.end : docEnd);
      // "the New Agreement" after "the new partnership Agreement between …": the same document.
      const words = (t: string) =>
        t
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean);
      if (found.some((f) => f.kind === kind && words(docText).every((w) => words(f.title).includes(w)))) continue;
      found.push({
        title: docText[0]!.toUpperCase() + docText.slice(1),
        kind,
        status,
        parties,
        quote: { start: sentence.start + quoteFrom, end: sentence.start + quoteTo },
        sentence: sentence.index,
        why: cue
          ? `"${wordText}" with the status cue "${s.slice(cue.at, cue.end)}"`
          : `a named "${wordText}" with nothing done to it: mentioned`,
        rule,
      });
    }
  }
  return found;
}
