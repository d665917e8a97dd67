/**
 * The post-mortem template: one source for the "Insert section" quick fix, the
 * snippets (generated into snippets/postmortem.code-snippets) and the
 * "New Post-Mortem" command of the editor and the CLI.
 */
import { CANONICAL_ORDER, canonicalSection, type SectionId } from '../model/sections.js';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'] as const;

/** The frontmatter milestones, in order, with what each marks. */
export const MILESTONE_PROMPTS: ReadonlyArray<[string, string]> = [
  ['started', 'when the impact began'],
  ['detected', 'when we knew'],
  ['acknowledged', 'when someone took it on'],
  ['mitigated', 'when the impact stopped'],
  ['resolved', 'when it was fixed for good'],
];

/**
 * A section as plain Markdown: heading, blank line, the prompt in braces (a placeholder
 * the checker flags until replaced). `def` gives a preset's own name and prompt.
 */
export function sectionText(id: SectionId | string, level: number, eol = '\n', def?: { name: string; prompt: string }): string {
  const s = def ?? canonicalSection(id as SectionId);
  return `${'#'.repeat(level)} ${s.name}${eol}${eol}{${s.prompt}}${eol}`;
}

export interface NewPostMortemFields {
  title: string;
  severity: string;
  /** The incident's date, YYYY-MM-DD. */
  date: string;
  /** IANA zone written into the frontmatter. */
  timezone: string;
}

/** A new post-mortem file's text, and the line of the summary's prompt (where the cursor goes). */
export function newPostMortem(fields: NewPostMortemFields, eol = '\n'): { text: string; summaryLine: number } {
  const title = oneLine(fields.title) || 'Untitled incident';
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `id: PM-${fields.date.slice(0, 4)}-NNN`,
    'status: draft',
    `severity: ${fields.severity}`,
    'authors:',
    '  - your name',
    `timezone: ${fields.timezone}`,
    ...MILESTONE_PROMPTS.map(([key, what]) => `# ${key}: ${fields.date} HH:MM  (${what})`),
    '---',
    '',
    `# ${title}`,
    '',
  ];
  let summaryLine = -1;
  for (const id of CANONICAL_ORDER) {
    if (id === 'summary') summaryLine = lines.length + 2;
    lines.push(...sectionText(id, 2).split('\n').slice(0, -1), '');
  }
  return { text: lines.join(eol), summaryLine };
}

/**
 * The folder of New Post-Mortem (`postmortem.newFileFolder`) as segments under the
 * workspace folder, or why it cannot be used: the setting may come from the
 * workspace itself, and `..`, an absolute path or a drive would write outside it.
 */
export function newFileFolderSegments(setting: string | undefined): { segments: string[] } | { problem: string } {
  const value = setting?.trim() || 'postmortems';
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
  if (/[\u0000-\u001f\u007f]/.test(value)) return { problem: `postmortem.newFileFolder ${shown} contains control characters; it must name a folder inside the workspace folder.` };
  if (/^[\\/]/.test(value) || /^[A-Za-z]:/.test(value)) return { problem: `postmortem.newFileFolder ${shown} is an absolute path; it must name a folder inside the workspace folder.` };
  const segments = value.split(/[\\/]+/).filter((s) => s && s !== '.');
  if (segments.includes('..')) return { problem: `postmortem.newFileFolder ${shown} leads out of the workspace folder (".."); it must name a folder inside it.` };
  return { segments };
}

/** A file name for a new post-mortem: YYYY-MM-DD-<slug>.md. */
export function newFileName(date: string, title: string): string {
  return `${date}-${slug(title)}.md`;
}

/** Lower-case ASCII words joined by hyphens, at most 60 characters; "incident" when nothing is left. */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'incident';
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A YAML scalar for a string: plain when YAML reads it back as that same string, else
 * double-quoted (JSON strings are valid YAML). Plain only from a letter: a title that
 * starts with a digit may read as a number ("404", "1e3", "0x1F", "2024-08-20"), and
 * true/false/null and their YAML 1.1 cousins are quoted too.
 */
function yamlString(s: string): string {
  return /^[A-Za-z][\w .,()'/-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(s) ? s : JSON.stringify(s);
}

/** Today's date in a time zone, YYYY-MM-DD (UTC when the zone is unknown). */
export function today(timezone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
