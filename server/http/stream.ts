// Writes large answers out piece by piece with backpressure, so a response is never one big string in
// memory and a slow client is not handed more than the socket takes.
import { once } from 'node:events';
import type { Response } from 'express';

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
