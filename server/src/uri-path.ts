/**
 * The path a document's URI names, without Node: for the `files` globs and the search for
 * configuration files when the document is not on a local disk (a virtual file system such as
 * github.dev's `vscode-vfs:`, or any document of the server in a browser worker).
 * `vscode-vfs://github/owner/repo/postmortems/a.md` → `/owner/repo/postmortems/a.md`.
 * Undefined for URIs that name no file in a tree (`untitled:Untitled-1`) and malformed ones.
 */
export function uriPath(uri: string): string | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(uri);
  if (!scheme) return undefined;
  let rest = uri.slice(scheme[0].length).replace(/[?#].*$/s, '');
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '/' : rest.slice(slash);
  }
  if (!rest.startsWith('/')) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/** The folder of a path with forward slashes (`/a/b/c.md` → `/a/b`; `/a` → `/`). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
