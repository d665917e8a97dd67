/**
 * Whether a Markdown document may be a post-mortem, decided cheaply in the client so the
 * language client loads only when one is open. It mirrors the server's classification
 * (server/src/model/classify.ts) generously: a false "yes" only loads the client early;
 * the server still decides which documents get diagnostics.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathMatches } from '../../../server/src/model/classify';
import { hasTimedLines, sectionsNamed } from '../../../server/src/model/meaning';
import type { SectionId } from '../../../server/src/model/sections';

const ATX = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FLAG = /^(?:postmortem:\s*true|type:\s*["']?post-?mortem)\b/im;
/** A bold or plain label on a line of its own or before text: "**Root cause:** …", "Action items:". */
const LABEL = /^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?([^*_:\n]{2,60}?)(?:\*\*|__)?\s*(?::|$)/;
/** Words that name an incident, in the path or the opening of the text (the server's evidence is narrower). */
const INCIDENT = /post[\s_-]?mortem|outage|downtime|incident|\brca\b|root[\s_-]cause/i;
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
  if ((path && INCIDENT.test(path)) || INCIDENT.test(text.slice(0, 2000))) return true;
  // Generous where the server weighs evidence: two sections named by a heading or a label,
  // or entries that start with times of day.
  const found = new Set<SectionId>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const atx = ATX.exec(lines[i]!);
    const heading = atx ? atx[1]! : i + 1 < lines.length && lines[i]!.trim() && SETEXT.test(lines[i + 1]!) ? lines[i]! : LABEL.exec(lines[i]!)?.[1];
    if (heading && heading.length <= 80) for (const n of sectionsNamed(heading, { times: true })) found.add(n.id);
    if (found.size >= 2) return true;
  }
  return hasTimedLines(lines);
}

/** A configuration file beside the document or in a folder above it (within the workspace): it may widen what counts. */
function hasConfigFile(path: string, roots: readonly string[]): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (RC_FILES.some((f) => existsSync(join(dir, f)))) return true;
    if (roots.includes(dir) || dirname(dir) === dir) return false;
  }
}
