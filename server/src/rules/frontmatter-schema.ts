import { schemaErrors } from '../frontmatter/schema.js';
import { validateFrontmatter } from '../frontmatter/validate.js';
import type { Rule } from './types.js';

export const frontmatterSchema: Rule = {
  codes: {
    'frontmatter.schema': {
      severity: 'error',
      description: 'A frontmatter value has the wrong type or is not one of the allowed values (an unknown key is a warning).',
    },
  },
  check({ model, report }) {
    const fm = model.frontmatter;
    if (!fm || !isPostMortemFrontmatter(fm.data)) return;
    for (const p of validateFrontmatter(fm, model.lines)) {
      report({ code: 'frontmatter.schema', message: p.message, range: p.range, severity: p.severity, ...(p.key ? { data: { key: p.key } } : {}) });
    }
  },
};

/** Keys that only a post-mortem's frontmatter has; "title", "date", "tags" or "layout" are any site generator's. */
const OWN_KEYS = ['postmortem', 'severity', 'timezone', 'started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

/**
 * True when the frontmatter is a post-mortem's: it marks the document as one, or holds a
 * key only post-mortems have, with a value this schema accepts or beside at most one key
 * the schema does not know. A blog's or a wiki's
 * frontmatter (`layout`, `nav_order`, `linkTitle`) is its site generator's business, and so
 * is a status page's that shares our key names with values of its own kind (cState's
 * `resolved: true`, `severity: disrupted`): the schema says nothing about them.
 */
export function isPostMortemFrontmatter(data: Record<string, unknown> | undefined): boolean {
  if (!data) return true; // unreadable YAML: frontmatter.yaml reports it; the schema has nothing to read
  const type = data['type'];
  if (typeof type === 'string' && /^post-?mortem$/i.test(type.trim())) return true;
  const own = OWN_KEYS.filter((k) => Object.prototype.hasOwnProperty.call(data, k));
  if (!own.length) return false;
  const errors = schemaErrors(data);
  const rejected = new Set(errors.map((e) => topKey(e.instancePath)));
  if (own.some((k) => !rejected.has(k))) return true;
  // Every key of ours holds a value of another kind, beside keys of another schema:
  // that tool's frontmatter. With one stray key or none it is ours, written wrong.
  const unknown = errors.filter((e) => e.keyword === 'additionalProperties').length;
  return unknown < 2;
}

/** The top-level key of a JSON pointer ("/resolved" → "resolved"). */
function topKey(pointer: string): string {
  return (pointer.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}
