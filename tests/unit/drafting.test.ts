// Drafting off the main thread, without a database: the article limits (HTML nesting estimated in one
// pass, text length), and the pool of drafting threads — a bounded queue, a per-client cap, a time
// budget and a heap limit that replace the thread, and the known entities sent once per version.
import { expect } from 'chai';
import { BadInput, Busy, TooManyRequests, Unprocessable } from '../../domain/errors.ts';
import { MAX_ARTICLE_CHARS, MAX_HTML_DEPTH } from '../../domain/ingest-limits.ts';
import { checkArticle, htmlDepth } from '../../server/services/article-limits.ts';
import { DraftPool, type KnownSnapshot } from '../../server/services/draft-pool.ts';
import { refusalOf } from '../../server/services/draft-refusal.ts';
import { factFileSchema } from '../../domain/fact-schema.ts';

const ARTICLE =
  ' date 2025-09-18 ULAANBAATAR, September 18. Mongolia’s Minister of Foreign Affairs Battsetseg Batmunkh held talks with Ghana’s Minister of Foreign Affairs Samuel Okudzeto Ablakwa on Tuesday.';

/** A run of capitalised names with titles: the drafter's slowest kind of text (grows faster than its length). */
function slowText(chars: number): string {
  let text = ' date 2025-06-04 ';
  for (let i = 0; text.length < chars; i++)
    text += `Minister ${String.fromCharCode(66 + (i % 20))}a${i.toString(36)}ov ${String.fromCharCode(66 + ((i * 7) % 20))}e${i.toString(36)}ko `;
  return text.slice(0, chars);
}

const none = async (): Promise<KnownSnapshot> => ({ version: 0, entities: [], holdings: [] });

describe('drafting limits and threads (no database)', function () {
  this.timeout(120_000);

  it('estimates HTML nesting in one pass, whatever the markup', () => {
    expect(htmlDepth('<html><body><div><p>a<p>b<ul><li>x<li>y</ul></div></body></html>')).to.equal(4);
    expect(htmlDepth('<div>'.repeat(300))).to.equal(300);
    expect(htmlDepth('<div>'.repeat(300), 200)).to.equal(201);
    expect(htmlDepth('<b>'.repeat(50) + '</b>'.repeat(50) + '<i>'.repeat(10))).to.equal(50);
    expect(htmlDepth('<p>'.repeat(5000) + '<br><img src=x><hr/>'.repeat(100))).to.equal(0);
    expect(htmlDepth('<div/>'.repeat(1000))).to.equal(0);
    expect(htmlDepth(`<script>${'<div>'.repeat(1000)}</script><div>`)).to.equal(1);
    expect(htmlDepth(`<!-- ${'<div>'.repeat(1000)} --><span>`)).to.equal(1);
    expect(htmlDepth('<div><span></div></span>')).to.equal(2);
    // Hostile shapes stay linear: no ">" at all, quotes that never close, a tag that never ends.
    for (const hostile of ['<a'.repeat(100_000), `<a href="${'x'.repeat(150_000)}`, '<div '.repeat(40_000), '<!--'.repeat(50_000)]) {
      const started = performance.now();
      htmlDepth(hostile);
      expect(performance.now() - started, hostile.slice(0, 20)).to.be.below(1000);
    }
  });

  it('refuses nesting past the limit, too much text, and accepts a long page of little text', () => {
    const refused = (input: string) => {
      try {
        checkArticle(input);
      } catch (error) {
        expect(error).to.be.instanceOf(BadInput);
        return (error as BadInput).message;
      }
      return 'accepted';
    };
    expect(refused(`<html><body>${'<div>'.repeat(MAX_HTML_DEPTH + 1)}x`)).to.match(/nests elements more than/);
    expect(refused(`<div>${'<span><b><i>'.repeat(100)}x`)).to.match(/nests elements more than/);
    expect(refused(`<article>${'<section>'.repeat(20_000)}`)).to.match(/nests elements more than/);
    expect(refused('x'.repeat(MAX_ARTICLE_CHARS + 1))).to.match(/characters of text; at most 20000/);
    expect(refused(`<html><body>${'<p>Word of the article. </p>'.repeat(1000)}</body></html>`)).to.match(/characters of text/);
    // 90 KB of page, 10 KB of text.
    const page = `<html><head>${'<meta name="x" content="y">'.repeat(3000)}</head><body>${'<div class="c"><p>One sentence of the article. </p></div>'.repeat(320)}</body></html>`;
    expect(page.length).to.be.above(90_000);
    expect(refused(page)).to.equal('accepted');
  });

  it('drafts on a thread, and sends the known entities only when their version changes', async () => {
    // Options left undefined keep their defaults (a missing log must not stop a refusal being reported).
    const pool = new DraftPool({ workers: 1, log: undefined as never, timeoutMs: undefined as never });
    try {
      let reads = 0;
      const known = async (): Promise<KnownSnapshot> => {
        reads++;
        return {
          version: 7,
          entities: [
            { id: 'person:battsetseg-batmunkh', label: 'Person', name: 'Battsetseg Batmunkh', aliases: [], countries: ['country:MN'] },
          ],
          holdings: [],
        };
      };
      const first = await pool.draft({ text: ARTICLE }, 'a', known);
      expect(first.facts.people.map((p) => p.id)).to.include('person:battsetseg-batmunkh');
      expect(first.confidence['people[0]']!.why).to.match(/known entity/);
      const second = await pool.draft({ text: ARTICLE, fileName: 'again' }, 'a', known);
      expect(second.facts.source.file).to.equal('again.txt');
      expect(reads).to.equal(2);
      expect(pool.stats()).to.deep.equal({ workers: 1, running: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });

  it('passes refusals through as 4xx errors: bad input, and what the drafter cannot draft', async () => {
    const pool = new DraftPool({ workers: 1 });
    try {
      const errorOf = (text: string) =>
        pool.draft({ text }, 'a', none).then(
          () => null,
          (error: unknown) => error,
        );
      const deep = await errorOf(`<html><body>${'<div>'.repeat(5000)}Minister Abc Def met Minister Ghi Jkl.`);
      expect(deep).to.be.instanceOf(BadInput);
      expect((deep as BadInput).param).to.equal('text');
      expect(await errorOf('x'.repeat(30_000))).to.be.instanceOf(BadInput);
      // An article the drafter makes an invalid fact file of (today: a title past 500 characters) is a
      // 422 with the checks that failed, if the drafter still fails on it; never a crash of the thread.
      const meeting = `The talks were attended by ${Array.from({ length: 60 }, (_, i) => `Minister ${String.fromCharCode(66 + (i % 20))}arov${i.toString(36)} ${String.fromCharCode(67 + (i % 19))}enko`).join(', ')}.`;
      const invalid = await errorOf(meeting);
      if (invalid) {
        expect(invalid).to.be.instanceOf(Unprocessable);
        expect((invalid as Error).message).to.match(/do not pass the fact-file checks \(/);
      }
      // The thread survives refusals.
      expect((await pool.draft({ text: ARTICLE }, 'a', none)).facts.events).to.have.length(1);
    } finally {
      await pool.close();
    }
  });

  it('keeps the queue bounded (503) and each client to its share (429)', async () => {
    const pool = new DraftPool({ workers: 1, queue: 3, perClient: 2, timeoutMs: 60_000 });
    try {
      const text = slowText(8_000);
      const outcome = (promise: Promise<unknown>) =>
        promise.then(
          () => 'drafted',
          (e: unknown) => e,
        );
      // a runs; b, c and a's second wait: the queue (3) is full.
      const accepted = ['a', 'b', 'c', 'a'].map((client) => outcome(pool.draft({ text }, client, none)));
      expect(pool.stats()).to.deep.include({ waiting: 3 });
      const full = await outcome(pool.draft({ text }, 'd', none));
      expect(full).to.be.instanceOf(Busy);
      expect((full as Busy).retryAfterSeconds).to.be.within(1, 60);
      const third = await outcome(pool.draft({ text }, 'a', none));
      expect(third, 'a third article of client a').to.be.instanceOf(TooManyRequests);
      expect(await Promise.all(accepted)).to.deep.equal(['drafted', 'drafted', 'drafted', 'drafted']);
      // Drained: the next one is taken again.
      expect(await outcome(pool.draft({ text: ARTICLE }, 'd', none))).to.equal('drafted');
    } finally {
      await pool.close();
    }
  });

  it('turns what the drafter throws into a 422 sentence, and bad input into a 400 naming the field', () => {
    const zod = factFileSchema.safeParse({ source: { file: 'x.txt', title: 'x', published: null } });
    const invalid = refusalOf(zod.success ? new Error('no') : zod.error);
    expect(invalid).to.include({ kind: 'unprocessable' });
    expect(invalid.message).to.equal(
      'The drafter made facts from this article that do not pass the fact-file checks (source.title: String must contain at least 5 character(s)); nothing was drafted. Simplify or shorten the article, or write the fact file by hand.',
    );
    expect(refusalOf(new Error('the draft cannot be made valid: source.title: at most 500 characters')).message).to.match(
      /do not pass the fact-file checks \(source\.title: at most 500 characters\)/,
    );
    expect(refusalOf(new RangeError('Maximum call stack size exceeded')).message).to.match(/too deeply/);
    const other = refusalOf(new TypeError('x is undefined at /srv/app/seeds/ingest/people.ts:12'));
    expect(other.message).to.equal('The drafter failed on this article; the server log has the details.');
    expect(other.kind === 'unprocessable' && other.log).to.match(/people\.ts:12/);
    expect(refusalOf(new BadInput('too long', 'text'))).to.deep.equal({ kind: 'bad-input', message: 'too long', param: 'text' });
  });

  it('stops a draft past its time budget, replaces the thread, and drafts the next article', async () => {
    const log: string[] = [];
    // A budget well under what the long article takes even on a fast, idle machine (about 1.2 s warm), and
    // well over what a short one takes once its thread has started (a few ms).
    const pool = new DraftPool({ workers: 1, timeoutMs: 400, log: (line) => log.push(line) });
    try {
      const started = Date.now();
      const slow = await pool.draft({ text: slowText(MAX_ARTICLE_CHARS) }, 'a', none).then(
        () => null,
        (e: unknown) => e,
      );
      expect(slow).to.be.instanceOf(Unprocessable);
      expect((slow as Error).message).to.match(/took longer than 0.4 s, the limit/);
      expect(Date.now() - started).to.be.below(30_000);
      expect(log.join('\n')).to.match(/drafting stopped after 400 ms/);
      const next = await pool.draft({ text: ARTICLE }, 'a', none);
      expect(next.facts.people).to.have.length(2);
    } finally {
      await pool.close();
    }
  });

  it('refuses a draft that needs more heap than the thread has, and carries on', async () => {
    const pool = new DraftPool({ workers: 1, heapMiB: 16 });
    try {
      const big = await pool
        .draft({ text: slowText(MAX_ARTICLE_CHARS) }, 'a', async () => ({
          version: 1,
          entities: Array.from({ length: 60_000 }, (_, i) => ({
            id: `person:p-${i}`,
            label: 'Person' as const,
            name: `Person Number ${i} ${'x'.repeat(40)}`,
            aliases: [`Alias ${i}`],
            countries: [],
          })),
          holdings: [],
        }))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(big).to.be.instanceOf(Unprocessable);
      expect((big as Error).message).to.match(/more than 16 MiB|stopped on this article/);
    } finally {
      await pool.close();
    }
  });
});
