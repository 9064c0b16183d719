// The pictures' endpoints in /api/openapi.json (registered from the same schemas that validate the
// requests and define the answers).
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import type { Endpoint } from '../contracts/responses.ts';
import { activityPerYearQuery, entityParams, personSummaryQuery, timelineShape, visitsMapShape } from '../contracts/requests.ts';

type Responses = Record<400 | 404, { description: string; content: Record<string, { schema: z.ZodTypeAny }> }>;
/** The 200 answer of an endpoint, from its contract (server/contracts/responses.ts). */
type Ok = (endpoint: Endpoint, description: string) => { description: string; content: Record<string, { schema: z.ZodTypeAny }> };

export function registerPictures(registry: OpenAPIRegistry, errors: Responses, ok: Ok): void {
  registry.registerPath({
    method: 'get',
    path: '/api/pictures/timeline',
    summary: 'A timeline of events: a person’s, one lane per counterpart, or two countries’, one lane per official',
    description:
      'Events taken part in (not merely mentioned), earliest first. For `person`: a lane per counterpart (the other people present, else the country or body present; "no counterpart named" otherwise). For `a` and `b`: the events between officials of the two countries (as the bilateral report selects them), a lane per official of either side. Lanes busiest first; the first `lanes` are returned, the rest counted in `otherLanes`. Each item cites the quotes that say who took part. Undated events are items with `start: null` and counted in `undated`.',
    request: { query: timelineShape },
    responses: { 200: ok('get /api/pictures/timeline', 'Lanes and their items, each item cited'), 400: errors[400], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/pictures/map',
    summary: 'Visits and trips for a map: from the country a traveller represented to the country visited',
    description:
      'Held visits with a person as guest, for a traveller (`person`), for a country (visited, or represented by the traveller) or all, wholly inside the window. Each visit: traveller, `from` and `to` ISO codes (the host country taking part, else the country of the place), places, a journey number (the records list stops: a traveller’s stops less than 3 days apart make one journey — a way of drawing, stated in `journeyRule`) and its quotes. `countries`: how often each was visited and how often its officials travelled, with its ISO 3166-1 numeric code `ccn3` (the id of world-atlas shapes; null where ISO assigned none, as for Kosovo or former states).',
    request: { query: visitsMapShape },
    responses: {
      200: ok('get /api/pictures/map', 'Visits, each cited, and the countries with their counts'),
      400: errors[400],
      404: errors[404],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/pictures/years',
    summary: 'Held events per year and kind, for a person, a country or the whole graph',
    description:
      'Held events with two or more present participants, counted per year and kind (meetings, talks, calls, sessions, signings, visits, summits, …); an event counts in its year when it starts and ends in it (others are in `spanningYears`, undated ones in `undated`). Each year gives `meetingsUrl`, the /api/meetings query listing that year’s meetings with their quotes.',
    request: { query: activityPerYearQuery },
    responses: { 200: ok('get /api/pictures/years', 'Counts per year and kind'), 400: errors[400], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/pictures/summary/{id}',
    summary: 'A person’s summary card',
    description:
      'Events taken part in, meetings (held, two or more present), visits, first and last contact (the earliest and latest dated held event with a counterpart present), the top counterparts (people met, by meetings) and countries (present in the events, other than those the person acted for), and titles with the publication dates of the sources that state them (`firstSeen`/`lastSeen`: attested, not a term of office). Every line carries its quotes.',
    request: { params: entityParams, query: personSummaryQuery },
    responses: { 200: ok('get /api/pictures/summary/{id}', 'The summary card, every line cited'), 400: errors[400], 404: errors[404] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/schema',
    summary: 'The live schema’s names: labels, relationship types, property keys (for the console editor’s completion)',
    responses: { 200: ok('get /api/schema', 'Labels, relationship types and property keys') },
  });
}
