import type { FileResult } from './format.js';

/**
 * Text safe inside XML: the five entities escaped, characters XML 1.0 forbids removed,
 * and those it allows but a terminal would act on (DEL, C1 controls, bidirectional
 * controls) written as character references.
 */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** JUnit XML: one test case per file, one failure per finding. */
export function formatJunit(results: readonly FileResult[]): string {
  const failedCases = results.filter((r) => r.findings.length).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="postmortem" tests="${results.length}" failures="${failedCases}">`,
    `  <testsuite name="postmortem lint" tests="${results.length}" failures="${failedCases}" errors="0">`,
  ];
  for (const r of results) {
    const name = xmlEscape(r.file);
    if (!r.findings.length) {
      lines.push(`    <testcase classname="postmortem.lint" name="${name}"/>`);
      continue;
    }
    lines.push(`    <testcase classname="postmortem.lint" name="${name}">`);
    for (const f of r.findings) {
      const where = `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(
        `      <failure type="${xmlEscape(f.code)}" message="${xmlEscape(f.message)}">${xmlEscape(`${where} ${f.severity} ${f.message} (${f.code})`)}</failure>`,
      );
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n');
}
