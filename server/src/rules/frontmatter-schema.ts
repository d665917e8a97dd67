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
    if (!fm) return;
    for (const p of validateFrontmatter(fm, model.lines)) {
      report({ code: 'frontmatter.schema', message: p.message, range: p.range, severity: p.severity, ...(p.key ? { data: { key: p.key } } : {}) });
    }
  },
};
