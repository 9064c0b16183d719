// A drafting worker thread: keeps the known entities it was sent (as the drafter's index) and drafts
// one article at a time, so the server's event loop never runs the drafter. Every outcome goes back as
// a message; what the drafter cannot do with an article is a refusal, not a crash of the thread.
import { parentPort } from 'node:worker_threads';
import { draftFacts } from '../../seeds/ingest/draft.ts';
import { indexOf } from '../../seeds/ingest/known.ts';
import { EntityIndex, type KnownForLinking } from '../../seeds/ingest/link.ts';
import { loadRules } from '../../seeds/ingest/rules.ts';
import { checkArticle } from './article-limits.ts';
import { refusalOf } from './draft-refusal.ts';
import type { DraftInput, Drafted, FromWorker, ToWorker } from './draft-pool.ts';

const port = parentPort!;
const rules = loadRules();
let index = new EntityIndex();
let version = -1;
let incoming: KnownForLinking[] = [];

function draft(input: DraftInput): Drafted {
  checkArticle(input.text);
  const result = draftFacts(input.text, {
    published: input.published,
    fileName: input.fileName ? `${input.fileName}.txt` : undefined,
    known: index,
    rules,
  });
  const { raw, text, published, junk, dateline } = result.article;
  return {
    article: { raw, text, published, junk, dateline: dateline ?? null },
    facts: result.facts,
    confidence: result.confidence,
    spans: result.spans,
    problems: result.problems,
    entities: result.entities,
    holders: result.holders,
  };
}

const send = (message: FromWorker) => port.postMessage(message);

// The drafter's first run initialises its lexicon; done here, it is not charged to an article's budget.
try {
  draftFacts(' date 2025-01-01 ASTANA, January 1. The Minister of Foreign Affairs Ali Bek held talks with Minister Ola Ade.', { rules });
} catch {
  // a warm-up only
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'known-begin':
      incoming = [];
      return;
    case 'known-chunk':
      for (const entity of message.entities) incoming.push(entity);
      return;
    case 'known-end':
      index = indexOf({ entities: incoming, holdings: [...message.holdings] });
      version = message.version;
      incoming = [];
      return;
    case 'draft': {
      send({ type: 'started', id: message.id, version });
      try {
        send({ type: 'done', id: message.id, draft: draft(message.input) });
      } catch (error) {
        send({ type: 'refused', id: message.id, ...refusalOf(error) });
      }
    }
  }
});
send({ type: 'ready' });
