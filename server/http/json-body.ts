// JSON request bodies: parsed by express.json with a size limit, then refused when nested deeper than
// any request needs (a fact file is 6 levels deep, console parameters rarely more than 3). Code that
// walks values recursively — validation, parameter decoding, the driver's serializer — never meets a
// 4,000-deep array.
import express, { type RequestHandler } from 'express';
import { BadInput } from '../../domain/errors.ts';

export const MAX_JSON_DEPTH = 32;

/** How deep `value` nests arrays and objects (a scalar is 0), counted without recursion; stops past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, level]);
    }
  }
  return deepest;
}

/** The charset parameter(s) of a Content-Type header, lower-cased and unquoted. */
function charsetsOf(contentType: string | undefined): string[] {
  return [...(contentType ?? '').matchAll(/;\s*charset\s*=\s*("?)([^";,\s]*)\1/gi)].map((m) => m[2]!.toLowerCase());
}

/**
 * JSON is UTF-8 (RFC 8259); body-parser would also decode any "utf-*" label (UTF-7 among them, which
 * smuggles characters past text checks). Any other declared charset is a 415 before a byte is read.
 */
const utf8Only: RequestHandler = (req, _res, next) => {
  const type = req.get('content-type');
  const hasBody = req.get('content-length') !== undefined || req.get('transfer-encoding') !== undefined;
  const charsets = hasBody && type && /^\s*application\/([\w.-]+\+)?json\b/i.test(type) ? charsetsOf(type) : [];
  if (charsets.some((c) => c !== 'utf-8')) {
    next(Object.assign(new Error('unsupported charset'), { status: 415, expose: true, type: 'charset.unsupported' }));
    return;
  }
  next();
};

/** express.json with this size limit, UTF-8 only, plus the depth limit. */
export function jsonBody(limit: string, maxDepth = MAX_JSON_DEPTH): RequestHandler[] {
  return [
    utf8Only,
    express.json({ limit }),
    (req, _res, next) => {
      if (req.body !== undefined && jsonDepth(req.body, maxDepth) > maxDepth) {
        next(new BadInput(`The request body nests arrays and objects more than ${maxDepth} levels deep.`, 'body'));
        return;
      }
      next();
    },
  ];
}
