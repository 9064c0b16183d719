// Agreements: a singular document word ("a memorandum of understanding on…", "an agreement on…")
// with its status from the clause — "signed" → signed, "an agreement to sign" → agreed-to-sign,
// "plan to sign"/"will sign" → planned, "discussed" → discussed. Plural mentions ("supply
// agreements") are topics, not documents. Parties: "between A and B" (organisations or countries;
// "the foreign ministries of A and B" → each country's foreign ministry).
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
}

export function findAgreements(lexed: Lexed, rules: Rules, orgs: OrgRegistry): AgreementDraft[] {
  const countries = countryIndex(rules);
  const kinds = Object.entries(rules.lexicon.agreements.kinds).flatMap(([kind, words]) => words.map((w) => ({ kind: kind as AgreementFact['kind'], word: w })));
  kinds.sort((a, b) => b.word.length - a.word.length);
  // Unicode-aware word ends: "communiqué" ends in a letter \b does not see.
  const docRe = new RegExp(`(?<![\\p{L}])(a|an|the)\\s+(?:new\\s+|joint\\s+|bilateral\\s+|draft\\s+)?(${kinds.map((k) => k.word.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'giu');
  const found: AgreementDraft[] = [];
  for (const sentence of lexed.sentences) {
    const s = sentence.text;
    for (const m of s.matchAll(docRe)) {
      const word = m[2]!.toLowerCase().replace(/\s+/g, ' ');
      const rest = s.slice(m.index! + m[0].length);
      // "an agreement to sign a Memorandum…": the memorandum is the document; this is its status.
      if (/^\s+to\s+(sign|conclude)\b/i.test(rest)) continue;
      const kind = kinds.find((k) => k.word === word)!.kind;
      // The document's name runs to the end of its "on …"/"between …" phrase.
      const tail = /^((?:\s+(?:on|of|between|for|in the field of|regarding)\s+[^,.;]+?)?)(?=,|\.|;|$|\s+(?:paving|which|that|to\s+\w+|as\s+well))/.exec(rest);
      const docText = `${m[2]!}${tail?.[1] ?? ''}`.trim();
      const start = sentence.start + m.index!;
      const clauseStart = Math.max(0, s.lastIndexOf(',', m.index!) + 1);
      const clause = s.slice(clauseStart, m.index! + m[0].length + (tail?.[1]?.length ?? 0));
      const context = s.slice(Math.max(0, m.index! - 80), m.index!);
      let status: AgreementFact['status'] | undefined;
      for (const [candidate, cues] of Object.entries(rules.lexicon.agreements.status) as [AgreementFact['status'], string[]][]) {
        if (cues.some((cue) => new RegExp(`\\b${cue.replace(/ /g, '\\s+')}\\b`, 'i').test(context))) {
          status = candidate;
          break;
        }
      }
      if (!status) continue; // a document named without anything done to it
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
            const org = orgs.find(cleaned) ?? orgs.find(name.trim()) ?? orgs.orgs.find((o) => name.includes(o.name) || [...o.aliases].some((a) => name.trim().endsWith(a)));
            const iso = countries.byPhrase.get(cleaned)?.iso;
            if (org) parties.push({ type: 'org', org });
            else if (iso) parties.push({ type: 'country', iso });
          }
        }
      }
      if (!parties.length) {
        for (const c of countries.finder.find(docText)) {
          const iso = countries.byPhrase.get(c.phrase)!.iso;
          if (!parties.some((p) => p.type === 'country' && p.iso === iso)) parties.push({ type: 'country', iso });
        }
      }
      const quoteStart = sentence.start + clauseStart + (s.slice(clauseStart).length - s.slice(clauseStart).trimStart().length);
      found.push({
        title: docText[0]!.toUpperCase() + docText.slice(1),
        kind,
        status,
        parties,
        quote: { start: Math.min(quoteStart, start), end: start + m[0].length + (tail?.[1]?.length ?? 0) },
        sentence: sentence.index,
        why: `"${m[2]}" with status cue in "${clause.trim().slice(0, 60)}"`,
      });
    }
  }
  return found;
}
