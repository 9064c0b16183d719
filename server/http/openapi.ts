// /api/openapi.json, generated from the zod schemas that validate the requests and those that define the
// answers (domain/contracts, listed by endpoint in server/contracts/responses.ts), and a readable /api/docs
// page rendered from that same document (no browser bundle, nothing fetched from outside).
import { escapeHtml } from '../../domain/html.ts';
import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  acceptBody,
  bilateralReportQuery,
  candidatesQuery,
  cypherBody,
  entityParams,
  entityReportShape,
  hubShape,
  ingestAcceptBody,
  ingestDecisionsBody,
  ingestDraftBody,
  judgementHistoryQuery,
  judgementsBody,
  linksShape,
  meetingsShape,
  neighborhoodShape,
  pathsShape,
  savedQueryBody,
  savedQueryParams,
  searchQuery,
} from '../contracts/requests.ts';
import { registerPictures } from './openapi-pictures.ts';
import { healthProblem, problem as problemContract } from '../../domain/contracts/index.ts';
import { RESPONSES, type Endpoint } from '../contracts/responses.ts';

/** The docs page's only style; server/http/security.ts allows exactly this block by its hash. */
export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:0}section{border-top:1px solid #d0d7de;padding-top:.5rem;margin-top:1.5rem}
.m{background:#0b5cad;color:#fff;border-radius:4px;padding:0 .4rem;font-size:.8em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}code{background:#f3f4f6;padding:0 .2rem}`;

export function buildOpenApi(): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  // Each answer's schema is registered once under its name, so the paths refer to it as a component.
  const components = new Map<string, z.ZodTypeAny>();
  const component = (name: string, schema: z.ZodTypeAny): z.ZodTypeAny => {
    if (!components.has(name)) components.set(name, registry.register(name, schema));
    return components.get(name)!;
  };
  /** The 200 answer of `endpoint`, from its contract. */
  const ok = (endpoint: Endpoint, description: string, more: Record<string, { schema: z.ZodTypeAny }> = {}) => ({
    description,
    content: { 'application/json': { schema: component(RESPONSES[endpoint].name, RESPONSES[endpoint].schema) }, ...more },
  });
  const problem = component('Problem', problemContract);
  const errors = {
    400: { description: 'A malformed parameter, named in `param`', content: { 'application/problem+json': { schema: problem } } },
    404: { description: 'No such entity', content: { 'application/problem+json': { schema: problem } } },
    503: { description: 'The database is unreachable (see Retry-After)', content: { 'application/problem+json': { schema: problem } } },
  };
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Is the app up, and can it reach Neo4j?',
    responses: {
      200: ok('get /api/health', 'Up, with the Neo4j version and the start-up state'),
      503: {
        description:
          'Not ready: the database is unreachable, being restarted, or start-up preparation has not finished (see Retry-After); `state` says which',
        content: { 'application/problem+json': { schema: component('HealthProblem', healthProblem) } },
      },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    summary: 'Find entities by name or alias',
    description:
      'Full-text over names and aliases; case-, diacritic- and punctuation-insensitive ("nguesso" finds N’Guesso); partial names ("Kuantyr") and one typo in longer words match. Ranked by score.',
    request: { query: searchQuery },
    responses: {
      200: ok('get /api/search', 'Ranked results'),
      400: errors[400],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/entities/{id}',
    summary: 'An entity’s profile',
    description:
      'Properties, titles over time (for people) or title holders (for organisations), events with roles, who they met (counts and dates), agreements, figures, every relationship, and the sources with the quotes that support each one. `id` is an id, an ISO country code, or an unambiguous name.',
    request: { params: entityParams },
    responses: { 200: ok('get /api/entities/{id}', 'The profile'), 400: errors[400], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/entities/{id}/neighborhood',
    summary: 'The network around an entity, ready for Cytoscape',
    description:
      'Breadth-first up to `depth`, keeping neighbour `types`, events and meetings wholly inside `from`–`to` (undated ones only with `includeUndated=true`), at most `limit` nodes; `truncated: true` says the cap was reached. Elements are `{data: {...}}`.',
    request: { params: entityParams, query: neighborhoodShape },
    responses: {
      200: ok('get /api/entities/{id}/neighborhood', 'Nodes and edges as Cytoscape elements'),
      400: errors[400],
      404: errors[404],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/entities/{id}/hub',
    summary: 'A busy entity in one answer: its counterparts weighted, its other neighbours grouped',
    description:
      "For the explorer's hub mode. `people`: everyone the entity met, one entry each with the number of meetings in the window, first and last date, inferred ones, their MET in all (`degree`) and their country; `peers`: meetings among those people. `neighbours`: everything else joined to it (events, titles, places, …), most recent first, at most `limit`, each with its group keys (`kind`: the event kind or the type; `year`; `country`: where it lies or took place) and the event it is part of; `links`: what joins those neighbours to each other. `facets` count the neighbours in the window by kind, year and country; `kind`, `year` and `country` filter `neighbours` to one group. The window (`from`–`to`) keeps meetings and events wholly inside it (undated ones only with `includeUndated=true`); `hidden` says how many it leaves out. `activity`: the entity's events by month (by year when only the year is known), all time, for a histogram.",
    request: { params: entityParams, query: hubShape },
    responses: {
      200: ok('get /api/entities/{id}/hub', 'Counterparts, neighbours, facets and activity'),
      400: errors[400],
      404: errors[404],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/links',
    summary: 'Why two entities are linked, and says who',
    description:
      'Every relationship joining `a` and `b` directly, earliest first: its facts (role, title, date), its own quotes, and the event it stands for (a MET\'s meeting, or the event at one end) with its date, kind, places (its own, else those of the visit it is part of), country, participants and quotes. For an imported State Department record the event carries `records`: the record\'s place, dates and prose; its column lines ("traveler: …") are not repeated as quotes. Meetings and events keep to the window (`from`–`to`, wholly inside); `total` counts them all, `links` lists the first `limit`.',
    request: { query: linksShape },
    responses: { 200: ok('get /api/links', 'Every link with its evidence'), 400: errors[400], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/meetings',
    summary: 'Who met whom',
    description:
      'Held meetings, talks, calls, sessions and signings with two or more participants, by person, by pair (`person` + `with`), by country (anyone representing it) and by date window (meetings wholly inside it; undated ones are left out when a window is given). A person only mentioned is listed under `mentioned`, never as a participant. Participants added by the delegation rule carry `inferred: true` and `rule`.',
    request: { query: meetingsShape },
    responses: {
      200: ok('get /api/meetings', 'Chronological, undated last'),
      400: errors[400],
      404: errors[404],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/paths',
    summary: 'How A reaches B',
    description:
      '`via=meetings` walks MET between people only; `via=any` walks every relationship. The k (`limit`) shortest distinct paths, shortest first, up to `maxHops`. `start`/`end` keep only hops dated wholly inside the window (undated meetings and events drop out; timeless links such as HOLDS stay). `exclude` lists labels (`Country`) or ids the path may not pass through. Each hop lists the relationships joining its two ends with date and quotes: the first `linksPerHop` (default 10; MET first, earliest first, undated last) and `linkCount`, how many there are in the window (`/api/meetings?person=&with=` lists them all). `inferred` is true only when every one of them is inferred. No path is `{"paths": []}` with 200.',
    request: { query: pathsShape },
    responses: {
      200: ok('get /api/paths', 'Shortest first'),
      400: errors[400],
      404: errors[404],
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cypher',
    summary: 'Run your own read-only Cypher',
    description:
      'Planned with EXPLAIN first: only read queries run (no LOAD CSV, CALL … IN TRANSACTIONS, administration commands, dbms.*, or procedures off the allow-list), then in a READ transaction with a server-side time limit (default 10 s, ceiling 60 s) and a row cap enforced while streaming (default 1,000, ceiling 10,000). Values are returned losslessly (see docs/console.md). A leading EXPLAIN returns the plan; PROFILE runs and returns the profile. Every attempt is audited.',
    request: { body: { content: { 'application/json': { schema: cypherBody } } } },
    responses: {
      200: ok('post /api/cypher', 'Columns, rows as lossless JSON values, the graph they draw, and a summary'),
      400: {
        description: 'Malformed body or a Cypher syntax error (with `position`)',
        content: { 'application/problem+json': { schema: problem } },
      },
      403: { description: 'Refused: not a plain read', content: { 'application/problem+json': { schema: problem } } },
      408: {
        description: 'Ran past its time limit and was cancelled on the server',
        content: { 'application/problem+json': { schema: problem } },
      },
      422: { description: 'Failed while running', content: { 'application/problem+json': { schema: problem } } },
    },
  });
  const unauthorized = {
    description: 'The API key is missing or wrong (only when API_KEY is set)',
    content: { 'application/problem+json': { schema: problem } },
  };
  registry.registerPath({
    method: 'post',
    path: '/api/ingest',
    summary: 'Draft facts from a new article (nothing is written)',
    description:
      'Reads the text (plain with an optional " date YYYY-MM-DD" header, or HTML), drops junk lines, and drafts a fact file in the seed format: people with titles and countries, organisations, countries, places, events with participants, roles and dates resolved against the publication date, agreements with their status, figures — each with a verbatim quote. Names the graph knows are linked to their ids. `confidence` (0–1 with a reason) and `spans` (where each quote is in `article.text`) are keyed by fact path, e.g. `events[0].participants[1]`. Drafting runs on a worker thread with a time budget (INGEST_TIMEOUT_MS, 20 s) and a bounded queue. Needs the API key when API_KEY is set.',
    request: { body: { content: { 'application/json': { schema: ingestDraftBody } } } },
    responses: {
      200: ok(
        'post /api/ingest',
        'The draft: the article, the facts, and for each fact its confidence, quote spans and links to known entities',
      ),
      400: errors[400],
      401: unauthorized,
      422: {
        description:
          'The drafter cannot draft this article: it ran past its time or memory budget, or what it drafted fails the fact-file checks',
        content: { 'application/problem+json': { schema: problem } },
      },
      429: {
        description: 'This client already has articles drafting or waiting (see Retry-After)',
        content: { 'application/problem+json': { schema: problem } },
      },
      503: {
        description: 'Every drafting thread is busy and the queue is full (see Retry-After)',
        content: { 'application/problem+json': { schema: problem } },
      },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/ingest/accept',
    summary: 'Load a reviewed draft into the graph',
    description:
      'Validates the fact file once (schema, per-article caps, verbatim quotes, references) and loads it in one transaction; a refused draft writes nothing and the 400 lists every problem in `errors` with its field (`facts.events[0].kind`). A property something in the graph already has (an entity’s kind or note, an event’s status or date, a participation’s role …) is changed only by decision: without one the answer is 409 with `changes` ([{id, label, property, current, proposed}]) and nothing is written; send them back as `decisions` with `keep` or `replace`. The server names the article (`source`: NNN_<slug>.txt); the server started by `npm start` keeps the article, its fact file and the decisions under DATA_DIR/accepted (`kept`, relative to DATA_DIR) and loads them after the seeds at every start. Needs the API key when API_KEY is set.',
    request: { body: { content: { 'application/json': { schema: ingestAcceptBody } } } },
    responses: {
      200: ok('post /api/ingest/accept', 'Loaded'),
      400: errors[400],
      401: unauthorized,
      409: {
        description: 'The draft would change what the graph already has; `changes` lists each change to decide',
        content: { 'application/problem+json': { schema: problem } },
      },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/ingest/decisions',
    summary: "Keep the review's verdict on each drafted fact",
    description:
      "Appends one JSON line per decision (time, source, fact path, the rule that drafted it, accepted/edited/rejected) to DATA_DIR/ingest/decisions.jsonl; `npm run eval:extract -- --rules` prints each rule's precision from them. Needs the API key when API_KEY is set.",
    request: { body: { content: { 'application/json': { schema: ingestDecisionsBody } } } },
    responses: { 200: ok('post /api/ingest/decisions', 'How many were recorded'), 400: errors[400], 401: unauthorized },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/queries',
    summary: 'The saved query library',
    responses: { 200: ok('get /api/queries', 'Each saved query with its parameters, columns and Cypher (header comments included)') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/queries/{name}',
    summary: 'Run a saved query, with the console’s guards',
    request: { params: savedQueryParams, body: { content: { 'application/json': { schema: savedQueryBody } } } },
    responses: { 200: ok('post /api/queries/{name}', 'As POST /api/cypher'), 400: errors[400], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/reports/bilateral',
    summary: 'What the graph knows about two countries’ relations, every statement cited',
    request: { query: bilateralReportQuery },
    responses: {
      200: ok('get /api/reports/bilateral', 'The report as JSON (`format=json`), Markdown, HTML or CSV', {
        'text/markdown': { schema: z.string() },
        'text/html': { schema: z.string() },
        'text/csv': { schema: z.string() },
      }),
      400: errors[400],
      404: errors[404],
    },
  });
  for (const kind of ['person', 'organization'] as const) {
    registry.registerPath({
      method: 'get',
      path: `/api/reports/${kind}/{id}`,
      summary:
        kind === 'person'
          ? 'A person’s dossier, every statement cited'
          : 'An organisation’s people, events and agreements, every statement cited',
      request: { params: entityParams, query: entityReportShape },
      responses: {
        200: ok(`get /api/reports/${kind}/{id}`, 'The report as JSON (`format=json`), Markdown, HTML or CSV', {
          'text/markdown': { schema: z.string() },
          'text/html': { schema: z.string() },
          'text/csv': { schema: z.string() },
        }),
        400: errors[400],
        404: errors[404],
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/resolution/candidates',
    summary: 'Pairs of people who may be one person, for review',
    description:
      "Found by blocking on name keys (each name word's sound codes) and scored 0–1 from folded names (word order, spelling variants, shorter forms, middle initials, regnal numbers, patronymics), countries, titles held, the years attested, and whether the two were ever present together. Each pair lists its `reasons` (feature, weight, text), both people summarised, `likely` (score at or above `threshold`) and its current judgement. Highest score first.",
    request: { query: candidatesQuery },
    responses: { 200: ok('get /api/resolution/candidates', 'Highest score first'), 400: errors[400] },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/resolution/judgements',
    summary: 'Judge pairs: same, different, unsure, or undo',
    description:
      "`same` merges the two into one cluster that every read sees as one person (the merged ids stay valid and answer with the cluster); `different` keeps them apart for good (a `same` that would join them is refused with 409); `unsure` is recorded only; `undo` withdraws the pair's judgement (a cluster is re-split exactly). Several at once are checked together: any contradiction refuses all. Appended to DATA_DIR/resolution/judgements.jsonl with `by` and the time. Needs the API key when API_KEY is set.",
    request: { body: { content: { 'application/json': { schema: judgementsBody } } } },
    responses: {
      200: ok('post /api/resolution/judgements', 'Recorded, with the clusters formed and dissolved'),
      400: errors[400],
      401: unauthorized,
      404: errors[404],
      409: {
        description: 'Contradicts a judgement already recorded (nothing was recorded)',
        content: { 'application/problem+json': { schema: problem } },
      },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/resolution/accept',
    summary: 'Accept the likely pairs in bulk',
    description:
      'Judges every open candidate pair scoring at least `minScore` (optionally of one `country`) the same, as `by`, in one transaction; a pair that would join two people judged different is left for review and listed in `skipped` with why. Needs the API key when API_KEY is set.',
    request: { body: { content: { 'application/json': { schema: acceptBody } } } },
    responses: { 200: ok('post /api/resolution/accept', 'Recorded, and the pairs skipped with why'), 400: errors[400], 401: unauthorized },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/resolution/judgements',
    summary: 'Who judged what: the judgement log, newest first',
    request: { query: judgementHistoryQuery },
    responses: { 200: ok('get /api/resolution/judgements', 'Newest first'), 400: errors[400] },
  });
  registerPictures(registry, errors, ok);
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Diplomatic knowledge graph API',
      version: '0.1.0',
      description:
        'Who met whom, how officials are connected, and the sentence that says so. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
  }) as unknown as Record<string, unknown>;
}

const escape = escapeHtml;

interface DocParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string; enum?: string[]; default?: unknown; example?: unknown; description?: string };
  example?: unknown;
}

interface DocResponse {
  description?: string;
  content?: Record<string, { schema?: { $ref?: string } }>;
}

/** " — Name {field, field?, …}": a JSON answer's component and its top-level fields (optional ones marked ?). */
function answerShape(doc: Record<string, unknown>, response: DocResponse): string {
  const ref = response.content?.['application/json']?.schema?.$ref;
  if (!ref) return '';
  const name = ref.replace('#/components/schemas/', '');
  const schema = (doc.components as { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } | undefined)
    ?.schemas[name];
  const fields = Object.keys(schema?.properties ?? {}).map((key) => (schema?.required?.includes(key) ? key : `${key}?`));
  return ` — <code>${escape(name)}</code> <code>{${escape(fields.join(', '))}}</code>`;
}

/** A plain, printable HTML page of the API, from the OpenAPI document. */
export function renderDocs(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<
    string,
    Record<string, { summary?: string; description?: string; parameters?: DocParameter[]; responses?: Record<string, DocResponse> }>
  >;
  const sections = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => {
        const schema = p.schema ?? {};
        const kind = schema.enum ? schema.enum.join(' | ') : (schema.type ?? 'string');
        const example = p.example ?? schema.example;
        return `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}${p.required ? ', required' : ''}</td><td>${escape(kind)}${schema.default !== undefined ? ` (default ${escape(schema.default)})` : ''}</td><td>${escape(p.description ?? schema.description ?? '')}${example !== undefined ? ` <small>e.g. <code>${escape(example)}</code></small>` : ''}</td></tr>`;
      });
      const responses = Object.entries(op.responses ?? {}).map(
        ([status, r]) => `<li><b>${escape(status)}</b> ${escape(r.description)}${answerShape(doc, r)}</li>`,
      );
      return `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escape(path)}</code></h2>
<p><b>${escape(op.summary)}</b></p>${op.description ? `<p>${escape(op.description)}</p>` : ''}
${params.length ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>${params.join('')}</tbody></table>` : ''}
<ul>${responses.join('')}</ul></section>`;
    }),
  );
  const info = doc.info as { title: string; description: string; version: string };
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)}</title>
<style>${DOCS_CSS}</style>
<h1>${escape(info.title)}</h1><p>${escape(info.description)} Version ${escape(info.version)}. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
${sections.join('\n')}
</html>`;
}
