// Writes large answers out piece by piece with backpressure, so a response is never one big string in
// memory and a slow client is not handed more than the socket takes.
import { once } from 'node:events';
import type { Response } from 'express';
import type { EncodedAnswer } from '../services/console.ts';

/** About this much text per write. */
const CHUNK_CHARS = 64 * 1024;

/** Writes `pieces`, joined, in chunks; waits for 'drain' when the socket is full; stops if the client left. */
export async function writePieces(res: Response, pieces: Iterable<string>): Promise<void> {
  let buffer = '';
  const flush = async () => {
    if (!buffer || res.destroyed) return;
    const ok = res.write(buffer);
    buffer = '';
    if (!ok) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  };
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) await flush();
    if (res.destroyed) return;
  }
  await flush();
  res.end();
}

/** A console answer as JSON text in pieces: the envelope, then each row as the service encoded it. */
export function* consoleAnswerJson(answer: EncodedAnswer): Generator<string> {
  yield `{"columns":${JSON.stringify(answer.columns)},"rows":[`;
  for (let i = 0; i < answer.rows.length; i += 1) yield i ? `,${answer.rows[i]}` : answer.rows[i]!;
  yield `],"graph":{"nodes":[`;
  for (let i = 0; i < answer.graph.nodes.length; i += 1) yield (i ? ',' : '') + JSON.stringify(answer.graph.nodes[i]);
  yield '],"edges":[';
  for (let i = 0; i < answer.graph.edges.length; i += 1) yield (i ? ',' : '') + JSON.stringify(answer.graph.edges[i]);
  yield `]},"summary":${JSON.stringify(answer.summary)}}`;
}

export async function sendConsoleAnswer(res: Response, answer: EncodedAnswer): Promise<void> {
  res.status(200).type('application/json; charset=utf-8');
  await writePieces(res, consoleAnswerJson(answer));
}
