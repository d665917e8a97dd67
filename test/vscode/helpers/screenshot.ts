/**
 * Screenshots of the workbench, taken by the launcher (`npm run test:vscode`, `test:web`), which
 * owns the browser. The suite asks through the loopback URL the launcher puts in
 * POSTMORTEM_E2E_CHANNEL (Node extension host) or in the user setting `postmortemE2E.channel`
 * (web worker extension host, which has no environment); under test:electron there is none and
 * no picture is taken.
 */
import * as vscode from 'vscode';

export interface ScreenshotOptions {
  /**
   * What must be visible before the picture is taken: a selector (Playwright locator syntax) or a
   * list of them. A list inside the list is a path into frames, ending with the element: a
   * webview's content is `['iframe.webview.ready', 'iframe#active-frame', 'text=…']`.
   */
  waitFor?: string | Array<string | string[]>;
  timeoutMs?: number;
}

function channel(): string | undefined {
  const fromEnv = typeof process !== 'undefined' ? process.env.POSTMORTEM_E2E_CHANNEL : undefined;
  return fromEnv || vscode.workspace.getConfiguration('postmortemE2E').get<string>('channel') || undefined;
}

/** Whether this run can take screenshots. */
export function canScreenshot(): boolean {
  return !!channel();
}

/**
 * Has the launcher save the workbench as `<name>.png` once `waitFor` is visible. Resolves with the
 * file's path, or undefined when the run cannot take screenshots; rejects when the launcher could
 * not (the selector never appeared, for instance).
 */
export async function screenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  const url = channel();
  if (!url) return undefined;
  const res = await fetch(`${url}/screenshot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, ...options }),
  });
  const body = (await res.json()) as { path?: string; error?: string };
  if (!res.ok || !body.path) throw new Error(`screenshot ${name} failed: ${body.error ?? res.status}`);
  return body.path;
}

/**
 * Waits until `selector` (as in ScreenshotOptions.waitFor: a selector or a path into frames) is in
 * `state` in the workbench the launcher drives. Resolves with the element's text (empty for
 * hidden/detached), undefined when this run has no launcher (test:electron); rejects with what the
 * page showed instead when the state is not reached in time.
 */
export async function expectInWorkbench(selector: string | string[], state: 'visible' | 'hidden' | 'attached' | 'detached' = 'visible', timeoutMs = 20_000): Promise<string | undefined> {
  const url = channel();
  if (!url) return undefined;
  const res = await fetch(`${url}/expect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ selector, state, timeoutMs }) });
  const body = (await res.json()) as { ok?: boolean; text?: string; error?: string };
  if (!body.ok) throw new Error(`the workbench never showed ${JSON.stringify(selector)} ${state}: ${body.error ?? res.status}`);
  return body.text ?? '';
}
