// Facts about the graph model shared by the loader, the API and the tests.

export const ENTITY_LABELS = ['Person', 'Organization', 'Country', 'Place', 'Event', 'Agreement', 'Figure'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

const PREFIX_LABEL: Record<string, EntityLabel> = {
  person: 'Person',
  org: 'Organization',
  country: 'Country',
  place: 'Place',
  event: 'Event',
  agreement: 'Agreement',
  figure: 'Figure',
};

/** The label an id belongs to, from its prefix ("org:kz-mfa" → Organization), or undefined. */
export function labelOfId(id: string): EntityLabel | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return PREFIX_LABEL[prefix];
}

export const ID_PATTERN = /^(person|org|country|place|event|agreement|figure):\S+$/;

/**
 * Event kinds whose present participants met each other, so the loader derives MET between them.
 * A forum, summit, visit or exhibition brings people to one place but is not itself a meeting; the
 * talks and sessions inside it are.
 */
export const MEETING_KINDS = ['meeting', 'talks', 'call', 'session', 'signing'] as const;

export function sourceIdOf(file: string): string {
  return `source:${file.replace(/\.txt$/, '')}`;
}
