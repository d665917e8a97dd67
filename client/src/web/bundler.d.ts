/**
 * The one `require` in the web bundles' sources: a JSON schema, which esbuild inlines at build
 * time (server/src/frontmatter/schema.ts, server/src/config/parse.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON value, typed where it is required
declare function require(id: string): any;
