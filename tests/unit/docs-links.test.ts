// The documentation cannot rot silently: every relative link in README.md, docs/, SECURITY.md,
// client/README.md and bench/README.md reaches an existing file (and heading), every docs/ page is
// reachable from the README, and every repository path a page names in backticks exists or is one the
// running tools create (git-ignored).
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(ROOT, 'docs');
const PAGES = [
  'README.md',
  'SECURITY.md',
  'client/README.md',
  'bench/README.md',
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Text outside fenced code blocks, where a markdown link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** [text](target) and ![alt](target), without the external ones. */
export function relativeLinks(markdown: string): string[] {
  const links = [...prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  return links.filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  return new Set([...prose(markdown).matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingAnchor(m[1]!)));
}

/** Repository paths named in backticks (`server/config.ts`, `seeds/facts/`), without globs or placeholders. */
export function namedPaths(markdown: string): string[] {
  const top = /^(domain|graph|server|seeds|neo4j|client|cypher|bench|tests|docs)\/[\w./-]*$/;
  return [...markdown.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!).filter((p) => top.test(p) && !p.includes('..'));
}

const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#') && !line.includes('*'));

describe('documentation links', () => {
  for (const page of PAGES) {
    it(`${page}: every relative link reaches a file, and a heading when it names one`, () => {
      const text = readFileSync(join(ROOT, page), 'utf8');
      const broken: string[] = [];
      for (const link of relativeLinks(text)) {
        const [file, anchor] = link.split('#') as [string, string | undefined];
        const target = file ? normalize(join(dirname(join(ROOT, page)), decodeURIComponent(file))) : join(ROOT, page);
        if (!existsSync(target)) {
          broken.push(`${link} (no ${relative(ROOT, target)})`);
        } else if (anchor && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(anchor)) {
          broken.push(`${link} (no heading #${anchor} in ${relative(ROOT, target)})`);
        }
      }
      expect(broken, `broken links in ${page}`).to.deep.equal([]);
    });

    it(`${page}: every repository path it names exists`, () => {
      const text = readFileSync(join(ROOT, page), 'utf8');
      const missing = namedPaths(text).filter((p) => {
        const inRepo = existsSync(join(ROOT, p)) || existsSync(join(dirname(join(ROOT, page)), p));
        return !inRepo && !ignored.some((entry) => `${p}/`.startsWith(entry.replace(/^\//, '')));
      });
      expect(missing, `paths named in ${page}`).to.deep.equal([]);
    });
  }

  it('every docs/ page is linked from the README', () => {
    const linked = new Set(relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.split('#')[0]));
    const orphans = PAGES.filter((p) => p.startsWith('docs/') && !linked.has(p));
    expect(orphans).to.deep.equal([]);
  });

  it('finds a broken link, a missing heading and a missing path (the check can fail)', () => {
    expect(relativeLinks('[a](docs/x.md) [b](https://example.org) ![c](layers.svg)\n```\n[d](e.md)\n```')).to.deep.equal([
      'docs/x.md',
      'layers.svg',
    ]);
    expect(headingAnchor('From the terminal')).to.equal('from-the-terminal');
    expect(headingAnchor('How good the drafts are (`npm run eval:extract`)')).to.equal('how-good-the-drafts-are-npm-run-evalextract');
    expect(namedPaths('see `seeds/schema.ts`, `/api/docs`, `cypher/upsert-*.cypher` and `DATA_DIR/x`')).to.deep.equal(['seeds/schema.ts']);
  });
});
