import type { Rule } from './types.js';

/**
 * What could not be used of the configuration that applies to the document (its
 * `.postmortemrc` file, the editor's `postmortem.*` settings): a value that breaks the
 * schema, a file nested too deep or too large, a glob that cannot be matched. The rest
 * applies; this says why some of it does not. (The CLI stops on these instead, exit 2.)
 */
export const configInvalid: Rule = {
  codes: {
    'config.invalid': { severity: 'warning', description: 'The configuration that applies (a .postmortemrc file, the postmortem.* settings) has a problem; what cannot be used is left at its default.' },
  },
  check({ model, settings, report }) {
    for (const problem of settings.configProblems) {
      report({
        code: 'config.invalid',
        message: `Configuration: ${problem}. What cannot be used is left at its default.`,
        range: model.lines.trimmedLineRange(0),
      });
    }
  },
};
