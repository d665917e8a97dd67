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
 * True when the frontmatter is a post-mortem's (it marks the document as one, or holds a
 * key only post-mortems have): a blog's or a wiki's frontmatter (`layout`, `nav_order`,
 * `linkTitle`) is its site generator's business, and the schema says nothing about it.
 */
export function isPostMortemFrontmatter(data: Record<string, unknown> | undefined): boolean {
  if (!data) return true; // unreadable YAML: frontmatter.yaml reports it; the schema has nothing to read
  const type = data['type'];
  if (typeof type === 'string' && /^post-?mortem$/i.test(type.trim())) return true;
  return OWN_KEYS.some((k) => Object.prototype.hasOwnProperty.call(data, k));
}
