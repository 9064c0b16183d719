// Reads an article as the drafter sees it: plain text (optional " date YYYY-MM-DD" header) or HTML,
// junk lines found by the rules' patterns, the dateline, and the cleaned text every quote is cut from
// (the same cleaning the loader applies, so drafted quotes are found verbatim at load time).
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { cleanSourceText } from '../../domain/source-text.ts';
import type { Rules } from './rules.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface Article {
  /** The file as it will be stored in seeds/sources (HTML is turned into this plain text). */
  raw: string;
  /** After removing the header and the junk lines: what quotes index into. */
  text: string;
  published: string | null;
  junk: string[];
  dateline?: string;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'pre']);
const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'header', 'aside', 'form', 'button', 'svg']);

export function looksLikeHtml(input: string): boolean {
  return /^\s*(<!doctype html|<html|<body|<article|<p[\s>]|<div[\s>])/i.test(input);
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if ('childNodes' in node && !SKIP.has(node.nodeName)) return node.childNodes.map(textOf).join('');
  return '';
}

/** HTML → plain paragraphs, plus the publication date from <meta>/<time> if the page gives one. */
export function htmlToText(html: string): { text: string; published: string | null } {
  const doc = parse(html);
  const paragraphs: string[] = [];
  let published: string | null = null;
  const walk = (node: Node): void => {
    if (SKIP.has(node.nodeName)) return;
    if ('tagName' in node) {
      const el = node as Element;
      if (el.tagName === 'meta') {
        const key = attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '';
        const content = attr(el, 'content') ?? '';
        if (!published && /published|date/i.test(key) && /^\d{4}-\d{2}-\d{2}/.test(content)) published = content.slice(0, 10);
      }
      if (el.tagName === 'time' && !published) {
        const value = attr(el, 'datetime') ?? '';
        if (/^\d{4}-\d{2}-\d{2}/.test(value)) published = value.slice(0, 10);
      }
      if (BLOCKS.has(el.tagName)) {
        const text = textOf(el).replace(/\s+/g, ' ').trim();
        if (text) paragraphs.push(text);
        return;
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(doc);
  return { text: paragraphs.join('\n\n'), published };
}

/** Lines the rules call page furniture ("Tell a friend", "Images | Kazakh MFA"). */
export function junkLinesOf(body: string, rules: Rules): string[] {
  const junk = new Set<string>();
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed && rules.junk.some((pattern) => pattern.test(trimmed))) junk.add(trimmed);
  }
  return [...junk];
}

const DATELINE =
  /^([A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\p{L} ]+)?(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?)\s*(?:[—–-]|\.\s|\()/u;

// "Cairo, 2 October (MENA) - …", "Nairobi, Sept 14 (Reuters) — …": a wire's dateline in title case.
const WIRE_DATELINE =
  /^(\p{Lu}[\p{L}.' -]{2,30},\s*(?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:,?\s+\d{4})?)\s*(?:\([^)\n]{1,40}\))?\s*[—–-]\s/u;

/** "ASTANA, Kazakhstan, February 7. …" → "ASTANA, Kazakhstan, February 7". */
export function datelineOf(text: string): string | undefined {
  return DATELINE.exec(text)?.[1]?.trim() ?? WIRE_DATELINE.exec(text)?.[1]?.trim();
}

export interface ReadOptions {
  /** Overrides (or supplies) the publication date. */
  published?: string | undefined;
}

export function readArticle(input: string, rules: Rules, options: ReadOptions = {}): Article {
  let raw = input.replace(/\r\n?/g, '\n');
  if (looksLikeHtml(raw)) {
    const html = htmlToText(raw);
    const published = options.published ?? html.published;
    raw = published ? ` date ${published} ${html.text}` : html.text;
  } else if (options.published) {
    const header = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
    raw = ` date ${options.published} ${header ? raw.slice(header[0].length) : raw.trimStart()}`;
  }
  const junk = junkLinesOf(raw.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, ''), rules);
  const clean = cleanSourceText(raw, junk);
  const dateline = datelineOf(clean.text);
  return { raw, text: clean.text, published: clean.headerDate, junk, ...(dateline ? { dateline } : {}) };
}
