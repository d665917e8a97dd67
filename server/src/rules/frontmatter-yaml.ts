import type { Rule } from './types.js';

export const frontmatterYaml: Rule = {
  codes: {
    'frontmatter.yaml': { severity: 'error', description: 'The YAML frontmatter cannot be read.' },
  },
  check({ model, report }) {
    // Errors (syntax, duplicate keys, hostile input) and warnings (an unknown !tag) alike.
    for (const p of model.frontmatter?.problems ?? []) {
      report({ code: 'frontmatter.yaml', message: `Frontmatter YAML: ${p.message.split('\n')[0]}`, range: p.range, severity: p.severity });
    }
  },
};
