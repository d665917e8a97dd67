/**
 * Linear-time replacements for delimited spans of inline Markdown. The obvious
 * regular expressions (/\[([^\]]*)\]\([^)]*\)/g, /\([^)]*\)/g) rescan the rest
 * of the line from every opener that has no closer, which is quadratic: a
 * heading of 30,000 "[ (](" took half a minute. These give the same results,
 * remembering where the next closer is instead of searching for it again.
 */

/** Finds the first index of one character at or after a position, for positions that only grow. */
class NextIndex {
  private from = Infinity;
  private at = -1;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first index of the character at or after `from` (-1 if none). */
  after(from: number): number {
    // A search from an earlier position that found `at` (or nothing) answers every position up to `at`.
    if (this.from <= from && (this.at === -1 || this.at >= from)) return this.at;
    this.from = from;
    this.at = this.text.indexOf(this.char, from);
    return this.at;
  }
}

/**
 * Replaces links `[text](target)` (images `![text](target)` when `image`) by their
 * text, as `text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')` would.
 */
export function replaceLinks(text: string, image: boolean): string {
  const opener = image ? '![' : '[';
  const bracket = new NextIndex(text, ']');
  const paren = new NextIndex(text, ')');
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf(opener, from);
    if (start < 0) break;
    const labelStart = start + opener.length;
    const close = bracket.after(labelStart);
    if (close < 0) break; // no later opener has a closing bracket either
    if (text.charCodeAt(close + 1) !== 0x28 /* ( */) {
      from = start + 1;
      continue;
    }
    const end = paren.after(close + 2);
    if (end < 0) break; // every later link would need a ")" after this one's "]("
    out += text.slice(copied, start) + text.slice(labelStart, close);
    copied = end + 1;
    from = end + 1;
  }
  return out + text.slice(copied);
}

/**
 * Replaces every `(…)` and `[…]` (no closer inside, as `[^)]*`) by `by`, as
 * `text.replace(/\([^)]*\)|\[[^\]]*\]/g, by)` would.
 */
export function replaceBracketed(text: string, by: string): string {
  const paren = new NextIndex(text, ')');
  const bracket = new NextIndex(text, ']');
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 /* ( */ && c !== 0x5b /* [ */) continue;
    const end = (c === 0x28 ? paren : bracket).after(i + 1);
    if (end < 0) continue;
    out += text.slice(copied, i) + by;
    copied = end + 1;
    i = end;
  }
  return out + text.slice(copied);
}

/** Removes HTML tags `<…>`, as `text.replace(/<[^>]*>/g, '')` would. */
export function removeTags(text: string): string {
  // After the last ">", no "<" can be closed: leave that tail alone, so no search runs off the end.
  const last = text.lastIndexOf('>');
  if (last < 0) return text;
  return text.slice(0, last + 1).replace(/<[^>]*>/g, '') + text.slice(last + 1);
}

/**
 * Replaces comments on a line, HTML's `<!-- … -->` and MDX's `{/* … *\/}` (Docusaurus'
 * "{/* truncate *\/}"), as `text.replace(/<!--.*?-->/g, by)` would: after the last
 * closer no comment closes, so that tail is not searched from every opener.
 */
export function replaceComments(text: string, by: (comment: string) => string): string {
  const last = text.lastIndexOf('-->');
  const html = last < 0 ? text : text.slice(0, last + 3).replace(/<!--.*?-->/g, by) + text.slice(last + 3);
  const lastMdx = html.lastIndexOf('*/}');
  if (lastMdx < 0) return html;
  return html.slice(0, lastMdx + 3).replace(/\{\/\*.*?\*\/\}/g, by) + html.slice(lastMdx + 3);
}

/** Replaces `](target)` by `]`, as `text.replace(/\]\([^)]*\)/g, ']')` would (after the last ")" none closes). */
export function dropLinkTargets(text: string): string {
  const last = text.lastIndexOf(')');
  if (last < 0) return text;
  return text.slice(0, last + 1).replace(/\]\([^)]*\)/g, ']') + text.slice(last + 1);
}

/**
 * Blanks link targets `](target "title")` after the `]`, as
 * `text.replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, (m) => ']' + ' '.repeat(m.length - 1))` would.
 * A target runs to the first ")" or space; when what follows there does not close
 * the link, no "](" before that point does either, so the search resumes after it.
 */
export function blankLinkTargets(text: string): string {
  const TITLE = /\s+"[^"]*"\)/y;
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('](', from);
    if (start < 0) break;
    let stop = start + 2;
    while (stop < text.length && text[stop] !== ')' && !/\s/.test(text[stop]!)) stop++;
    let end = -1;
    if (text[stop] === ')') end = stop + 1;
    else if (stop < text.length) {
      TITLE.lastIndex = stop;
      if (TITLE.test(text)) end = TITLE.lastIndex;
    }
    if (end < 0) {
      from = Math.max(stop, start + 1);
      continue;
    }
    out += text.slice(copied, start) + ']' + ' '.repeat(end - start - 1);
    copied = end;
    from = end;
  }
  return out + text.slice(copied);
}

/** The first reference-style link `[text][label]`, as `/\[[^\]]+\]\[[^\]]*\]/.exec(text)?.[0]` finds it. */
export function firstReferenceLink(text: string): string | undefined {
  for (let from = 0; ; ) {
    const open = text.indexOf('[', from);
    if (open < 0) return undefined;
    const close = text.indexOf(']', open + 1);
    if (close < 0) return undefined; // no later "[" has a "]" either
    if (close > open + 1 && text[close + 1] === '[') {
      const end = text.indexOf(']', close + 2);
      if (end < 0) return undefined;
      return text.slice(open, end + 1);
    }
    // Every "[" before `close` reaches the same "]" and fails the same way, except one right before it ("[]").
    from = close > open + 1 ? close : open + 1;
  }
}
