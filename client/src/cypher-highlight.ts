// Cypher syntax highlighting as escaped HTML (keywords, strings, numbers, comments, params, labels). Pure.
const KEYWORDS = new Set(
  'MATCH OPTIONAL WHERE RETURN WITH UNWIND ORDER BY SKIP LIMIT AS AND OR NOT XOR IN IS NULL TRUE FALSE DISTINCT CASE WHEN THEN ELSE END CALL YIELD EXISTS COUNT UNION ALL SHORTEST ANY ASC DESC ASCENDING DESCENDING EXPLAIN PROFILE CREATE MERGE DELETE DETACH SET REMOVE FOREACH LOAD CSV CONTAINS STARTS ENDS COLLECT ON'.split(' '),
);

export type TokenKind = 'kw' | 'str' | 'num' | 'com' | 'param' | 'label' | 'text';
export interface Token {
  kind: TokenKind;
  text: string;
}

const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(\$\w+)|(:\s*`[^`]*`|:\s*[A-Za-z_]\w*)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]\w*)/g;

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of src.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) tokens.push({ kind: 'text', text: src.slice(last, at) });
    const [all, com, str, param, label, num, word] = m;
    if (com) tokens.push({ kind: 'com', text: all });
    else if (str) tokens.push({ kind: 'str', text: all });
    else if (param) tokens.push({ kind: 'param', text: all });
    else if (label) tokens.push({ kind: 'label', text: all });
    else if (num) tokens.push({ kind: 'num', text: all });
    else if (word) tokens.push({ kind: KEYWORDS.has(word.toUpperCase()) ? 'kw' : 'text', text: all });
    last = at + all.length;
  }
  if (last < src.length) tokens.push({ kind: 'text', text: src.slice(last) });
  return tokens;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function highlight(src: string): string {
  return tokenize(src)
    .map((t) => (t.kind === 'text' ? escapeHtml(t.text) : `<span class="cy-${t.kind}">${escapeHtml(t.text)}</span>`))
    .join('');
}
