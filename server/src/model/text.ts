/** Zero-based LSP-style positions; `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/**
 * Line starts of a text, computed once. Lines end at \n, \r\n or a lone \r,
 * as in LSP; line text never includes the terminator.
 */
export class LineIndex {
  readonly starts: number[];
  /** Offset where each line's text ends (before its terminator). */
  private readonly ends: number[];

  /** How many lines end with \r\n and with a lone \r (the rest of the terminators are \n). */
  private readonly crlf: number;
  private readonly cr: number;

  constructor(readonly text: string) {
    const starts = [0];
    const ends: number[] = [];
    let crlf = 0;
    let cr = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        ends.push(i);
        if (text.charCodeAt(i + 1) === 10) {
          i++;
          crlf++;
        } else cr++;
        starts.push(i + 1);
      } else if (c === 10) {
        ends.push(i);
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
    this.crlf = crlf;
    this.cr = cr;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  lineLength(line: number): number {
    if (line < 0 || line >= this.starts.length) return 0;
    return this.ends[line]! - this.starts[line]!;
  }

  /** Offset just past the terminator of `line` (the start of the next line), or the text's end. */
  lineEndWithTerminator(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
  }

  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line]!;
    return Math.min(start + Math.max(0, pos.character), this.ends[pos.line]!);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.ends[lo]!) - this.starts[lo]! };
  }

  /** The whole of a line, from its first to its last character. */
  lineRange(line: number): Range {
    return range(line, 0, line, this.lineLength(line));
  }

  /** A line's range without its leading and trailing white space (whole line when blank). */
  trimmedLineRange(line: number): Range {
    const t = this.lineText(line);
    const start = t.length - t.trimStart().length;
    const end = t.trimEnd().length;
    return end > start ? range(line, start, line, end) : this.lineRange(line);
  }

  /**
   * The line terminator the text mostly uses, for text a fix inserts: \r\n or a lone \r
   * (old Mac files stay CR-only) when more lines end so than with \n; \n otherwise.
   */
  get eol(): string {
    const lf = this.starts.length - 1 - this.crlf - this.cr;
    if (this.crlf >= this.cr && this.crlf > 0 && this.crlf >= lf) return '\r\n';
    if (this.cr > this.crlf && this.cr > lf) return '\r';
    return '\n';
  }
}
