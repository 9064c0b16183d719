// Who a person is, next to their name wherever the explorer names one: "title · country · years"
// and badges saying how far the sources identify them (the API's `summary`, one shape everywhere).
import { h } from './dom.ts';
import type { IdentitySummary } from './types.ts';

const BADGE_LABEL: Record<string, string> = { 'surname-only': 'surname only', 'linked-by-rule': 'by rule' };

/** The identity line, or null when the summary says nothing. */
export function identityLine(summary: IdentitySummary | undefined | null): HTMLElement | null {
  if (!summary || (!summary.label && summary.badges.length === 0)) return null;
  return h(
    'span.identity',
    {},
    summary.label ? h('span.identity-label', {}, summary.label) : null,
    summary.badges.map((b) =>
      h('span.identity-badge', { title: b.text, 'data-kind': b.kind, 'aria-label': b.text }, BADGE_LABEL[b.kind] ?? b.kind),
    ),
  );
}
