/**
 * Reading one value of the frontmatter, in a module of its own: the client's prefilter
 * (model/classify.ts) needs it without bundling the YAML parser.
 */
/** A frontmatter value as a trimmed string (numbers and booleans stringified), if it is a scalar. */
export function frontmatterString(fm: { data: Record<string, unknown> | undefined } | undefined, key: string): string | undefined {
  // ":title:" is "title" in the Ruby-symbol keys of blogs exported from WordPress to Jekyll.
  const v = fm?.data?.[key] ?? fm?.data?.[`:${key}`];
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
