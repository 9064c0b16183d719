import { expect } from 'chai';
import { foldName, Gazetteer } from '../../domain/gazetteer.ts';

describe('gazetteer', () => {
  it('folds case, diacritics and apostrophes', () => {
    expect(foldName('Denis Sassou N’Guesso')).to.equal('denis sassou nguesso');
    expect(foldName("N'Guesso")).to.equal('nguesso');
    expect(foldName('Nurtleü')).to.equal('nurtleu');
  });

  function sample(): Gazetteer {
    const g = new Gazetteer();
    g.add({ id: 'org:kz-mfa', label: 'Organization', name: 'Ministry of Foreign Affairs of Kazakhstan', aliases: ['Kazakh MFA'] });
    g.add({ id: 'org:bj-mfa', label: 'Organization', name: 'Ministry of Foreign Affairs of Benin', aliases: [] });
    g.add({ id: 'country:KZ', label: 'Country', name: 'Kazakhstan', aliases: [] });
    g.add({ id: 'person:denis-sassou-nguesso-cg-cooperation-minister', label: 'Person', name: 'Denis Sassou N’Guesso', aliases: [] });
    g.add({ id: 'person:denis-sassou-nguesso', label: 'Person', name: 'Denis Sassou Nguesso', aliases: [] });
    return g;
  }

  it('resolves ids, ISO codes and aliases', () => {
    const g = sample();
    expect(g.resolve('org:kz-mfa', ['Organization'])).to.deep.equal({ ok: true, id: 'org:kz-mfa', label: 'Organization' });
    expect(g.resolve('KZ', ['Country'])).to.deep.include({ ok: true, id: 'country:KZ' });
    expect(g.resolve('kazakh mfa', ['Organization'])).to.deep.include({ ok: true, id: 'org:kz-mfa' });
  });

  it('keeps two foreign ministries apart', () => {
    const g = sample();
    expect(g.resolve('Ministry of Foreign Affairs of Benin', ['Organization'])).to.deep.include({ id: 'org:bj-mfa' });
  });

  it('refuses a name two people share instead of merging them', () => {
    const result = sample().resolve('Denis Sassou Nguesso', ['Person']);
    expect(result.ok).to.equal(false);
    expect(result.ok ? '' : result.message).to.match(/ambiguous.*person:denis-sassou-nguesso/);
  });

  it('refuses unknown ids and the wrong kind of entity', () => {
    const g = sample();
    expect(g.resolve('person:nobody', ['Person'])).to.deep.include({ ok: false });
    const wrongKind = g.resolve('country:KZ', ['Person']);
    expect(wrongKind.ok ? '' : wrongKind.message).to.match(/a Country, but expected a Person/);
  });

  it('clones independently', () => {
    const g = sample();
    const copy = g.clone();
    copy.add({ id: 'person:new', label: 'Person', name: 'New Person', aliases: [] });
    expect(copy.has('person:new')).to.equal(true);
    expect(g.has('person:new')).to.equal(false);
  });
});
