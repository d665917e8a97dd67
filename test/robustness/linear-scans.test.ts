// The linear-time scans that replaced backtracking regular expressions give the
// same answers as those expressions, checked on short inputs built from the
// characters that matter (where the old expressions are still fast).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  blankLinkTargets,
  dropLinkTargets,
  firstReferenceLink,
  removeTags,
  replaceBracketed,
  replaceComments,
  replaceLinks,
} from '../../server/src/model/spans.js';
import { parseBlocks } from '../../server/src/model/markdown.js';
import { angleTag, bracePrompt, bracketPrompt } from '../../server/src/rules/section-placeholder.js';

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
