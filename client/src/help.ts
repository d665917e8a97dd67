/** Commands that help a new user: an example post-mortem to look at, and a finding's documentation. */
import * as vscode from 'vscode';

/** The example the walkthrough and the empty views open: a complete post-mortem (a copy of examples/). */
export const EXAMPLE_PATH = ['media', 'example', 'checkout-outage.md'] as const;

/** Opens the example as a new untitled document (edits never reach the extension's copy) and returns its editor. */
export async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...EXAMPLE_PATH));
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opens a rule's documentation (the diagnostic's `codeDescription`); returns the URI opened. */
export async function learnMore(code: unknown, href: unknown): Promise<vscode.Uri | undefined> {
  if (typeof code !== 'string' || typeof href !== 'string' || !/^https:\/\//.test(href)) return undefined;
  const uri = vscode.Uri.parse(href);
  await vscode.env.openExternal(uri);
  return uri;
}
