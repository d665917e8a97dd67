/**
 * Moving through the entries: one tab stop per listbox (roving tabindex), arrow
 * keys, Home and End move the focus, Enter, Space or a click ask the editor to
 * reveal the entry's line. The entry under the editor's cursor is marked current.
 */

/** Called with the source line of the entry the user picked. */
export type RevealHandler = (line: number) => void;

const OPTION = '[role="option"]';

/** Wires keyboard and mouse handling on `root` once; survives re-renders of its children. */
export function attachNavigation(root: HTMLElement, reveal: RevealHandler): void {
  root.addEventListener('click', (event) => {
    const option = (event.target as Element | null)?.closest<HTMLElement>(OPTION);
    if (!option || !root.contains(option)) return;
    focusOption(option);
    pick(option, reveal);
  });
  root.addEventListener('keydown', (event) => {
    const option = (event.target as Element | null)?.closest<HTMLElement>(OPTION);
    if (!option) return;
    const options = optionsOf(option);
    const at = options.indexOf(option);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = options[Math.min(at + 1, options.length - 1)];
        break;
      case 'ArrowUp':
        next = options[Math.max(at - 1, 0)];
        break;
      case 'Home':
        next = options[0];
        break;
      case 'End':
        next = options[options.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        pick(option, reveal);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) focusOption(next);
  });
}

/** The options of the listbox holding `option`, in document order. */
function optionsOf(option: HTMLElement): HTMLElement[] {
  const box = option.closest('[role="listbox"]');
  return box ? Array.from(box.querySelectorAll<HTMLElement>(OPTION)) : [option];
}

function pick(option: HTMLElement, reveal: RevealHandler): void {
  const line = Number(option.dataset.line);
  if (Number.isInteger(line) && line >= 0) reveal(line);
}

/** Makes `option` its listbox's tab stop, selected and focused. */
export function focusOption(option: HTMLElement, focus = true): void {
  for (const other of optionsOf(option)) {
    other.tabIndex = -1;
    other.setAttribute('aria-selected', 'false');
  }
  option.tabIndex = 0;
  option.setAttribute('aria-selected', 'true');
  if (focus) option.focus();
}

/** Gives every listbox in `root` a tab stop: its selected option, or its first. */
export function ensureTabStops(root: HTMLElement): void {
  for (const box of Array.from(root.querySelectorAll<HTMLElement>('[role="listbox"]'))) {
    const options = Array.from(box.querySelectorAll<HTMLElement>(OPTION));
    if (options.length && !options.some((o) => o.tabIndex === 0)) options[0]!.tabIndex = 0;
  }
}

/** The option for the entry at `index` in the view's events, if it is shown. */
export function optionForIndex(root: HTMLElement, index: number): HTMLElement | undefined {
  return Array.from(root.querySelectorAll<HTMLElement>(OPTION)).find((o) => o.dataset.index === String(index));
}

/** Marks the option for `index` as the editor's current entry (aria-current), clearing any other. */
export function markCurrent(root: HTMLElement, index: number | undefined): HTMLElement | undefined {
  let found: HTMLElement | undefined;
  for (const o of Array.from(root.querySelectorAll<HTMLElement>(OPTION))) {
    const on = index !== undefined && o.dataset.index === String(index);
    if (on) {
      o.setAttribute('aria-current', 'true');
      found = o;
    } else o.removeAttribute('aria-current');
  }
  return found;
}
