// Events and who took part, sentence by sentence:
// - a trigger word gives the kind ("held talks" → talks, "met with" → meeting, "phone call" → call…);
// - meeting-like events take the people named in the sentence (not inside reported speech), the
//   delegations ("a Nigerian business delegation", head from "led by …"), unnamed officials ("the
//   Managing Director of NEXIM Nigeria" → the organisation with officialRole) and, for one-sided
//   sentences ("During talks with X", "In his meeting with X"), the side that acted last;
// - "the talks", "the forum" refer back to the last event of that kind; "attended", "joined" add the
//   people of the sentence to the event in context; "spoke" makes a speaker;
// - status is planned when the sentence says so ("upcoming", "scheduled", "will", "invited … to visit");
// - dates and places in the sentence go to the nearest trigger; meetings inside a visit or forum are
//   part of it; roles come from which country hosts (visit destination, place, dateline).
import nlp from 'compromise';
import type { EventKind, Role } from '../../domain/fact-schema.ts';
import { MEETING_KINDS } from '../../domain/model.ts';
import { findDates, type FoundDate } from './dates.ts';
import { countryIndex, type Lexed, type PlaceMention } from './lexical.ts';
import type { OrgDraft, OrgRegistry } from './organizations.ts';
import type { PersonDraft } from './people.ts';
import type { Rules } from './rules.ts';
import { PhraseFinder, type Sentence, type Span } from './text.ts';

export type WhoRef = { type: 'person'; person: PersonDraft } | { type: 'country'; iso: string } | { type: 'org'; org: OrgDraft };

export interface ParticipantDraft {
  who: WhoRef;
  role: Role;
  represents?: string;
  officialRole?: string;
  delegation: boolean;
  quote: Span;
  /** Role decided by a rule we trust less (host/guest from the dateline). */
  why: string;
}

export interface EventDraft {
  kind: EventKind;
  title: string;
  named: boolean;
  status: 'held' | 'planned';
  date?: FoundDate;
  place?: PlaceMention;
  partOf?: EventDraft;
  participants: ParticipantDraft[];
  quotes: Span[];
  trigger: Span;
  /** Where the visit goes, for host/guest roles. */
  destination?: string;
  why: string[];
  /** The name of the rule that drafted it (see rules/README in the lexicon's comments). */
  rule: string;
}

const MEETING = new Set<EventKind>(MEETING_KINDS);
const CONTAINERS = new Set<EventKind>(['visit', 'forum', 'summit', 'exhibition']);

interface Trigger extends Span {
  kind: EventKind;
  text: string;
}

export interface EventContext {
  lexed: Lexed;
  rules: Rules;
  people: PersonDraft[];
  orgs: OrgRegistry;
  published: string | null;
  homeCountry?: string | undefined;
  /** Where the dateline ends in the text (its date is not an event's). */
  datelineEnd?: number | undefined;
}

const sameWho = (a: WhoRef, b: WhoRef) =>
  a.type === b.type &&
  (a.type === 'person'
    ? a.person === (b as typeof a).person
    : a.type === 'country'
      ? a.iso === (b as typeof a).iso
      : a.org === (b as typeof a).org);

function addParticipant(event: EventDraft, p: ParticipantDraft): void {
  const existing = event.participants.find((x) => sameWho(x.who, p.who));
  if (existing) {
    if (existing.role === 'participant' && p.role !== 'participant') existing.role = p.role;
    return;
  }
  event.participants.push(p);
}

function wordsRegex(list: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\b`, 'i');
}

export function findEvents(ctx: EventContext): EventDraft[] {
  const { lexed, rules, people } = ctx;
  const { text } = lexed;
  const countries = countryIndex(rules);
  const lex = rules.lexicon.events;
  const triggerKinds = new Map<string, EventKind>();
  for (const [kind, words] of Object.entries(lex.kinds) as [EventKind, string[]][])
    for (const w of words) triggerKinds.set(w.toLowerCase(), kind);
  // "spoke today with", "met separately with": a time word or an adverb may stand inside a trigger.
  const triggerFinder = new PhraseFinder(
    triggerKinds.keys(),
    true,
    '(?:(?:today|yesterday|tonight|also|again|later|\\p{L}+ly|by\\s+(?:tele)?phone|on\\s+\\p{Lu}\\p{L}+day)\\s+)?',
  );
  const planned = wordsRegex(lex.planned);
  const attendance = wordsRegex(lex.attendance);
  const speaking = wordsRegex(lex.speaking);
  const titleHeadsPattern = rules.lexicon.titles.heads.map((h) => `${h[0]!.toUpperCase()}${h.slice(1)}`).join('|');
  const plural = 'ministers|foreign ministers|leaders|presidents|prime ministers|secretaries|counterparts|sides|delegations|heads of state';
  let lastMeeting: EventDraft | undefined;
  const separate = /\bseparate(?:ly)?\b|\beach of\b|\bindividual(?:ly)?\b/i;
  const pronoun = new RegExp(`\\b(?:${lex.personPronouns.join('|')})\\b`, 'i');
  const demonyms = [...countries.byPhrase.entries()].filter(([, v]) => v.demonym).map(([k]) => k);
  const delegationRe = new RegExp(
    `\\b(?:[Aa]n?|[Tt]he)\\s+(${demonyms.join('|')})\\s+(?:[a-z]+\\s+){0,2}?(delegation|mission|delegates)\\b`,
    'gu',
  );

  const events: EventDraft[] = [];
  let lastEvent: EventDraft | undefined;
  let agentFocus: WhoRef | undefined;
  let personFocus: PersonDraft | undefined;
  let lastDelegation: string | undefined;
  const agents: { who: WhoRef; sentence: number }[] = [];
  const inSpeech = (span: Span) => lexed.speech.some((s) => s.start <= span.start && span.end <= s.end);
  const reportedCue = new RegExp(
    `\\b(?:${rules.lexicon.events.reported.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\s+(?:(?:the|his|her|their)\\s+)?(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,6}$`,
    'iu',
  );
  /** A person named as the source of a message or instruction, not as someone present. */
  const reportedAt = (span: Span) => {
    const sentence = lexed.sentences.find((x) => x.start <= span.start && span.end <= x.end);
    return Boolean(sentence) && reportedCue.test(text.slice(Math.max(sentence!.start, span.start - 80), span.start));
  };

  const personMentions = (sentence: Sentence) =>
    people
      .flatMap((p) =>
        p.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end && !inSpeech(m)).map((m) => ({ person: p, span: m })),
      )
      .sort((a, b) => a.span.start - b.span.start);

  const represents = (who: WhoRef) => (who.type === 'person' ? who.person.country : who.type === 'country' ? who.iso : who.org.country);

  for (const sentence of lexed.sentences) {
    const s = sentence.text;
    // "greetings from President X", "at the instruction of X": named, never present.
    const mentions = personMentions(sentence).filter((m) => !reportedAt(m.span));
    const triggers: Trigger[] = triggerFinder
      .find(s, sentence.start)
      .filter((t) => !inSpeech(t))
      .map((t) => ({ start: t.start, end: t.end, text: t.text, kind: triggerKinds.get(t.phrase.toLowerCase())! }))
      // "talks" inside "held talks" is the same trigger.
      .filter((t, i, all) => !all.some((o, j) => j !== i && o.start <= t.start && t.end <= o.end && o.end - o.start > t.end - t.start));
    // Planned when a cue is near the trigger ("an upcoming visit", "will soon travel"), not anywhere
    // in the sentence ("…talks … including a planned rail link").
    const isPlannedAt = (t: Span) => planned.test(text.slice(Math.max(sentence.start, t.start - 100), Math.min(sentence.end, t.end + 40)));
    const delegations = [...s.matchAll(delegationRe)].map((m) => ({
      iso: countries.byPhrase.get(m[1]!)!.iso,
      start: sentence.start + m.index!,
      end: sentence.start + m.index! + m[0].length,
      word: m[2]!,
    }));
    if (/^Delegates\b/.test(s) && lastDelegation)
      delegations.push({ iso: lastDelegation, start: sentence.start, end: sentence.start + 9, word: 'delegates' });
    const usesPronoun = pronoun.test(s.slice(0, triggers[0] ? triggers[0].start - sentence.start : s.length));
    const created: EventDraft[] = [];
    /** Where each event of this sentence is triggered in it (a referenced event's own trigger is elsewhere). */
    const here = new Map<EventDraft, Span>();
    const seenKinds = new Set<EventKind>();

    for (const trigger of triggers) {
      if (seenKinds.has(trigger.kind)) continue;
      const mark = (e: EventDraft) => {
        if (!here.has(e)) here.set(e, trigger);
      };
      const before = text.slice(Math.max(sentence.start, trigger.start - 40), trigger.start);
      const after = text.slice(trigger.end, Math.min(sentence.end, trigger.end + 160));
      const definite = /\b(?:the|this|these|The|This|These)\s+(?:[a-z-]+\s+){0,2}$/.test(before) && !/^\s+(?:between|with)\b/.test(after);
      // Inside a name already taken ("Business Forum and Afghan Goods Exhibition"): not another event.
      if (
        created.some(
          (e) =>
            e.named &&
            here.get(e) &&
            trigger.start > here.get(e)!.start &&
            trigger.start - here.get(e)!.end < 60 &&
            e.title.toLowerCase().includes(trigger.text.toLowerCase()),
        )
      )
        continue;
      const title = eventName(text, trigger, sentence);
      if (title && ['forum', 'summit', 'exhibition', 'session'].includes(trigger.kind)) {
        const existing = events.find(
          (e) => e.kind === trigger.kind && e.named && (e.title === title || e.title.includes(title) || title.includes(e.title)),
        );
        if (existing) {
          existing.quotes.push(sentenceQuote(sentence));
          lastEvent = existing;
          created.push(existing);
          mark(existing);
          seenKinds.add(trigger.kind);
          continue;
        }
      }
      if (definite && !title) {
        const group = MEETING.has(trigger.kind) ? (e: EventDraft) => MEETING.has(e.kind) : (e: EventDraft) => e.kind === trigger.kind;
        const target = [...events].reverse().find(group);
        if (target) {
          lastEvent = target;
          seenKinds.add(trigger.kind);
          if (!target.quotes.some((q) => q.start === sentence.start)) target.quotes.push(sentenceQuote(sentence));
          continue;
        }
      }
      // A meeting told without a past tense inside a visit still to come is part of its programme.
      const container = [...events].reverse().find((e) => CONTAINERS.has(e.kind));
      const programme = MEETING.has(trigger.kind) && container?.status === 'planned' && !pastTense(s);
      const event: EventDraft = {
        kind: trigger.kind,
        title: title ?? '',
        named: Boolean(title),
        status: isPlannedAt(trigger) || programme ? 'planned' : 'held',
        participants: [],
        quotes: [sentenceQuote(sentence)],
        trigger,
        why: [`trigger "${trigger.text}"`],
        rule: `${trigger.kind}:trigger-in-sentence`,
      };
      const quote = sentenceQuote(sentence);
      if (MEETING.has(trigger.kind) && !(title && trigger.kind === 'session')) {
        for (const m of mentions) {
          // "greetings from President X", "at the instruction of X": named, not present.
          if (reportedAt(m.span)) continue;
          addParticipant(event, {
            who: { type: 'person', person: m.person },
            role: 'participant',
            delegation: false,
            quote,
            why: 'named in the sentence',
          });
        }
        for (const d of delegations)
          addParticipant(event, { who: { type: 'country', iso: d.iso }, role: 'guest', delegation: true, quote: d, why: 'a delegation' });
        // "the presidents of Kazakhstan and Nigeria"
        const officials =
          /\b(?:the\s+)?(?:presidents|leaders|foreign ministers|ministers|heads of state)\s+of\s+([\p{Lu}][\p{L} ]+?)\s+and\s+([\p{Lu}][\p{L}]+)/u.exec(
            after,
          );
        if (officials && !mentions.length) {
          for (const name of [officials[1]!, officials[2]!]) {
            const c = countries.byPhrase.get(name);
            if (c)
              addParticipant(event, {
                who: { type: 'country', iso: c.iso },
                role: 'participant',
                delegation: false,
                quote,
                why: 'officials named by country',
              });
          }
        }
        // "Consultations between Brazil and Angola were held": the two countries' delegations.
        const betweenCountries =
          /^\s+between\s+(?:the\s+)?([\p{Lu}][\p{L} ]+?)\s+and\s+(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)*)/u.exec(after) ??
          // "Kenya and Ghana on Monday initialled…": two countries as the subject.
          (trigger.kind === 'signing'
            ? /(?<![\p{L},]\s?)(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)*)\s+and\s+(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)*)(?:\s+\([\p{Lu}]+\))?\s+(?:(?:on|in)\s+\S+\s+|have\s+|has\s+|also\s+)*$/u.exec(
                text.slice(sentence.start, trigger.start),
              )
            : null);
        if (betweenCountries && !mentions.length) {
          const pair = [betweenCountries[1]!, betweenCountries[2]!].map((n) => countries.byPhrase.get(n)).filter((c) => c && !c.demonym);
          if (pair.length === 2 && pair[0]!.iso !== pair[1]!.iso) {
            for (const c of pair)
              addParticipant(event, {
                who: { type: 'country', iso: c!.iso },
                role: 'participant',
                delegation: true,
                quote,
                why: 'the delegations of two countries',
              });
            event.rule = `${event.kind}:between-two-countries`;
          }
        }
        // "The ministers agreed to meet again": the people of the meeting told last.
        if (
          event.participants.length === 0 &&
          lastMeeting &&
          new RegExp(`\\b(?:[Tt]he|[Bb]oth)\\s+(?:two\\s+)?(?:${plural})\\b|^They\\b`, 'u').test(text.slice(sentence.start, trigger.start))
        ) {
          for (const p of lastMeeting.participants)
            if (p.role !== 'mentioned' && p.who.type === 'person')
              addParticipant(event, { ...p, quote, why: 'the two of the meeting told last' });
          event.rule = `${event.kind}:the-two-of-the-last-meeting`;
        }
        // "a meeting with the Managing Director of NEXIM Nigeria": an unnamed official.
        const official =
          /^\s+with\s+(?:the\s+)?((?:[\p{Lu}][\p{L}]*\s+){0,3}?(?:Director|Minister|Secretary|Chairman|Ambassador|President|Head|Governor|CEO|Representative)(?:\s+General)?)\s+of\s+(?:the\s+)?([\p{Lu}][\p{L}\p{N}]*(?:\s+[\p{Lu}][\p{L}\p{N}]*)*)/u.exec(
            after,
          );
        if (official && !mentions.some((m) => m.span.start > trigger.end)) {
          const org = ctx.orgs.find(official[2]!) ?? ctx.orgs.orgs.find((o) => official[2]!.startsWith(o.name));
          if (org) {
            addParticipant(event, {
              who: { type: 'org', org },
              role: 'participant',
              delegation: false,
              officialRole: official[1]!,
              ...(org.country ? { represents: org.country } : {}),
              quote,
              why: 'an unnamed official of an organisation',
            });
          }
        }
        const subjectSide = [
          ...mentions.filter((m) => m.span.start < trigger.start).map((m): WhoRef => ({ type: 'person', person: m.person })),
          ...delegations.filter((d) => d.start < trigger.start).map((d): WhoRef => ({ type: 'country', iso: d.iso })),
        ].map((who) => ({ who }));
        const oneSided = /^\s*with\b/.test(after) || /^\s+with\b/.test(after);
        // "She met …", "The Deputy Minister also met …": the subject is the person the text is about.
        const lead = text.slice(sentence.start, trigger.start);
        const titledSubject = new RegExp(
          `^(?:[^,]*,\\s*)?(?:[Tt]he|[Hh]is|[Hh]er)\\s+(?:[\\p{Lu}][\\p{L}-]*\\s+){0,3}?(?:${titleHeadsPattern})\\b(?![^,]*\\bof\\b)`,
          'u',
        ).test(lead);
        const pronounSubject = new RegExp(
          `\\b(?:${lex.personPronouns.filter((w) => /^(?:he|she)$/i.test(w)).join('|')})\\s+(?:\\w+\\s+){0,2}$`,
          'i',
        ).test(lead);
        const impliedSubject =
          subjectSide.length === 0 &&
          event.participants.length >= 1 &&
          (titledSubject || pronounSubject) &&
          personFocus !== undefined &&
          !event.participants.some((p) => p.who.type === 'person' && p.who.person === personFocus);
        if (impliedSubject) {
          addParticipant(event, {
            who: { type: 'person', person: personFocus! },
            role: 'participant',
            delegation: false,
            quote,
            why: 'the subject the text is about',
          });
          event.rule = `${event.kind}:implied-subject`;
        } else if (oneSided && subjectSide.length === 0) {
          const focus: WhoRef | undefined = usesPronoun && personFocus ? { type: 'person', person: personFocus } : agentFocus;
          if (focus)
            addParticipant(event, {
              who: focus,
              role: 'participant',
              delegation: focus.type !== 'person',
              quote,
              why: 'the side that acted last',
            });
          if (focus) event.rule = `${event.kind}:side-that-acted-last`;
        } else if (subjectSide[0]) {
          agentFocus = subjectSide[0].who;
          if (agentFocus.type === 'person') personFocus = agentFocus.person;
          agents.push({ who: agentFocus, sentence: sentence.index });
        }
        // "led by … NAME": the head of the delegation.
        const led = /\bled by\b/.exec(s);
        if (led && delegations[0]) {
          const head = mentions.find((m) => m.span.start > sentence.start + led.index);
          if (head) {
            const p = event.participants.find((x) => x.who.type === 'person' && x.who.person === head.person);
            if (p) p.role = 'head_of_delegation';
            head.person.country ??= delegations[0].iso;
          }
        }
        if (event.participants.length < 2) {
          // Not a meeting we can say anything about ("talks about sending…", "held meetings with senior officials").
          continue;
        }
      } else if (trigger.kind === 'visit' || trigger.kind === 'mission') {
        const invited = /\binvited\s+(?:\S+\s+){0,4}?to\s+visit\b/.test(s);
        const destination = /\bto\s+(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)*)/u.exec(after);
        const destPlace = lexed.places.find((p) => p.start >= trigger.end && p.start - trigger.end < 30 && p.iso);
        const destIso =
          (destination ? countries.byPhrase.get(destination[1]!)?.iso : undefined) ??
          (/^\s+(?:[A-Z][\p{L}]+)/u.test(after)
            ? countries.finder
                .find(after.slice(0, 40))
                .map((c) => countries.byPhrase.get(c.phrase)!)
                .find((c) => !c.demonym)?.iso
            : undefined) ??
          destPlace?.iso;
        if (destIso) event.destination = destIso;
        if (destPlace && trigger.kind === 'visit') event.place = destPlace;
        if (invited && mentions.length >= 2) {
          event.status = 'planned';
          addParticipant(event, {
            who: { type: 'person', person: mentions[1]!.person },
            role: 'guest',
            delegation: false,
            quote,
            why: 'invited to visit',
          });
          addParticipant(event, {
            who: { type: 'person', person: mentions[0]!.person },
            role: 'host',
            delegation: false,
            quote,
            why: 'invited',
          });
          if (!event.destination && mentions[0]!.person.country) event.destination = mentions[0]!.person.country;
        } else if (delegations.length) {
          const d = delegations.find((x) => Math.abs(x.start - trigger.start) < 80) ?? delegations[0]!;
          addParticipant(event, { who: { type: 'country', iso: d.iso }, role: 'guest', delegation: true, quote: d, why: 'a delegation' });
        } else {
          // "X, who arrived in Astana on a working visit": the person right before the clause.
          const visitor = [...mentions].reverse().find((m) => m.span.end <= trigger.start);
          const sender = /\b(?:send|sent|dispatch)\b/.test(s)
            ? countries.finder.find(s, sentence.start).find((c) => c.start < trigger.start)
            : undefined;
          // "President X would visit Accra", "X visited the site": the subject right before the verb.
          const between = visitor ? text.slice(visitor.span.end, trigger.start) : '';
          const subjectVisits =
            /^\s+(?:also\s+)?(?:(?:will|would|shall|is to|was to|plans to|is expected to|intends to)\s+)?(?:pay\s+(?:an?\s+)?(?:[a-z]+\s+)?)?$/.test(
              between,
            );
          if (visitor && (subjectVisits || /\bwho\s+(?:arrived|came|is|was)\b/.test(between))) {
            addParticipant(event, {
              who: { type: 'person', person: visitor.person },
              role: 'guest',
              delegation: false,
              quote,
              why: 'the visitor',
            });
          } else if (sender) {
            addParticipant(event, {
              who: { type: 'country', iso: countries.byPhrase.get(sender.phrase)!.iso },
              role: 'guest',
              delegation: true,
              quote,
              why: 'sends the mission',
            });
          } else if (trigger.kind === 'visit' && !title) {
            continue;
          }
        }
        if (!title)
          event.title = visitTitle(
            event,
            trigger.kind,
            countries.names,
            /\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z-]+\s+){1,2})$/.exec(before)?.[1]?.trim(),
          );
      } else if (!title) {
        continue; // an unnamed forum/summit/session is not worth a fact ("the session ended…" is handled as a reference)
      }
      if (trigger.kind === 'session' && usesPronoun && personFocus && speaking.test(s)) {
        addParticipant(event, {
          who: { type: 'person', person: personFocus },
          role: 'speaker',
          delegation: false,
          quote,
          why: 'spoke at the session',
        });
      }
      // Merge with an earlier event of the same kind group and the same people ("held talks" and
      // "the meeting between the same two").
      const twin = events.find(
        (e) =>
          MEETING.has(e.kind) && MEETING.has(event.kind) && e.status === event.status && e.participants.length >= 2 && samePeople(e, event),
      );
      if (twin) {
        twin.quotes.push(sentenceQuote(sentence));
        if (event.kind === 'talks') twin.kind = 'talks';
        lastEvent = twin;
        created.push(twin);
        mark(twin);
        seenKinds.add(trigger.kind);
        continue;
      }
      // "had separate meetings with A, B and C": one meeting of the subject with each of them.
      const objects = mentions.filter(
        (m) => m.span.start > trigger.end && event.participants.some((p) => p.who.type === 'person' && p.who.person === m.person),
      );
      const subjects = event.participants.filter((p) => !objects.some((o) => p.who.type === 'person' && p.who.person === o.person));
      // Counterparts of different countries in one list ("met Norway's A, the UK's B and Iraq's C") are
      // as many bilateral meetings: nothing says they met each other.
      const objectCountries = objects.map((o) => o.person.country);
      // A conference, a trilateral or "the ministers of A, X, and B, Y" is one meeting of them all.
      const joint =
        /conference/i.test(trigger.text) ||
        /\b(?:trilateral|quadrilateral|jointly|together|joint)\b/i.test(s) ||
        new RegExp(
          `^\\s*(?:with\\s+)?the\\s+(?:\\p{L}+\\s+){0,2}(?:${[...rules.sets.titleHeads].filter((h) => /s$/.test(h)).join('|')})\\s+of\\b`,
          'iu',
        ).test(after);
      const counterparts = !joint && objectCountries.every((c) => c !== undefined) && new Set(objectCountries).size === objects.length;
      if (
        MEETING.has(event.kind) &&
        objects.length >= 2 &&
        subjects.length >= 1 &&
        (counterparts || separate.test(text.slice(Math.max(sentence.start, trigger.start - 25), sentence.end)))
      ) {
        for (const o of objects) {
          const single: EventDraft = {
            ...event,
            participants: [
              ...subjects.map((p) => ({ ...p })),
              { ...event.participants.find((p) => p.who.type === 'person' && p.who.person === o.person)! },
            ],
            quotes: [...event.quotes],
            why: [...event.why, 'one of separate meetings'],
            rule: `${event.kind}:separate-meetings`,
          };
          events.push(single);
          created.push(single);
          mark(single);
          lastEvent = single;
        }
        seenKinds.add(trigger.kind);
        continue;
      }
      events.push(event);
      created.push(event);
      mark(event);
      lastEvent = event;
      if (MEETING.has(event.kind) && event.participants.filter((p) => p.who.type === 'person').length >= 2) lastMeeting = event;
      seenKinds.add(trigger.kind);
    }

    // "The Brazilian delegation was led by X, and the Angolan delegation by Y": each head leads the
    // delegation named before it, at the meeting in context.
    const ledBy = /\b(?:led|headed)\s+by\b/.test(s) || (delegations.length >= 2 && /\bdelegation\s+by\b/.test(s));
    const context = created.find((e) => MEETING.has(e.kind)) ?? (lastEvent && MEETING.has(lastEvent.kind) ? lastEvent : undefined);
    if (ledBy && delegations.length && context) {
      for (const [k, d] of delegations.entries()) {
        const limit = delegations[k + 1]?.start ?? sentence.end;
        const head = mentions.find((m) => m.span.start > d.end && m.span.start < limit);
        if (!head) continue;
        head.person.country ??= d.iso;
        addParticipant(context, {
          who: { type: 'person', person: head.person },
          role: 'head_of_delegation',
          represents: d.iso,
          delegation: false,
          quote: sentenceQuote(sentence),
          why: 'led the delegation',
        });
        if (!context.quotes.some((q) => q.start === sentence.start)) context.quotes.push(sentenceQuote(sentence));
      }
      if (context.participants.filter((p) => p.who.type === 'person').length >= 2) lastMeeting = context;
    }

    // Attendance and speaking at the event in context ("The event was attended by…", "X joined…").
    const hasAttendance = attendance.test(s);
    if ((hasAttendance || speaking.test(s)) && mentions.length) {
      const gathering = (e: EventDraft) => !MEETING.has(e.kind) || (e.kind === 'session' && e.named);
      const target = created.find(gathering) ?? (created.length ? undefined : lastEvent);
      // "X and Y were also present" after a meeting: they took part in it.
      if (target && !gathering(target) && hasAttendance && !created.length) {
        for (const m of mentions)
          addParticipant(target, {
            who: { type: 'person', person: m.person },
            role: 'participant',
            delegation: false,
            quote: sentenceQuote(sentence),
            why: 'present',
          });
      } else if (target && gathering(target)) {
        for (const m of mentions) {
          addParticipant(target, {
            who: { type: 'person', person: m.person },
            role: hasAttendance ? 'participant' : 'speaker',
            delegation: false,
            quote: sentenceQuote(sentence),
            why: hasAttendance ? 'attended' : 'spoke',
          });
        }
      }
    }
    // Update the focus: the first person named outside speech, or "said X".
    if (mentions[0] && !created.some((e) => MEETING.has(e.kind))) personFocus = mentions[0].person;
    if (delegations[0]) lastDelegation = delegations[0].iso;
    if (delegations[0] && !created.length && /^\s*(?:The|A)\b/.test(s) && delegations[0].start - sentence.start < 5)
      agentFocus = { type: 'country', iso: delegations[0].iso };

    // Dates and places: to the nearest trigger in the sentence.
    const at = (e: EventDraft) => here.get(e) ?? e.trigger;
    const nearest = (span: Span) =>
      created.length ? created.reduce((best, e) => (distance(at(e), span) < distance(at(best), span) ? e : best)) : undefined;
    for (const event of created) {
      // The dateline's date is the publication's, not the event's ("Cairo, 2 October (MENA) - …").
      const dates = findDates(s, ctx.published, event.status === 'planned' ? 'future' : 'past', sentence.start).filter(
        (d) => !ctx.datelineEnd || d.start >= ctx.datelineEnd,
      );
      // Separate meetings told by one trigger share its date.
      const near = (d: FoundDate) => nearest(d) === event || (nearest(d) !== undefined && at(nearest(d)!) === at(event));
      // A calendar date beats a deictic one ("on 23 July" over "yesterday").
      const stated = dates.filter((d) => /\d/.test(d.quote) && near(d));
      for (const d of stated.length ? stated : dates) if (near(d) && !event.date) event.date = d;
    }
    for (const place of lexed.places.filter((p) => p.start >= sentence.start && p.end <= sentence.end)) {
      const preceding = text.slice(Math.max(sentence.start, place.start - 12), place.start);
      if (!/\b(?:in|at)\s+(?:the\s+)?$/.test(preceding)) continue;
      const event = nearest(place);
      if (event && !event.place) event.place = place;
    }
    // "as part of the X", "at the X summit", "on the sidelines of the X": explicit containment.
    for (const e of created) {
      if (!MEETING.has(e.kind) || e.partOf) continue;
      const container =
        created.find(
          (c) =>
            (CONTAINERS.has(c.kind) || (c.named && c !== e)) &&
            at(c).start > at(e).end &&
            /\b(?:as part of|at|on the sidelines of|within|during|in the framework of)\s+the\b/.test(text.slice(at(e).end, at(c).start)),
        ) ??
        // "On the sidelines of the 80th session of …, X met Y"
        created.find(
          (c) =>
            (CONTAINERS.has(c.kind) || (c.named && c !== e)) &&
            at(c).end <= at(e).start &&
            /\b(?:as part of|at|on the sidelines of|within|during|in the framework of)\s+the\s+(?:[\w-]+\s+){0,2}$/i.test(
              text.slice(Math.max(sentence.start, at(c).start - 60), at(c).start),
            ),
        );
      if (container) e.partOf = container;
    }
  }

  // Meetings inside the visit/forum in context are part of it.
  let container: EventDraft | undefined;
  const order = [...events].sort((a, b) => a.trigger.start - b.trigger.start);
  for (const e of order) {
    if (CONTAINERS.has(e.kind) && e.status === 'held') container = e;
    // A meeting with its own place or date is told as a separate occasion (a recalled meeting).
    else if (MEETING.has(e.kind) && !e.partOf && container && e.status === 'held' && !e.place && !e.date) e.partOf = container;
  }
  // A meeting and a visit in the same sentence ("X met Y, who arrived on a working visit"): part of it.
  for (const e of events) {
    if (!MEETING.has(e.kind) || e.partOf) continue;
    const visit = events.find((v) => v.kind === 'visit' && v.status === 'held' && v.quotes[0]!.start === e.quotes[0]!.start);
    if (visit) e.partOf = visit;
  }
  // Named events: a city in the name is the place ("Astana International Forum").
  for (const e of events) {
    if (e.place || !e.named) continue;
    const city = lexed.places.find((p) => p.kind === 'city' && e.title.includes(p.name));
    if (city) e.place = city;
  }
  // Heads of visiting delegations: the person of that country who acted for it.
  for (const visit of events.filter((e) => e.kind === 'visit' && e.status === 'held')) {
    const delegation = visit.participants.find((p) => p.delegation && p.who.type === 'country');
    if (!delegation || delegation.who.type !== 'country' || visit.participants.some((p) => p.role === 'head_of_delegation')) continue;
    const iso = delegation.who.iso;
    const head = agents.find((a) => a.who.type === 'person' && a.who.person.country === iso);
    if (head && head.who.type === 'person') {
      addParticipant(visit, {
        who: head.who,
        role: 'head_of_delegation',
        represents: iso,
        delegation: false,
        quote: head.who.person.quote,
        why: 'acted for the visiting delegation',
      });
    }
  }
  assignRoles(events, ctx.homeCountry, represents);
  // People named but in no event: mentioned in the first held meeting (they did not meet anyone).
  const main = events.find((e) => MEETING.has(e.kind) && e.status === 'held');
  for (const person of people) {
    if (events.some((e) => e.participants.some((p) => p.who.type === 'person' && p.who.person === person))) continue;
    if (main) {
      main.participants.push({
        who: { type: 'person', person },
        role: 'mentioned',
        ...(person.country ? { represents: person.country } : {}),
        delegation: false,
        quote: person.quote,
        why: 'named, but not said to take part',
      });
    }
  }
  for (const e of events) if (!e.title) e.title = meetingTitle(e, countries.names);
  return events;
}

const pastCache = new Map<string, boolean>();
/** Whether the sentence tells something done (compromise's past-tense tag). */
function pastTense(sentence: string): boolean {
  let past = pastCache.get(sentence);
  if (past === undefined) {
    past = nlp(sentence).has('#PastTense');
    pastCache.set(sentence, past);
  }
  return past;
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}

function sentenceQuote(sentence: Sentence): Span {
  return { start: sentence.start, end: sentence.end };
}

function samePeople(a: EventDraft, b: EventDraft): boolean {
  const key = (e: EventDraft) =>
    e.participants
      .filter((p) => p.role !== 'mentioned')
      .map((p) => (p.who.type === 'person' ? p.who.person.key : p.who.type === 'country' ? p.who.iso : p.who.org.key))
      .sort()
      .join('|');
  return key(a) === key(b);
}

/** The name of a forum/summit/session: "Astana International Forum", a quoted title, "titled “…”". */
function eventName(text: string, trigger: Trigger, sentence: Sentence): string | undefined {
  const after = text.slice(trigger.end, sentence.end);
  const titled = /^\s+(?:titled|entitled|called|named)\s+[“"]([^”"]+)[”"]/.exec(after);
  if (titled) return titled[1]!;
  // Only gatherings carry names ("Astana International Forum"); a meeting's capitals are its people.
  if (!['forum', 'summit', 'session', 'exhibition'].includes(trigger.kind)) return undefined;
  // "the 80th session of the UN General Assembly"
  const ofName = /^\s+of\s+the\s+((?:[\p{Lu}][\p{L}\p{N}'’–-]*\s*)+)/u.exec(after);
  if (ofName) {
    const ordinal = /(\d+(?:st|nd|rd|th)|first|second|third)\s+$/i.exec(text.slice(sentence.start, trigger.start))?.[1];
    return `${ordinal ? `${ordinal} ` : ''}${text.slice(trigger.start, trigger.end)} of the ${ofName[1]!.trim()}`;
  }
  const before = text.slice(sentence.start, trigger.start);
  const quoted = /[“"]([^”"]+)[”"]\s*$/.exec(before);
  const triggerWord = text.slice(trigger.start, trigger.end);
  const capital = /^\p{Lu}/u.test(triggerWord);
  const acronym = /^\s*\(([\p{Lu}]{2,10})\)/u.exec(after);
  if (quoted) return `${quoted[1]} ${triggerWord}`;
  const caps =
    /((?:(?:the\s+)?(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+)?(?:[\p{Lu}][\p{L}\p{N}'’–-]*\s+(?:(?:and|of|for|on)\s+)?)+)$/u.exec(
      before,
    );
  if (caps && (capital || /\p{Lu}/u.test(caps[1]!))) {
    const list = caps[1]!.trim().split(/\s+/);
    while (list.length && /^(?:the|The|At|In|During|A|An|a|an|This|These)$/.test(list[0]!)) list.shift();
    const words = list.join(' ');
    if (!/\p{Lu}/u.test(words)) return undefined;
    // "Business Forum and Afghan Goods Exhibition": take the rest of a joined name.
    const joined = /^\s+and\s+((?:[\p{Lu}][\p{L}\p{N}'’–-]*\s+)*(?:Exhibition|Expo|Fair|Forum|Summit))/u.exec(after);
    const name = `${words} ${triggerWord}${joined ? ` and ${joined[1]}` : ''}${acronym ? ` (${acronym[1]})` : ''}`;
    if (name.split(/\s+/).length < 2) return undefined;
    return name.replace(/^(?:third|first|second)\s/, (w) => w[0]!.toUpperCase() + w.slice(1));
  }
  return undefined;
}

function whoName(p: ParticipantDraft, names: Map<string, string>, demonym = false): string {
  if (p.who.type === 'person') return p.who.person.name;
  if (p.who.type === 'org') return p.officialRole ? `the ${p.officialRole} of ${p.who.org.name}` : p.who.org.name;
  const name = names.get(p.who.iso) ?? p.who.iso;
  return p.delegation || demonym ? `a delegation of ${name}` : name;
}

function visitTitle(e: EventDraft, kind: EventKind, names: Map<string, string>, adjective?: string): string {
  const guest = e.participants.find((p) => p.role === 'guest');
  const noun = kind === 'mission' ? 'mission' : 'visit';
  const phrase = adjective && !/^(?:upcoming|first|second|planned|possible|recent|also)$/.test(adjective) ? `${adjective} ${noun}` : noun;
  const word = phrase[0]!.toUpperCase() + phrase.slice(1);
  const to = e.destination ? ` to ${names.get(e.destination) ?? e.destination}` : '';
  return guest ? `${word} of ${whoName(guest, names)}${to}` : `${word}${to}`;
}

function meetingTitle(e: EventDraft, countryNames: Map<string, string>): string {
  const present = e.participants.filter((p) => p.role !== 'mentioned');
  const names = present.map((p) =>
    p.who.type === 'person'
      ? p.who.person.name
      : p.who.type === 'org'
        ? p.officialRole
          ? `the ${p.officialRole} of ${p.who.org.name}`
          : p.who.org.name
        : `${p.delegation ? 'a delegation of ' : ''}${countryNames.get(p.who.iso) ?? p.who.iso}`,
  );
  const word = { talks: 'Talks', meeting: 'Meeting', call: 'Call', session: 'Session', signing: 'Signing' }[e.kind as string] ?? 'Event';
  if (names.length === 0) return word;
  return `${word} of ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names[names.length - 1]}`;
}

/** host = acts for the country receiving; guest = the visitors; participant when neither is known. */
function assignRoles(events: EventDraft[], homeCountry: string | undefined, represents: (w: WhoRef) => string | undefined): void {
  const visitOf = (e: EventDraft): EventDraft | undefined => (e.kind === 'visit' ? e : e.partOf ? visitOf(e.partOf) : undefined);
  for (const e of events) {
    for (const p of e.participants) {
      const rep = p.represents ?? represents(p.who);
      if (rep && !p.represents) p.represents = rep;
    }
    // Host and guest make sense for meetings and bilateral forums; a panel session has participants.
    if ((!MEETING.has(e.kind) && e.kind !== 'forum') || e.kind === 'session' || e.kind === 'call') continue;
    const visit = visitOf(e);
    const guestCountry = visit?.participants.find((p) => p.role === 'guest')?.represents;
    let host = visit?.destination ?? visit?.place?.iso ?? e.place?.iso ?? e.partOf?.place?.iso;
    if (!host && guestCountry && homeCountry && guestCountry !== homeCountry) host = homeCountry;
    if (!host && !e.partOf && !e.place) host = homeCountry;
    // Visitors meet their hosts: in a visit whose destination is not stated, the other side hosts.
    if (!host && guestCountry) {
      const others = new Set(e.participants.map((p) => p.represents).filter((r): r is string => Boolean(r) && r !== guestCountry));
      if (others.size === 1) host = [...others][0];
    }
    if (!host && !guestCountry) continue;
    for (const p of e.participants) {
      if (p.role !== 'participant' && p.role !== 'guest') continue;
      if (!p.represents) continue;
      if (host && p.represents === host) p.role = 'host';
      else if ((guestCountry && p.represents === guestCountry) || (host && e.participants.some((x) => x.represents === host)))
        p.role = 'guest';
    }
    // A delegation that turns out to be the host's own stays a participant.
    for (const p of e.participants) if (p.delegation && p.represents === host) p.role = 'host';
  }
}
