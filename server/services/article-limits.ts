// What an article sent for drafting may be, checked before the drafter sees it. The drafter's cost
// grows faster than the text (a 20,000-character run of names drafts in about 3 s, 40,000 in 10 s,
// 90,000 in 40 s, measured on the shared 2-core machine), and parse5 slows down with nesting (200 KB
// of nested <div>s took it 30 s), so both are bounded: the text the drafter reads, and how deep an
// HTML page nests, estimated by a linear scan before parse5 builds a tree.
import { htmlToText, looksLikeHtml } from '../../seeds/ingest/article.ts';
import { BadInput } from '../../domain/errors.ts';
import { MAX_ARTICLE_CHARS, MAX_HTML_DEPTH, MAX_INPUT_CHARS } from '../../domain/ingest-limits.ts';

/** Elements that never hold children (and so never nest). */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'command',
  'basefont',
  'bgsound',
  'frame',
  'image',
  'isindex',
  'nextid',
]);
/** Elements an HTML parser closes by itself when a sibling starts, so an unclosed run does not nest. */
const SELF_ENDING = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
  'rtc',
  'colgroup',
  'caption',
]);
/** Whose content is text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'template']);

/**
 * How deep the elements of `html` nest, as a stack of open tags that end tags pop (to the nearest open
 * element of that name). One linear pass and no tree — each tag is read up to its first ">" and the
 * scan moves past it — so it is an estimate, but one no input can make slow. Stops past `limit`.
 */
export function htmlDepth(html: string, limit = Infinity): number {
  const text = html.toLowerCase();
  const open: string[] = [];
  let deepest = 0;
  let at = 0;
  while ((at = text.indexOf('<', at)) >= 0) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) break;
      at = end + 3;
      continue;
    }
    const gt = text.indexOf('>', at);
    if (gt < 0) break;
    const tag = /^<(\/?)([a-z][\w:-]*)/.exec(text.slice(at, Math.min(gt, at + 64)));
    const selfClosed = text[gt - 1] === '/';
    at = gt + 1;
    if (!tag) continue;
    const [, closing, name] = tag as unknown as [string, string, string];
    if (closing) {
      const index = open.lastIndexOf(name);
      if (index >= 0) open.length = index;
    } else if (RAW_TEXT.has(name)) {
      const end = text.indexOf(`</${name}`, at);
      if (end < 0) break;
      at = end;
    } else if (!VOID.has(name) && !selfClosed && !SELF_ENDING.has(name)) {
      open.push(name);
      if (open.length > deepest) deepest = open.length;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

/** Refuses an article the drafter should not be asked to read; returns the length of its text. */
export function checkArticle(input: string): number {
  if (input.length > MAX_INPUT_CHARS) {
    throw new BadInput(`The article is ${input.length} characters long; at most ${MAX_INPUT_CHARS} are accepted.`, 'text');
  }
  let length = input.length;
  if (looksLikeHtml(input)) {
    const depth = htmlDepth(input, MAX_HTML_DEPTH);
    if (depth > MAX_HTML_DEPTH) {
      throw new BadInput(`The HTML nests elements more than ${MAX_HTML_DEPTH} deep; send the article's text or simpler HTML.`, 'text');
    }
    length = htmlToText(input).text.length;
  }
  if (length > MAX_ARTICLE_CHARS) {
    throw new BadInput(
      `The article has ${length} characters of text; at most ${MAX_ARTICLE_CHARS} are drafted at once: split it into parts.`,
      'text',
    );
  }
  return length;
}
