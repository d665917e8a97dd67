import { fileURLToPath } from 'node:url';

/** The file system path of a `file:` URI, or undefined for other schemes (untitled:, vscode-notebook-cell:) and malformed URIs. */
export function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
