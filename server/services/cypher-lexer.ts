// Splits Cypher text into tokens, enough for the console's checks before Neo4j sees a query: strings,
// comments and `quoted names` are recognised, so a bracket or a function name inside them does not
// count. Pure; not a parser — Neo4j parses the query (EXPLAIN) once these checks pass.

export type TokenKind = 'name' | 'quoted-name' | 'string' | 'number' | 'parameter' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** The text; for a quoted name, the name without its backticks. */
  text: string;
  /** Where it starts in the query (UTF-16 offset). */
  offset: number;
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const DIGIT = /[0-9]/;
/** Multi-character symbols, longest first. */
const SYMBOLS = ['<>', '<=', '>=', '=~', '->', '<-', '..', '::', '+=', '!=', '||'];

/** Tokens of `query`; unterminated strings and comments run to the end (Neo4j reports them). */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '/' && query[i + 1] === '/') {
      const end = query.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      i += 1;
      while (i < n && query[i] !== c) i += query[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      tokens.push({ kind: 'string', text: query.slice(start, i), offset: start });
    } else if (c === '`') {
      // `a``b` is the name a`b.
      const start = i;
      let text = '';
      i += 1;
      while (i < n) {
        if (query[i] === '`') {
          if (query[i + 1] === '`') {
            text += '`';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        text += query[i];
        i += 1;
      }
      tokens.push({ kind: 'quoted-name', text, offset: start });
    } else if (c === '$') {
      const start = i;
      i += 1;
      if (query[i] === '`') {
        while (i + 1 < n && query[i + 1] !== '`') i += 1;
        i += 2;
      } else {
        while (i < n && NAME_PART.test(query[i]!)) i += 1;
      }
      if (i === start + 1) tokens.push({ kind: 'symbol', text: '$', offset: start });
      else tokens.push({ kind: 'parameter', text: query.slice(start, i), offset: start });
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(query[i + 1] ?? ''))) {
      const start = i;
      while (i < n && /[0-9a-zA-Z_.]/.test(query[i]!) && !(query[i] === '.' && query[i + 1] === '.')) {
        // 1e-5 and 1E+5: the sign belongs to the exponent.
        if ((query[i] === 'e' || query[i] === 'E') && (query[i + 1] === '-' || query[i + 1] === '+') && !/^0x/i.test(query.slice(start, i)))
          i += 1;
        i += 1;
      }
      tokens.push({ kind: 'number', text: query.slice(start, i), offset: start });
    } else if (NAME_START.test(c)) {
      const start = i;
      while (i < n && NAME_PART.test(query[i]!)) i += 1;
      tokens.push({ kind: 'name', text: query.slice(start, i), offset: start });
    } else {
      const symbol = SYMBOLS.find((s) => query.startsWith(s, i)) ?? c;
      tokens.push({ kind: 'symbol', text: symbol, offset: i });
      i += symbol.length;
    }
  }
  return tokens;
}

/** Whether `token` is the keyword `word` (keywords are case-insensitive; a quoted name never is one). */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'name' && words.some((word) => word.toLowerCase() === token.text.toLowerCase());
}
