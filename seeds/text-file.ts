// Reads an input text file strictly: UTF-8 only (a UTF-8 byte-order mark is dropped), bounded in size.
// A wrong encoding is refused with the line and byte where it goes wrong, instead of turning silently
// into U+FFFD characters that would then fail to match quotes far from the real cause.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { FactFileError } from '../domain/fact-errors.ts';
import { parseFactFile, type ParsedFactFile } from '../domain/fact-file.ts';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlongs, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f))
      return i;
    i += need + 1;
  }
  return -1;
}

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const name = basename(file);
  const refuse = (line: number | undefined, message: string) =>
    new FactFileError(name, [{ file: name, ...(line ? { line } : {}), path: '', message }]);
  if (bytes.length > MAX_INPUT_BYTES) throw refuse(undefined, `is ${bytes.length} bytes; at most ${MAX_INPUT_BYTES} are accepted`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refuse(1, 'is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8');
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = bytes.subarray(0, bad).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    throw refuse(line, `is not valid UTF-8 (byte ${bad}: 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save it as UTF-8`);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** Reads a UTF-8 text file (fact file, article, CSV) or refuses it with a FactFileError. */
export function readTextFile(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_INPUT_BYTES)
    throw new FactFileError(basename(path), [
      { file: basename(path), path: '', message: `is ${size} bytes; at most ${MAX_INPUT_BYTES} are accepted` },
    ]);
  return decodeUtf8(readFileSync(path), path);
}

/** Reads and validates one fact file from disk (the file adapter of domain/fact-file.ts). */
export function readFactFile(path: string): ParsedFactFile {
  return parseFactFile(readTextFile(path), path);
}
