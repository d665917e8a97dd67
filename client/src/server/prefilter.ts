/**
 * Whether a Markdown document may be a post-mortem, decided cheaply in the client so the
 * language client loads only when one is open. It mirrors the server's classification
 * (server/src/model/classify.ts) generously: a false "yes" only loads the client early;
 * the server still decides which documents get diagnostics.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathMatches } from '../../../server/src/model/classify';
import { recognizeHeading, type SectionId } from '../../../server/src/model/sections';

const ATX_OPEN = /^ {0,3}#{1,6}[ \t]+/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FLAG = /^(?:postmortem:\s*true|type:\s*["']?post-?mortem)\b/im;
const RC_FILES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'];
/** Enough of a long document to find its headings; the server reads the rest. */
const SCAN_CHARS = 200_000;

/** The little of a text document the check reads (a vscode.TextDocument has it). */
export interface DocumentLike {
  languageId: string;
  uri: { scheme: string; fsPath: string };
  getText(): string;
}

export function mightBePostMortem(document: DocumentLike, globs: readonly string[], workspaceRoots: readonly string[]): boolean {
  if (document.languageId !== 'markdown') return false;
  const path = document.uri.scheme === 'file' ? document.uri.fsPath : undefined;
  if (path && (pathMatches(path, globs) || hasConfigFile(path, workspaceRoots))) return true;
  const text = document.getText().slice(0, SCAN_CHARS);
  if (text.startsWith('---') && FLAG.test(text.slice(0, 4000))) return true;
  const found = new Set<SectionId>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const atx = atxHeading(lines[i]!);
    const heading = atx ?? (i + 1 < lines.length && lines[i]!.trim() && SETEXT.test(lines[i + 1]!) ? lines[i]! : undefined);
    const id = heading ? recognizeHeading(heading) : undefined;
    if (id) found.add(id);
  }
  return found.has('timeline') && found.size >= 3;
}

/**
 * The text of an ATX heading line, as `/^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/` captures it,
 * without the expression's cost: on a long line of spaces that does not end in one, its
 * lazy group retried the rest of the run from every character (quadratic, on the
 * extension host's thread).
 */
export function atxHeading(line: string): string | undefined {
  const open = ATX_OPEN.exec(line);
  if (!open || /[\u2028\u2029]/.test(line)) return undefined;
  let end = line.length;
  while (end > open[0].length && ' \t#'.includes(line[end - 1]!)) end--;
  if (end > open[0].length) return line.slice(open[0].length, end);
  // Nothing but spaces, tabs and # after the opening: the group takes one character,
  // the first after the spaces, or the last space when nothing follows them.
  if (open[0].length < line.length) return line[open[0].length];
  return /[ \t]{2}$/.test(open[0]) ? line[line.length - 1] : undefined;
}

/** A configuration file beside the document or in a folder above it (within the workspace): it may widen what counts. */
function hasConfigFile(path: string, roots: readonly string[]): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (RC_FILES.some((f) => existsSync(join(dir, f)))) return true;
    if (roots.includes(dir) || dirname(dir) === dir) return false;
  }
}
