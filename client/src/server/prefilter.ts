/**
 * Whether a Markdown document may be a post-mortem, decided cheaply in the client so the
 * language server starts only when one is open. It mirrors the server's classification
 * (server/src/model/classify.ts) generously: a false "yes" only starts the server early;
 * the server still decides which documents get diagnostics. A configuration file above the
 * document may widen what counts: the caller looks for one where it can (config-probe.ts on
 * disk, the editor's file system on the web).
 */
import { pathMatches } from '../../../server/src/model/classify';
import { hasTimedLines, sectionsNamed } from '../../../server/src/model/meaning';
import type { SectionId } from '../../../server/src/model/sections';

const ATX_OPEN = /^ {0,3}#{1,6}[ \t]+/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FLAG = /^(?:postmortem:\s*true|type:\s*["']?post-?mortem)\b/im;
/** A bold or plain label on a line of its own or before text: "**Root cause:** …", "Action items:". */
const LABEL = /^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?([^*_:\n]{2,60}?)(?:\*\*|__)?\s*(?::|$)/;
/** Words that name an incident, in the path or the opening of the text (the server's evidence is narrower). */
const INCIDENT = /post[\s_-]?mortem|outage|downtime|incident|\brca\b|root[\s_-]cause/i;
/** Enough of a long document to find its headings; the server reads the rest. */
const SCAN_CHARS = 200_000;

/** The little of a text document the check reads (a vscode.TextDocument has it). */
export interface DocumentLike {
  languageId: string;
  uri: { scheme: string; fsPath: string; path: string };
  getText(): string;
}

/**
 * The path the `files` globs see, as the server takes it: a file's path on disk, the path of
 * any other URI in a tree (`vscode-vfs://github/o/r/a.md` → `/o/r/a.md`), none for untitled documents.
 */
export function documentPath(uri: DocumentLike['uri']): string | undefined {
  if (uri.scheme === 'file') return uri.fsPath;
  return uri.scheme !== 'untitled' && uri.path.startsWith('/') ? uri.path : undefined;
}

/** By its path and its text alone. */
export function mightBePostMortem(document: DocumentLike, globs: readonly string[]): boolean {
  if (document.languageId !== 'markdown') return false;
  const path = documentPath(document.uri);
  if (path && pathMatches(path, globs)) return true;
  const text = document.getText().slice(0, SCAN_CHARS);
  if (text.startsWith('---') && FLAG.test(text.slice(0, 4000))) return true;
  if ((path && INCIDENT.test(path)) || INCIDENT.test(text.slice(0, 2000))) return true;
  // Generous where the server weighs evidence: two sections named by a heading or a label,
  // or entries that start with times of day.
  const found = new Set<SectionId>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const atx = atxHeading(lines[i]!);
    const heading = atx !== undefined ? atx : i + 1 < lines.length && lines[i]!.trim() && SETEXT.test(lines[i + 1]!) ? lines[i]! : LABEL.exec(lines[i]!)?.[1];
    if (heading && heading.length <= 80) for (const n of sectionsNamed(heading, { times: true })) found.add(n.id);
    if (found.size >= 2) return true;
  }
  return hasTimedLines(lines);
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
