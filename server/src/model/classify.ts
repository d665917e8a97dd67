import { globMatcher } from './glob.js';
import type { PostMortemModel } from './document.js';

export const DEFAULT_FILE_GLOBS: readonly string[] = [
  '**/postmortems/**/*.md',
  '**/post-mortems/**/*.md',
  '**/postmortem/**/*.md',
  '**/*.postmortem.md',
];

export type PostMortemReason = 'frontmatter' | 'path' | 'sections' | 'forced';

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = globs.length ? globMatcher(globs) : () => false;
    if (matchers.size >= 64) matchers.delete(matchers.keys().next().value!);
    matchers.set(key, m);
  }
  return m;
}

/** True when a file path matches one of the globs (forward or back slashes, absolute or relative), in time linear in the path. */
export function pathMatches(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/');
  const match = matcherFor(globs);
  return match(p) || match(p.replace(/^[A-Za-z]:/, '').replace(/^\/+/, ''));
}

/**
 * Why a Markdown document counts as a post-mortem, or undefined when it does not:
 * frontmatter `postmortem: true` / `type: postmortem`, a path matching the globs,
 * or at least three recognised sections one of which is a timeline. `postmortem: false` opts out.
 */
export function postMortemReason(model: PostMortemModel, path: string | undefined, globs: readonly string[]): PostMortemReason | undefined {
  const data = model.frontmatter?.data;
  if (data) {
    const flag = data['postmortem'];
    const type = data['type'];
    if (flag === false) return undefined; // an explicit opt-out wins over path and content
    if (flag === true || (typeof type === 'string' && /^post-?mortem$/i.test(type.trim()))) return 'frontmatter';
  }
  if (path && pathMatches(path, globs)) return 'path';
  if (model.canonical.size >= 3 && model.canonical.has('timeline')) return 'sections';
  return undefined;
}
