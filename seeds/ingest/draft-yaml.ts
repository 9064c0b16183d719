// The draft as a reviewer reads it: the fact file in YAML, each fact preceded by a comment with the
// drafter's confidence and reason (comments, because the fact-file schema is strict and `note` is
// for the graph). The comments are dropped when the file is parsed, so an accepted file is clean.
import { Document, isNode } from 'yaml';
import type { Draft } from './draft.ts';

function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export function draftToYaml(draft: Draft): string {
  const doc = new Document(draft.facts);
  doc.commentBefore =
    ` Draft by the ingest drafter from ${draft.facts.source.file}. Review every fact against the article, fix or\n` +
    ` delete what is wrong, then: npm run ingest -- accept <name>. "confidence" comments are the drafter's\n` +
    ` own estimate (0–1) and its reason; they are not loaded.`;
  for (const [path, c] of Object.entries(draft.confidence)) {
    const node = doc.getIn(pathSegments(path), true);
    const badge = draft.entities[path];
    const link = badge
      ? badge.status === 'linked'
        ? ` LINKED to ${badge.target?.id} (${badge.target?.name}).`
        : ` NEW.${badge.similar.length ? ` Looks like ${badge.similar.map((x) => x.id).join(', ')}; not merged.` : ''}`
      : '';
    if (isNode(node)) node.commentBefore = ` confidence ${c.score.toFixed(2)} (rule ${c.rule}): ${c.why}.${link}`;
  }
  const notes = [
    ...draft.problems.map((p) => ` left out: ${p}`),
    ...draft.holders.map(
      (o) =>
        ` "${o.phrase}"${o.date ? ` on ${o.date}` : ''} is probably ${o.candidates.map((c) => `${c.id} (${c.name}, ${c.why}, ${Math.round(c.confidence * 100)}%)`).join(' or ')}`,
    ),
  ];
  if (notes.length) doc.commentBefore += `\n${notes.join('\n')}`;
  return doc.toString({ lineWidth: 0 });
}
