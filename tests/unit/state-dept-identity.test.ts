// The importer states only what its records state: who a person named in the prose is (link.ts), on
// the rules alone and on a slice of real rows chosen for the cases that went wrong before (father and
// son, one king met in many countries, a president met abroad, two spellings, a seed person).
import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { importStateDept, type ImportSummary } from '../../seeds/import/state-dept/import.ts';
import { linkFullName, linkSurname, officeFamily, type Anchor } from '../../seeds/import/state-dept/link.ts';
import { looseTokens } from '../../seeds/import/state-dept/identity.ts';
import type { MappedRecord } from '../../seeds/import/state-dept/map.ts';
import { COUNTERPART_OFFICES, officeMentions } from '../../seeds/import/state-dept/mentions.ts';
import type { WritePlan } from '../../domain/plan.ts';

const IDENTITY_SLICE = fileURLToPath(new URL('../fixtures/state-dept/identity', import.meta.url));

const anchor = (id: string, name: string, country: string | null, ...attestations: [string, string, string][]): Anchor => ({
  id,
  name,
  country,
  forms: [looseTokens(name)],
  attestations: attestations.map(([office, from, to]) => ({ office, from, to })),
});

describe('State Department import: identities', () => {
  describe('linking a mention to a known person (pure)', () => {
    const bashar = anchor(
      'person:sy-bashar-assad',
      'Bashar Assad',
      'SY',
      ['President', '2000-10-17', '2000-10-18'],
      ['President', '2005-03-01', '2005-03-02'],
    );
    const obama = anchor('person:obama-barack', 'Barack Obama', 'US', ['President', '2009-01-20', '2017-01-20']);
    const hw = anchor('person:bush-george-h-w', 'George H.W. Bush', 'US', ['President', '1989-01-20', '1993-01-20']);
    const w = anchor('person:bush-george-w', 'George W. Bush', 'US', ['President', '2001-01-20', '2009-01-20']);
    const hussein = anchor(
      'person:jo-hussein-king',
      'Hussein',
      'JO',
      ['King', '1959-03-23', '1959-03-28'],
      ['King', '1999-01-05', '1999-01-05'],
    );
    const saddam = anchor('person:iq-saddam-hussein', 'Saddam Hussein', 'IQ', ['President', '1990-01-01', '1990-01-01']);
    const anchors = [bashar, obama, hw, w, hussein, saddam];

    it('links a surname to the one holder of that office on that day, wherever the meeting was', () => {
      const link = linkSurname({ name: 'Obama', office: 'President', country: null, day: '2016-09-03' }, anchors);
      expect(link).to.deep.include({ ok: true, rule: 'surname-office-date' });
      expect(link.ok && link.anchor.id).to.equal('person:obama-barack');
      const king = linkSurname({ name: 'Hussein', office: 'King', country: null, day: '1987-10-19' }, anchors);
      expect(king.ok && king.anchor.id).to.equal('person:jo-hussein-king');
    });

    it('keeps father and son apart by the dates: no slack before the first or after the last attestation', () => {
      expect(linkSurname({ name: 'Assad', office: 'President', country: 'SY', day: '1974-06-15' }, anchors)).to.deep.include({ ok: false });
      expect(linkSurname({ name: 'Assad', office: 'President', country: 'SY', day: '2000-03-25' }, anchors)).to.deep.include({ ok: false });
      const later = linkSurname({ name: 'Assad', office: 'President', country: null, day: '2002-04-15' }, anchors);
      expect(later.ok && later.anchor.id).to.equal('person:sy-bashar-assad');
      const elder = linkSurname({ name: 'Bush', office: 'President', country: null, day: '1990-11-23' }, anchors);
      const younger = linkSurname({ name: 'Bush', office: 'President', country: null, day: '2007-04-26' }, anchors);
      expect([elder.ok && elder.anchor.id, younger.ok && younger.anchor.id]).to.deep.equal([
        'person:bush-george-h-w',
        'person:bush-george-w',
      ]);
    });

    it('needs the office and the stated country to fit too', () => {
      // "Prime Minister Hussein": no Hussein held that office; "Iraqi King Hussein": not Jordan's king.
      expect(linkSurname({ name: 'Hussein', office: 'Prime Minister', country: null, day: '1990-01-01' }, anchors)).to.deep.include({
        ok: false,
      });
      expect(linkSurname({ name: 'Hussein', office: 'King', country: 'IQ', day: '1987-10-19' }, anchors)).to.deep.include({ ok: false });
      expect(officeFamily('Acting President')).to.equal('president');
      expect(officeFamily('President-elect')).to.equal('president');
      expect(officeFamily('Premier')).to.equal(officeFamily('Prime Minister'));
      expect(officeFamily('Vice President')).to.not.equal(officeFamily('President'));
    });

    it('stays a mention when several people fit', () => {
      const twins = [
        anchor('a', 'Kim Il', 'KR', ['Foreign Minister', '1998-01-01', '1999-01-01']),
        anchor('b', 'Kim Yong', 'KR', ['Foreign Minister', '1998-06-01', '1998-12-31']),
      ];
      expect(linkSurname({ name: 'Kim', office: 'Foreign Minister', country: null, day: '1998-07-01' }, twins)).to.deep.equal({
        ok: false,
        reason: 'a surname several known people fit',
      });
    });

    it('links a full name across transliterations ("Sergei" = "Sergey") and within eight years only', () => {
      const lavrov = anchor('person:ru-sergey-lavrov', 'Sergey Lavrov', 'RU', ['Foreign Minister', '2013-05-07', '2016-08-28']);
      const link = linkFullName('Sergei Lavrov', '2016-07-14', [lavrov]);
      expect(link.ok && link.anchor.id).to.equal('person:ru-sergey-lavrov');
      expect(linkFullName('Sergei Lavrov', '1990-01-01', [lavrov])).to.deep.include({ ok: false });
    });

    it('reads a country named after the name ("King Hussein of Jordan") with the mention', () => {
      const [m] = officeMentions('Met with King Hussein of Jordan.', COUNTERPART_OFFICES);
      expect(m).to.deep.include({ office: 'King', name: 'Hussein', of: 'Jordan', withOf: 'King Hussein of Jordan' });
    });
  });

  describe('a slice of real rows (tests/fixtures/state-dept/identity)', () => {
    let summary: ImportSummary;
    const plans: { plan: WritePlan; mapped: MappedRecord }[] = [];
    before(async () => {
      summary = await importStateDept({
        dir: IDENTITY_SLICE,
        dryRun: true,
        progress: null,
        onPlan: (plan, mapped) => plans.push({ plan, mapped }),
      });
    });
    const planOf = (id: string) => plans.find((p) => p.mapped.record.id === id)!.plan;
    const meetingsOf = (id: string) =>
      planOf(id)
        .events.filter((e) => e.id.includes('-meeting-'))
        .map((e) => ({
          id: e.id,
          with: planOf(id)
            .participations.filter((p) => p.event === e.id)
            .map((p) => `${p.who}${p.linkedBy ? ` (${p.linkedBy})` : ''}`),
          mentions: (e.props.mentions as string[] | undefined) ?? [],
        }));
    const people = () => new Set(plans.flatMap(({ plan }) => (plan.entities.get('Person') ?? []).map((p) => p.id)));
    const titles = () => plans.flatMap(({ plan }) => plan.titles.map((t) => `${t.person} ${t.title} ${t.at}`));

    it('makes a president met abroad the US president, with no title at the country of the meeting', () => {
      expect(meetingsOf('trip-3702')).to.deep.equal([
        { id: 'event:trip-3702-meeting-1', with: ['person:kerry-john-forbes', 'person:obama-barack (surname-office-date)'], mentions: [] },
      ]);
      expect(titles().filter((t) => t.startsWith('person:obama-barack'))).to.deep.equal([]);
      expect([...people()].filter((id) => id.includes('obama'))).to.deep.equal(['person:obama-barack']);
    });

    it('keeps King Hussein one person, met in London ("of Jordan" states his country)', () => {
      expect(meetingsOf('trip-2102')[0]!.with).to.deep.equal([
        'person:shultz-george-pratt',
        'person:jo-hussein-king (surname-office-date)',
      ]);
      expect([...people()].filter((id) => id.includes('hussein'))).to.deep.equal(['person:jo-hussein-king']);
      expect(titles().filter((t) => t.includes('hussein'))).to.deep.equal([
        'person:jo-hussein-king King country:JO',
        'person:jo-hussein-king King country:JO',
      ]);
    });

    it('keeps the "President Assad" of 1974–1994 a mention, not Bashar (first named in 2000)', () => {
      for (const trip of ['trip-2855', 'trip-2348', 'trip-2529']) {
        const [meeting] = meetingsOf(trip);
        expect(meeting!.with, trip).to.have.length(1);
        expect(meeting!.mentions[0], trip).to.match(/President Assad$/);
      }
      expect(titles().filter((t) => t.includes('assad'))).to.deep.equal(['person:sy-bashar-assad President country:SY']);
      expect(planOf('trip-256').titles.find((t) => t.person === 'person:sy-bashar-assad')!.evidence).to.have.length(1);
    });

    it('links the Netanyahu of a meeting in Gaza to the Israeli prime minister of the visits, and invents no title there', () => {
      expect(meetingsOf('trip-128')).to.deep.equal([
        {
          id: 'event:trip-128-meeting-1',
          with: ['person:albright-madeleine-korbel', 'person:il-benjamin-netanyahu (surname-office-date)'],
          mentions: [],
        },
        { id: 'event:trip-128-meeting-2', with: ['person:albright-madeleine-korbel'], mentions: ['Chairman Arafat'] },
      ]);
      expect([...people()].filter((id) => id.includes('netanyahu'))).to.deep.equal(['person:il-benjamin-netanyahu']);
      expect(
        planOf('trip-128')
          .entities.get('Country')!
          .map((c) => c.id),
      ).to.deep.equal(['country:PS']);
    });

    it('keeps Lavrov one person: two spellings joined, the surname of 2009 a mention (no full name attested then)', () => {
      expect([...people()].filter((id) => id.includes('lavrov'))).to.deep.equal(['person:ru-sergey-lavrov']);
      expect(meetingsOf('trip-3685')[1]!.with).to.deep.equal(['person:kerry-john-forbes', 'person:ru-sergey-lavrov']);
      expect(meetingsOf('trip-3023')[1]).to.deep.equal({
        id: 'event:trip-3023-meeting-2',
        with: ['person:clinton-hillary-rodham'],
        mentions: ['Foreign Minister Lavrov'],
      });
    });

    it('joins "President Bola Tinubu" to the seed articles\' Bola Ahmed Tinubu, with no title from a record that gives no country', () => {
      const tinubu = planOf('trip-4206')
        .entities.get('Person')!
        .find((p) => p.id === 'person:bola-ahmed-tinubu')!;
      expect(tinubu).to.deep.include({ name: 'Bola Ahmed Tinubu', aliases: ['Bola Tinubu'] });
      expect(planOf('trip-4206').titles.map((t) => t.person)).to.deep.equal(['person:blinken-antony-j']);
    });

    it('tells which Bush a visitor met by the date of the visit', () => {
      expect(meetingsOf('visit-700')[0]!.with).to.include('person:bush-george-h-w');
      expect(meetingsOf('visit-802')[0]!.with).to.include('person:bush-george-h-w');
    });

    it('counts what it kept as mentions', () => {
      expect(summary.leftOut).to.deep.equal({
        'kept as a mention: a surname no known holder of that office fits on that day': 9,
        'kept as a mention: qualifier "Tatarstan" names no country in the demonym table': 1,
      });
      // The one person with a one-word name is the one a visit's own row names so (visitor: Hussein, title: King).
      const oneWord = plans.flatMap(({ plan }) =>
        (plan.entities.get('Person') ?? []).filter((p) => !p.name.includes(' ')).map((p) => p.id),
      );
      expect([...new Set(oneWord)]).to.deep.equal(['person:jo-hussein-king']);
    });
  });
});
