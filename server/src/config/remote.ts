/**
 * Configuration files the server cannot read itself, read by the editor instead: in a browser
 * worker, and for documents on a virtual file system (github.dev, vscode.dev). The editor finds
 * the nearest `.postmortemrc.*` above a document through `vscode.workspace.fs` and sends its text
 * (protocol.ts, FindConfigRequest); the text is parsed and checked here, as files on disk are.
 */
import type { FoundConfig } from '../protocol.js';
import { parentPath, uriPath } from '../uri-path.js';
import { parseConfigText, unreadableConfig, type ConfigFile } from './parse.js';

/** Asks the editor for the configuration file that applies to a document. */
export type FindConfig = (documentUri: string) => Promise<FoundConfig | null>;

/** Configuration files by the folder of the documents they apply to, until `clear()` (a watched file changed). */
export class RemoteConfigFiles {
  private readonly byFolder = new Map<string, Promise<ConfigFile | undefined>>();

  /** `onError` hears why the editor could not be asked (a client without the request, for one). */
  constructor(
    private readonly find: FindConfig,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** The configuration that applies to the document at `uri`, or undefined (none, or an untitled document). */
  forDocument(uri: string): Promise<ConfigFile | undefined> {
    const path = uriPath(uri);
    if (!path) return Promise.resolve(undefined);
    const folder = uri.slice(0, uri.replace(/[?#].*$/s, '').lastIndexOf('/'));
    let file = this.byFolder.get(folder);
    if (!file) {
      file = this.find(uri).then(
        (found) => (found ? configOf(found) : undefined),
        (e: unknown) => {
          this.byFolder.delete(folder); // ask again next time
          this.onError(`The editor could not look for a configuration file for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
          return undefined;
        },
      );
      this.byFolder.set(folder, file);
    }
    return file;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

/** What the editor sent, as a configuration file: parsed and checked, or unreadable with its reason. */
export function configOf(found: FoundConfig): ConfigFile {
  if (typeof found.path !== 'string' || !found.path) return unreadableConfig('(configuration file)', 'the editor sent no path');
  if (typeof found.text !== 'string') return unreadableConfig(found.path, typeof found.problem === 'string' ? found.problem : 'cannot be read');
  return parseConfigText(found.path, parentPath(found.path), found.text);
}
