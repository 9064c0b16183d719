import { expect } from 'chai';
import { dateExtent, factSpan, formatDate, periodEnd, periodStart, visibleIn, windowStatus } from '../../client/src/dates.ts';

const febMeeting = { type: 'MET', date: '2025-02-01', datePrecision: 'month' };
const undatedMeeting = { type: 'MET', datePrecision: 'unknown' };
const dayEvent = { type: 'event', start: '2025-02-07', end: '2025-02-07', datePrecision: 'day' };
const monthEvent = { type: 'event', start: '2025-02-01', end: '2025-02-28', datePrecision: 'month' };

describe('client: date window', () => {
  it('turns periods into first and last days', () => {
    expect([periodStart('2025'), periodEnd('2025')]).to.deep.equal(['2025-01-01', '2025-12-31']);
    expect([periodStart('2024-02'), periodEnd('2024-02')]).to.deep.equal(['2024-02-01', '2024-02-29']);
    expect([periodStart('2025-02-15'), periodEnd('2025-02-15')]).to.deep.equal(['2025-02-15', '2025-02-15']);
  });

  it('reads the span of events and MET edges', () => {
    expect(factSpan(febMeeting)).to.deep.equal(['2025-02-01', '2025-02-28']);
    expect(factSpan({ date: '2025-01-01', datePrecision: 'year' })).to.deep.equal(['2025-01-01', '2025-12-31']);
    expect(factSpan(monthEvent)).to.deep.equal(['2025-02-01', '2025-02-28']);
    expect(factSpan(undatedMeeting)).to.equal(null);
    expect(factSpan({ datePrecision: 'day' })).to.equal(null);
  });

  it('keeps only what lies wholly inside the window', () => {
    expect(windowStatus(febMeeting, { to: '2025-01' })).to.equal('out');
    expect(windowStatus(febMeeting, { from: '2025-02', to: '2025-02' })).to.equal('in');
    expect(windowStatus(febMeeting, { to: '2025-02-15' })).to.equal('out'); // February may be later than the 15th
    expect(windowStatus(dayEvent, { to: '2025-02-15' })).to.equal('in');
    expect(windowStatus(monthEvent, { from: '2025-03' })).to.equal('out');
    expect(windowStatus(monthEvent, {})).to.equal('in');
  });

  it('sets undated facts apart and leaves other elements alone', () => {
    expect(windowStatus(undatedMeeting, { to: '2025-01' })).to.equal('undated');
    expect(windowStatus({ type: 'person' }, { to: '2025-01' })).to.equal('timeless');
    expect(windowStatus({ type: 'HOLDS', firstSeen: '2025-02-07' }, { to: '2025-01' })).to.equal('timeless');
    expect(visibleIn(undatedMeeting, { to: '2025-01' }, true)).to.equal(true);
    expect(visibleIn(undatedMeeting, { to: '2025-01' }, false)).to.equal(false);
    expect(visibleIn(febMeeting, { to: '2025-01' }, true)).to.equal(false);
    expect(visibleIn({ type: 'country' }, { to: '2025-01' }, false)).to.equal(true);
  });

  it('formats dates no more precisely than known', () => {
    expect(formatDate('2025-02-01', 'month')).to.equal('Feb 2025');
    expect(formatDate('2025-02-07', 'day')).to.equal('7 Feb 2025');
    expect(formatDate('2025-01-01', 'year')).to.equal('2025');
    expect(formatDate(null, 'day')).to.equal('undated');
    expect(formatDate('2025-02-01', 'unknown')).to.equal('undated');
  });

  it('finds the extent of the dated facts on screen', () => {
    expect(
      dateExtent([febMeeting, undatedMeeting, { type: 'event', start: '2024-11-03', datePrecision: 'day' }, { type: 'person' }]),
    ).to.deep.equal({ min: '2024-11', max: '2025-02' });
    expect(dateExtent([undatedMeeting])).to.equal(null);
  });
});
