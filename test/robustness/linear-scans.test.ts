// The linear-time scans that replaced backtracking regular expressions give the
// same answers as those expressions, checked on short inputs built from the
// characters that matter (where the old expressions are still fast).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import {
  blankLinkTargets,
  dropLinkTargets,
  firstReferenceLink,
  removeTags,
  replaceBracketed,
  replaceComments,
  replaceLinks,
} from '../../server/src/model/spans.js';
import { parseBlocks, walkBlocks } from '../../server/src/model/markdown.js';
import { buildModel, type PostMortemModel } from '../../server/src/model/document.js';
import { suppressionsOf, type Directive } from '../../server/src/model/suppressions.js';
import { angleTag, bracePrompt, bracketPrompt } from '../../server/src/rules/section-placeholder.js';
import { negatedBefore, personBefore, quoteBefore } from '../../server/src/content/blame.js';
import { globMatcher } from '../../server/src/model/glob.js';
import { atxHeading } from '../../client/src/server/prefilter.js';

const pieces = (alphabet: string[], maxLength = 24) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((xs) => xs.join(''));

test('replaceLinks and removeTags: the same as the regular expressions they replace', () => {
  fc.assert(
    fc.property(pieces(['[', ']', '(', ')', '!', '<', '>', 'a', ' ', '\n']), (s) => {
      assert.equal(replaceLinks(s, true), s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'));
      assert.equal(replaceLinks(s, false), s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
      assert.equal(removeTags(s), s.replace(/<[^>]*>/g, ''));
    }),
    { numRuns: 3000 },
  );
});

test('replaceBracketed: the same as the regular expression it replaces', () => {
  fc.assert(
    fc.property(pieces(['[', ']', '(', ')', 'a', ' ']), (s) => {
      assert.equal(replaceBracketed(s, ' '), s.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
    }),
    { numRuns: 3000 },
  );
});

test('an HTML block is comment-only exactly when the old expression said so', () => {
  const OLD = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;
  fc.assert(
    fc.property(fc.constantFrom('', ' ', '   '), pieces(['<!--', '-->', ' ', '\n', 'a', '<', '>', '-', '<!-- a -->'], 12), (indent, s) => {
      const blocks = parseBlocks(indent + '<!--' + s);
      const html = blocks[0];
      assert.equal(html?.kind, 'html');
      if (html?.kind === 'html') assert.equal(html.commentOnly, OLD.test(html.content), JSON.stringify(html.content));
    }),
    { numRuns: 3000 },
  );
});

test("section.placeholder's prompt shapes: the same as the expressions they replace", () => {
  fc.assert(
    fc.property(pieces(['{', '}', '[', ']', '<', '>', 'a', 'B', '1', '-', '_', ' ', '=', 'é', '\n'], 16), (s) => {
      assert.equal(bracePrompt(s), /^\{[^{}]*\p{L}[^{}]*\}?$/u.test(s));
      assert.equal(bracketPrompt(s), /^\[[^\]]*\p{L}[^\]]*\]$/u.test(s));
      const m = /^<([A-Za-z][\w-]*)([^<>]*)(>?)$/.exec(s);
      assert.deepEqual(angleTag(s), m ? { name: m[1], rest: m[2] } : undefined);
    }),
    { numRuns: 5000 },
  );
});

test('comments, link targets and reference links: the same as the expressions they replace', () => {
  const blank = (m: string) => ' '.repeat(m.length);
  fc.assert(
    fc.property(pieces(['<!--', '-->', '-', '<', '>', ']', '[', '(', ')', '](', ' ', '"', 'a', '\n', '\t']), (s) => {
      assert.equal(replaceComments(s, blank), s.replace(/<!--.*?-->/g, blank));
      assert.equal(dropLinkTargets(s), s.replace(/\]\([^)]*\)/g, ']'));
      assert.equal(blankLinkTargets(s), s.replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, (m) => ']' + blank(m.slice(1))));
      assert.equal(firstReferenceLink(s), /\[[^\]]+\]\[[^\]]*\]/.exec(s)?.[0]);
    }),
    { numRuns: 5000 },
  );
});

/** The suppressions as they were read before they were made linear (issue 17): the reference. */
function oldSuppressions(model: PostMortemModel): { directives: Directive[]; isSuppressed(code: string, line: number): boolean } {
  const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable|enable)\b([^]*?)-->/g;
  const { lines } = model;
  const code = new Set<number>();
  walkBlocks(model.blocks, (b) => {
    if (b.kind === 'code') for (let l = b.startLine; l < b.endLine; l++) code.add(l);
  });
  const directives: Directive[] = [];
  const start = model.frontmatter ? model.frontmatter.endLine + 1 : 0;
  for (let line = start; line < lines.lineCount; line++) {
    if (code.has(line) || !lines.lineText(line).includes('postmortem-')) continue;
    for (const m of lines.lineText(line).matchAll(DIRECTIVE)) directives.push({ kind: m[1] as Directive['kind'], codes: m[2]!.split(/[\s,]+/).filter(Boolean), line });
  }
  let firstContent = lines.lineCount;
  for (let line = start; line < lines.lineCount; line++) {
    if (lines.lineText(line).replace(/<!--[^]*?-->/g, '').trim()) {
      firstContent = line;
      break;
    }
  }
  const matches = (patterns: readonly string[], c: string) => !patterns.length || patterns.some((p) => p === c || p === '*' || (p.endsWith('*') && c.startsWith(p.slice(0, -1))));
  return {
    directives,
    isSuppressed(c: string, line: number): boolean {
      if (directives.some((d) => d.kind === 'disable-next-line' && d.line + 1 === line && matches(d.codes, c))) return true;
      let disabled = false;
      for (const d of directives) {
        if (d.kind === 'disable-next-line') continue;
        const from = d.kind === 'disable' && d.line <= firstContent ? 0 : d.line;
        if (from > line) break;
        if (matches(d.codes, c)) disabled = d.kind === 'disable';
      }
      return disabled;
    },
  };
}

test('suppression comments: the same directives and the same answers as the expressions they replace', () => {
  const piece = fc.constantFrom(
    '<!--', '-->', ' ', '\n', 'a', '# T', '```', 'postmortem-', '<!-- postmortem-disable', '<!-- postmortem-enable',
    '<!-- postmortem-disable-next-line', 'postmortem-disable-next-linex', ' section.empty', ' action.*', ',', '*', '-->\n', '\n## H\n',
  );
  const codes = ['section.empty', 'action.vague', 'frontmatter.schema'];
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const model = buildModel(parts.join(''));
      const now = suppressionsOf(model);
      const then = oldSuppressions(model);
      assert.deepEqual(now.directives, then.directives);
      for (let line = 0; line <= model.lines.lineCount; line++) {
        for (const c of codes) assert.equal(now.isSuppressed(c, line), then.isSuppressed(c, line), `${c} at line ${line} in ${JSON.stringify(parts.join(''))}`);
      }
    }),
    { numRuns: 3000 },
  );
});

test("language.blame's tests on the text before a phrase: the same as the expressions they replace", () => {
  // The expressions as they were, run on the whole prefix (quadratic on a line full of phrases).
  const PERSON_BEFORE = /(?:^|[.;:!?]\s*|\b(?:i|he|she|you|someone|somebody|engineer|developer|operator|admin|on-?call|responder|reviewer|author|(?!We\b|They\b)[A-Z][a-z]+|@[A-Za-z0-9](?:[\w.-]*\w)?)\s+(?:(?:had|has|have|just|simply|also|then|again|all|both)\s+)*)$/;
  const NEGATION = /\b(?:not|no|never|nobody|none|neither|nor|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|without|rather\s+than|instead\s+of|avoid|blameless)\b[^.;:!?]{0,30}$/i;
  const QUOTE = /["“'‘]\s*$/;
  const words = [
    'we', 'We', 'i', 'the', 'team', 'on-call', 'oncall', 'Dave', 'McD', '@dave', 'x@dave', '@', 'had', 'has', 'then', 'Then', 'all', 'both',
    'not', 'Not', 'no', 'none', 'nobody', "isn't", 'rather', 'than', 'instead', 'of', 'avoid', 'blameless', 'without', 'x', 'ab', 'xnot',
    '"', '“', "'", '‘', '.', ';', ':', '!', '?', ',', '-', '_', 'é',
    'rather than', 'instead\tof', `rather${' '.repeat(45)}than`, `instead${' '.repeat(60)}of`, `we${' '.repeat(50)}had`,
  ];
  // Runs around the lengths that matter: the 30 characters a negation reaches, white space of any length.
  const gaps = [' ', '  ', '\t', '\u00a0', '', ...[5, 13, 20, 21, 22, 26, 29, 30, 31, 45].flatMap((n) => [' '.repeat(n), 'x'.repeat(n), ' x'.repeat(n >> 1)])];
  const prefix = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...gaps)), { maxLength: 12 }).map((xs) => xs.map(([w, g]) => w + g).join(''));
  fc.assert(
    fc.property(prefix, fc.constantFrom('', 'forgot to', 'x', 'human error'), (before, after) => {
      const line = before + after;
      const start = before.length;
      assert.equal(personBefore(line, start), PERSON_BEFORE.test(before), `personBefore ${JSON.stringify(before)}`);
      assert.equal(negatedBefore(line, start), NEGATION.test(before), `negatedBefore ${JSON.stringify(before)}`);
      assert.equal(quoteBefore(line, start), QUOTE.test(before), `quoteBefore ${JSON.stringify(before)}`);
    }),
    { numRuns: 20000 },
  );
});

test('the `files` globs: the same answers as picomatch (dot, nocase) for VS Code glob syntax', () => {
  const options = { dot: true, nocase: true };
  const piece = fc.constantFrom('a', 'b', 'B', '.md', '*', '?', '[ab]', '[a-c]', '[^a]', '[A-Z]', '{a,b}', '{a,.md}', '{1..3}', '\\*', 'x', '-', 'é', 'É');
  const segment = fc.oneof({ weight: 1, arbitrary: fc.constant('**') }, { weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')) });
  // Where picomatch differs from VS Code's globs, the generator does not go: `**` inside a
  // segment (picomatch lets it cross folders), and `**` right after a leading `/` or at the
  // end after a segment (picomatch then wants one more segment).
  const glob = fc
    .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 4 }))
    .map(([absolute, segs]) => (absolute ? '/' : '') + segs.join('/'))
    .filter((g) => !g.startsWith('/**') && !g.endsWith('/**') && g.split('/').every((s) => s === '**' || !s.includes('**')));
  const name = fc.array(fc.constantFrom('a', 'b', 'c', '.md', 'A', 'x', '-', '2', '*', 'é', 'É'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')).filter((s) => s !== '.' && s !== '..');
  const path = fc.tuple(fc.boolean(), fc.array(name, { minLength: 1, maxLength: 5 })).map(([absolute, segs]) => (absolute ? '/' : '') + segs.join('/'));
  fc.assert(
    fc.property(glob, path, (g, p) => {
      assert.equal(globMatcher([g])(p), picomatch(g, options)(p), `${JSON.stringify(g)} on ${JSON.stringify(p)}`);
    }),
    { numRuns: 20000 },
  );
});

test("the client pre-filter's ATX headings: the same as the expression they replace", () => {
  const OLD = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;
  fc.assert(
    fc.property(pieces([' ', '\t', '#', 'a', 'B', '\u2028', '# ', ' #'], 14), (line) => {
      assert.equal(atxHeading(line), OLD.exec(line)?.[1], JSON.stringify(line));
    }),
    { numRuns: 20000 },
  );
});
