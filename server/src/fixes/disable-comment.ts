import { allCodes } from '../rules/registry.js';
import { walkBlocks, type TableBlock } from '../model/markdown.js';
import type { PostMortemModel } from '../model/document.js';
import type { Finding } from '../rules/types.js';
import type { Fix, FixProvider, TextEdit } from './types.js';

/**
 * "Disable CODE on this line" and "Disable CODE in this file": insert the inline
 * comments model/suppressions.ts reads. On a table row the first becomes "for this
 * table" (a comment line inside a table would end it); in the frontmatter only the
 * file-wide form is offered. Insert-only, but a choice: never applied by "fix all".
 */
export const disableCommentFix: FixProvider = {
  get codes() {
    return Object.keys(allCodes());
  },
  fixes(analysis, finding) {
    const { model } = analysis;
    const out: Fix[] = [];
    const line = finding.range.start.line;
    const inFrontmatter = !!model.frontmatter && line <= model.frontmatter.endLine;
    if (!inFrontmatter) {
      const table = tableAt(model, line);
      if (table) out.push(fix(`Disable ${finding.code} for this table`, tableEdits(model, table, finding.code), finding));
      else out.push(fix(`Disable ${finding.code} on this line`, [lineEdit(model, line, finding.code)], finding));
    }
    out.push(fix(`Disable ${finding.code} in this file`, [fileEdit(model, finding.code)], finding));
    return out;
  },
};

function fix(title: string, edits: TextEdit[], finding: Finding): Fix {
  return { title, kind: 'quickfix', edits, findings: [finding], safe: false };
}

function tableAt(model: PostMortemModel, line: number): TableBlock | undefined {
  let found: TableBlock | undefined;
  walkBlocks(model.blocks, (b) => {
    if (b.kind === 'table' && b.startLine <= line && line < b.endLine) found = b;
  });
  return found;
}

/** `<!-- postmortem-disable-next-line CODE -->` on its own line before `line`, indented as that line is. */
function lineEdit(model: PostMortemModel, line: number, code: string): TextEdit {
  const text = model.lines.lineText(line);
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(text)![0];
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: `${indent}<!-- postmortem-disable-next-line ${code} -->${model.lines.eol}` };
}

/** A disable comment before the table and an enable comment after it, each on a line of its own. */
function tableEdits(model: PostMortemModel, table: TableBlock, code: string): TextEdit[] {
  const { lines } = model;
  const eol = lines.eol;
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(lines.lineText(table.startLine))![0];
  const start = { line: table.startLine, character: 0 };
  const edits: TextEdit[] = [{ range: { start, end: start }, newText: `${indent}<!-- postmortem-disable ${code} -->${eol}` }];
  const enable = `${indent}<!-- postmortem-enable ${code} -->`;
  if (table.endLine >= lines.lineCount) {
    const end = lines.positionAt(lines.text.length);
    const open = lines.lineLength(lines.lineCount - 1) > 0;
    edits.push({ range: { start: end, end }, newText: `${open ? eol : ''}${eol}${enable}${eol}` });
  } else {
    // A blank line first: a comment line right under the rows would be read as one more row.
    const at = { line: table.endLine, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: `${eol}${enable}${eol}` });
  }
  return edits;
}

/** `<!-- postmortem-disable CODE -->` as the first line of the body, or the code added to one already there. */
function fileEdit(model: PostMortemModel, code: string): TextEdit {
  const { lines } = model;
  const line = model.frontmatter ? model.frontmatter.endLine + 1 : 0;
  const existing = /^(<!--\s*postmortem-disable\b[^>]*?)(\s*-->)\s*$/.exec(lines.lineText(line));
  if (existing && !/postmortem-disable-next-line/.test(existing[1]!)) {
    const at = { line, character: existing[1]!.length };
    return { range: { start: at, end: at }, newText: ` ${code}` };
  }
  if (line >= lines.lineCount) {
    const end = lines.positionAt(lines.text.length);
    return { range: { start: end, end }, newText: `${lines.eol}<!-- postmortem-disable ${code} -->${lines.eol}` };
  }
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: `<!-- postmortem-disable ${code} -->${lines.eol}` };
}
