/** Where a command writes: stdout and stderr, one line (or block) per call. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
