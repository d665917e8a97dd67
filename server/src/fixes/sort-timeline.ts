import { timelineFor } from '../timeline/index.js';
import { sortTimelineEdits } from '../timeline/sort.js';
import type { Fix, FixProvider } from './types.js';

/**
 * "Sort timeline chronologically": moves whole entries (stable, every character kept),
 * so it is safe for `--fix` and fix-all.
 */
export const sortTimelineFix: FixProvider = {
  codes: ['timeline.order'],
  fixes(analysis, finding) {
    const all = this.fixAll!(analysis, analysis.findings.filter((f) => f.code === 'timeline.order'));
    return all ? [{ ...all, kind: 'quickfix', isPreferred: true, findings: all.findings.length ? all.findings : [finding] }] : [];
  },
  fixAll(analysis, findings): Fix | undefined {
    const edits = sortTimelineEdits(analysis.model, timelineFor(analysis.model, analysis.settings));
    if (!edits.length) return undefined;
    return { title: 'Sort timeline chronologically', kind: 'source.fixAll', edits, findings, safe: true };
  },
};
