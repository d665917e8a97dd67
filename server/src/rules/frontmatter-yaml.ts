import type { Rule } from './types.js';

export const frontmatterYaml: Rule = {
  codes: {
    'frontmatter.yaml': { severity: 'error', description: 'The YAML frontmatter cannot be read.' },
  },
  check({ model, report }) {
    for (const p of model.frontmatter?.problems ?? []) {
      if (p.severity !== 'error') continue;
      report({ code: 'frontmatter.yaml', message: `Frontmatter YAML: ${p.message.split('\n')[0]}`, range: p.range });
    }
  },
};
