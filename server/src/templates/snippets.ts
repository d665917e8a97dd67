/** The snippets contributed for Markdown, generated from the template so they never drift from it. */
import { CANONICAL_ORDER, canonicalSection, type SectionId } from '../model/sections.js';
import { MILESTONE_PROMPTS, SEVERITIES } from './postmortem.js';

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Escapes text for a snippet body: `$`, `}` and `\` are syntax there. */
function esc(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

const SHORT: Record<SectionId, string> = {
  summary: 'summary',
  timeline: 'timeline',
  'root-cause': 'root-cause',
  resolution: 'resolution',
  'preventive-actions': 'actions',
  successes: 'successes',
};

/** Section lines with the prompt as tab stop `n`: `## Name`, blank, `{prompt}`. */
function sectionLines(id: SectionId, n: number): string[] {
  const s = canonicalSection(id);
  return [`## ${s.name}`, '', `\${${n}:${esc(`{${s.prompt}}`)}}`];
}

export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  let n = 5;
  const body = [
    '---',
    'title: ${1:Title of the incident}',
    `id: PM-$CURRENT_YEAR-\${2:NNN}`,
    'status: draft',
    `severity: \${3|${SEVERITIES.join(',')}|}`,
    'authors:',
    '  - ${4:your name}',
    'timezone: ${5:UTC}',
    ...MILESTONE_PROMPTS.map(([key]) => `${key}: ${TODAY} \${${++n}:HH:MM}`),
    '---',
    '',
    '# ${1}',
    '',
  ];
  for (const id of CANONICAL_ORDER) body.push(...sectionLines(id, ++n), '');
  body.push('$0');
  out['Post-mortem'] = {
    prefix: 'postmortem',
    description: 'A complete post-mortem: frontmatter and the six sections, each with what it should contain.',
    body,
  };
  for (const id of CANONICAL_ORDER) {
    const s = canonicalSection(id);
    out[`Post-mortem: ${s.name}`] = {
      prefix: `pm-${SHORT[id]}`,
      description: `The "${s.name}" section: ${s.prompt}`,
      body: [...sectionLines(id, 1), '$0'],
    };
  }
  out['Post-mortem: timeline entry'] = {
    prefix: 'pm-event',
    description: 'A timeline entry at the current time, with who did it.',
    body: ['- **$CURRENT_HOUR:$CURRENT_MINUTE** - ${1:what happened} @${2:who}$0'],
  };
  out['Post-mortem: preventive action'] = {
    prefix: 'pm-action',
    description: 'A preventive action with its owner, due date and ticket.',
    body: [`- [ ] \${1:a specific measure} — owner: @\${2:owner}, due \${3:${TODAY}}, \${4:TICKET-123}$0`],
  };
  return out;
}

/** The snippets file's text, as committed in snippets/. */
export function snippetsFileText(): string {
  return JSON.stringify(snippets(), null, 2) + '\n';
}
