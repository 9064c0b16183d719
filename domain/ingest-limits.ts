// What one request may ask of the server when articles come in, in one place: the HTTP schemas
// document these numbers, the services enforce them (server/services/article-limits.ts, accept).

/** Characters of article text (after HTML is turned into text) drafted at once; a long press release has 10,000. */
export const MAX_ARTICLE_CHARS = 20_000;
/** What may be sent as an article: a saved web page is mostly markup. */
export const MAX_INPUT_CHARS = 200_000;
/** Element nesting of an HTML page; real pages stay under 60. */
export const MAX_HTML_DEPTH = 200;
