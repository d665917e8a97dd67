import { extractActionItems } from '../content/actions.js';
import { ACTION_CODES, type ActionFindingData, type ActionPart } from '../rules/action-items.js';
import type { Fix, FixProvider } from './types.js';

/** The text each fix adds, for the writer to complete: neither counts until it is filled in. */
const PARTS: Partial<Record<ActionPart, { title: string; text: string; written: RegExp }>> = {
  owner: { title: 'Add an owner', text: 'owner: @', written: /\bowner\s*:/i },
  due: { title: 'Add a due date', text: 'due: YYYY-MM-DD', written: /\bdue\s*:/i },
};

/**
 * "Add an owner" and "Add a due date" on an action list item that lacks them: each
 * appends a labelled field at the end of the item's first line, and only inserts.
 * Not offered on a table row (its columns hold the fields) nor for a vague outcome,
 * which only the writer can make specific.
 */
export const actionPartsFix: FixProvider = {
  codes: Object.values(ACTION_CODES),
  fixes(analysis, finding) {
    const missing = (finding.data as Partial<ActionFindingData> | undefined)?.missing;
    if (!Array.isArray(missing)) return [];
    const line = finding.range.start.line;
    const item = extractActionItems(analysis.model).find((i) => i.line === line && i.source === 'list');
    if (!item) return [];
    const end = item.range.end;
    const last = analysis.model.lines.lineText(line).slice(0, end.character);
    const out: Fix[] = [];
    for (const part of missing) {
      const add = PARTS[part];
      // Once the field is there, empty or not, filling it in is the writer's: no second one.
      if (!add || add.written.test(last)) continue;
      const sep = /[\s(,;—–-]$/.test(last) ? '' : ' — ';
      out.push({ title: add.title, kind: 'quickfix', edits: [{ range: { start: end, end }, newText: `${sep}${add.text}` }], findings: [finding], safe: false });
    }
    return out;
  },
};
