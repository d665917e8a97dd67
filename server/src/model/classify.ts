import { globMatcher } from './glob.js';
import type { PostMortemModel } from './document.js';
import { frontmatterString } from './frontmatter-value.js';
import { hasTimedLines } from './meaning.js';

export const DEFAULT_FILE_GLOBS: readonly string[] = [
  '**/postmortems/**/*.md',
  '**/post-mortems/**/*.md',
  '**/postmortem/**/*.md',
  '**/*.postmortem.md',
];

export type PostMortemReason = 'frontmatter' | 'path' | 'evidence' | 'forced';

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
 * frontmatter `postmortem: true` / `type: postmortem`; a path matching the globs; or
 * the evidence of its content ('evidence'): a timeline whose entries start with times
 * of day beside two more post-mortem sections, or words that name an incident
 * ("outage", "post-mortem", "incident report") in its title, frontmatter title or path
 * beside a post-mortem section or timed entries. A plan, an RFC or a meeting note with
 * a "Timeline" heading is none of these; nor is a template. `postmortem: false` opts out.
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
  return evidenceOf(model, path) ? 'evidence' : undefined;
}

// Words that name an incident or its review. "Incident" alone also names a process
// ("incident response", "after an incident"), so it needs a date or timed entries too.
const REVIEW_WORDS =
  /(?<![\p{L}\p{N}])(?:post[\s_-]?mortems?|outages?|downtime|root[\s_-]cause[\s_-]analysis|rca|service[\s_-](?:disruption|degradation|interruption)|incident[\s_-](?:reports?|reviews?|summary|analysis|retrospective|retro))(?![\p{L}\p{N}])/iu;
const INCIDENT_WORD =
  /(?<![\p{L}\p{N}])incidents?(?![\s_-]+(?:response|management|commander|handling|process|playbook|runbook|template|plan|policy|severity|levels?))(?![\p{L}\p{N}])/iu;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE = new RegExp(
  `(?<!\\d)(?:\\d{4}[-_/.]?\\d{2}[-_/.]?\\d{2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})(?!\\d)` +
    `|(?<![\\p{L}])${MONTH}[\\s_-]+(?:\\d{1,2}(?!\\d)|\\d{4})` +
    `|(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?[\\s_-]+${MONTH}[\\s_-]+\\d{4}`,
  'iu',
);
/** A title about the practice, not an incident: "Post-mortem process", "Writing effective post-mortems". */
const ABOUT_PRACTICE = /(?<![\p{L}])(?:process|guide|guidelines|how\s+to|best\s+practices?|policy|handbook|checklist|writing|effective|culture|primer|faq|training|workshop)(?![\p{L}])/iu;
const TEMPLATE = /(?<![\p{L}])templates?(?![\p{L}])/iu;

function evidenceOf(model: PostMortemModel, path: string | undefined): boolean {
  const fmTitle = frontmatterString(model.frontmatter, 'title');
  const ownTitles = [model.title?.text, fmTitle].filter((t): t is string => !!t);
  const titles = [...ownTitles, path].filter((t): t is string => !!t);
  if (titles.some((t) => TEMPLATE.test(t))) return false;
  const ids = new Set(model.canonical.keys());
  const timeline = model.canonical.get('timeline');
  const timed = timeline ? hasTimedLines(sectionLines(model, timeline.bodyStartLine, timeline.endLine)) : false;
  const others = [...ids].filter((id) => id !== 'timeline').length + (model.summary?.kind === 'preamble' ? 1 : 0);
  // A timeline of timed entries beside two more sections; or the sections only incidents have.
  if (timed && others >= 2) return true;
  if (ids.has('timeline') && ids.has('root-cause') && ids.has('resolution') && ids.size >= 4) return true;
  const anyTimed = timed || hasTimedLines(sectionLines(model, 0, model.lines.lineCount));
  if (titles.some((t) => REVIEW_WORDS.test(t))) return ids.size > 0 || anyTimed || (!!model.summary && ownTitles.some((t) => REVIEW_WORDS.test(t) && !ABOUT_PRACTICE.test(t)));
  if (titles.some((t) => INCIDENT_WORD.test(t))) return ids.size > 0 && (anyTimed || titles.some((t) => DATE.test(t)));
  return false;
}

function* sectionLines(model: PostMortemModel, start: number, end: number): Generator<string> {
  for (let i = start; i < end; i++) yield model.lines.lineText(i);
}
