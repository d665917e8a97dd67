import { CANONICAL_ORDER, canonicalSection, normalizeHeading, type SectionId } from '../model/sections.js';
import { own } from '../own.js';

/**
 * Section presets: which sections a post-mortem has, under which names, in which
 * order, and which of them are required. `default` is the six canonical sections;
 * the others follow the public templates of Google SRE, Atlassian and PagerDuty.
 * Every preset maps the canonical six (so the content checks find the summary, the
 * actions and the successes) and adds the template's own sections.
 */
export type PresetName = 'default' | 'google-sre' | 'atlassian' | 'pagerduty';
export const PRESET_NAMES: readonly PresetName[] = ['default', 'google-sre', 'atlassian', 'pagerduty'];

/** A section as the checks know it under the active preset. */
export interface SectionDef {
  /** A canonical id ('summary', …) or the id of a preset's own section ('impact', …). */
  id: string;
  /** The name the preset gives it: used in messages and inserted headings. */
  name: string;
  /** Every heading that names it (the name included). */
  aliases: readonly string[];
  /** Two other names, shown in messages. */
  examples: readonly string[];
  /** One line on what the section should contain. */
  prompt: string;
}

interface CatalogueEntry {
  name: string;
  aliases: string[];
  prompt: string;
}

/** Sections beyond the canonical six that templates use. Any preset, or `sections.required`, may name them. */
export const EXTRA_SECTIONS: Readonly<Record<string, CatalogueEntry>> = {
  impact: {
    name: 'Impact',
    aliases: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment', 'impact and severity'],
    prompt: 'Who and what was affected, and how much: users, requests, orders, revenue, with exact numbers.',
  },
  trigger: {
    name: 'Trigger',
    aliases: ['trigger', 'triggers', 'what triggered it', 'triggering event'],
    prompt: 'The event that set the latent fault off: a deploy, a traffic spike, a configuration push.',
  },
  detection: {
    name: 'Detection',
    aliases: ['detection', 'how was it detected', 'how it was detected', 'how we found out', 'how was the incident detected'],
    prompt: 'How and when the incident was noticed (an alert, a customer report), and how detection could be faster.',
  },
  'lessons-learned': {
    name: 'Lessons Learned',
    aliases: ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'key learnings', 'what we learned', 'takeaways'],
    prompt: 'What the incident taught: what went well, what went wrong, and where the team got lucky.',
  },
  'what-went-wrong': {
    name: 'What Went Wrong',
    aliases: ['what went wrong', 'what didnt go well', 'what did not go well', 'what didnt go so well', 'what went badly', 'what could have gone better'],
    prompt: 'What made the incident worse or the response slower, to follow up on.',
  },
  'where-we-got-lucky': {
    name: 'Where We Got Lucky',
    aliases: ['where we got lucky', 'where we were lucky', 'lucky'],
    prompt: 'What limited the damage by chance rather than by design: each is a risk to address.',
  },
  'supporting-information': {
    name: 'Supporting Information',
    aliases: ['supporting information', 'supporting material', 'appendix', 'references', 'related links'],
    prompt: 'Graphs, logs, dashboards and documents that back the analysis.',
  },
  'what-happened': {
    name: 'What Happened',
    aliases: ['what happened', 'description of what happened'],
    prompt: 'A short description of what happened.',
  },
  responders: {
    name: 'Responders',
    aliases: ['responders', 'people involved', 'involved', 'participants', 'who was involved', 'incident team'],
    prompt: 'Who responded: the incident commander, the scribe and everyone else involved.',
  },
  'how-did-we-do': {
    name: "How'd We Do?",
    aliases: ["how'd we do", 'how did we do', 'retrospective'],
    prompt: 'How the response went: what went well and what did not.',
  },
  messaging: {
    name: 'Messaging',
    aliases: ['messaging', 'communication', 'communications', 'internal email', 'external message', 'customer communication'],
    prompt: 'The internal email and the external (status page) message about the incident.',
  },
  leadup: {
    name: 'Leadup',
    aliases: ['leadup', 'lead up', 'lead-up', 'background'],
    prompt: 'The sequence of events and earlier changes that led to the incident.',
  },
  fault: {
    name: 'Fault',
    aliases: ['fault', 'the fault', 'what failed'],
    prompt: 'How the change that led to the incident did not work as expected.',
  },
  response: {
    name: 'Response',
    aliases: ['response', 'incident response', 'the response'],
    prompt: 'Who responded, when and how, and any delays or obstacles to the response.',
  },
  'five-whys': {
    name: 'Five Whys',
    aliases: ['five whys', '5 whys', 'the five whys', 'root cause identification', 'root cause identification the five whys'],
    prompt: 'Ask "why?" from the impact down to the root cause, one answer per step.',
  },
  'related-records': {
    name: 'Related Records',
    aliases: ['related records', 'related incidents', 'similar incidents', 'related'],
    prompt: 'Earlier incidents with the same root cause, and what was learned from them.',
  },
};

interface PresetSection {
  id: string;
  required: boolean;
  /** The template's name for the section (defaults to the canonical or catalogue name). */
  name?: string;
  /** Default aliases that mean something else in this template. */
  removeAliases?: string[];
}

export interface Preset {
  name: PresetName;
  /** Where the template comes from. */
  source: string;
  sections: PresetSection[];
  /** Names that only match a heading exactly here (so "Root cause identification" is not a root cause). */
  exactOnly?: string[];
}

const DEFAULT_PRESET: Preset = {
  name: 'default',
  source: 'docs/rules.md (the six sections of a post-mortem)',
  sections: CANONICAL_ORDER.map((id) => ({ id, required: true })),
};

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  default: DEFAULT_PRESET,
  // The example postmortem of Google's SRE book, appendix D.
  'google-sre': {
    name: 'google-sre',
    source: 'https://sre.google/sre-book/example-postmortem/',
    sections: [
      { id: 'summary', name: 'Summary', required: true },
      { id: 'impact', required: true },
      { id: 'root-cause', name: 'Root Causes', required: true },
      { id: 'trigger', required: true },
      { id: 'resolution', name: 'Resolution', required: true },
      { id: 'detection', required: true },
      { id: 'preventive-actions', name: 'Action Items', required: true },
      { id: 'lessons-learned', required: true },
      { id: 'successes', name: 'What Went Well', required: true },
      { id: 'what-went-wrong', required: false },
      { id: 'where-we-got-lucky', required: false },
      { id: 'timeline', name: 'Timeline', required: true },
      { id: 'supporting-information', required: false },
    ],
  },
  // Atlassian's incident postmortem template (Incident Management Handbook).
  atlassian: {
    name: 'atlassian',
    source: 'https://www.atlassian.com/incident-management/postmortem/templates',
    sections: [
      { id: 'summary', name: 'Incident Summary', required: true },
      { id: 'leadup', required: true },
      { id: 'fault', required: true },
      { id: 'impact', required: true },
      { id: 'detection', required: true },
      { id: 'response', required: true },
      { id: 'resolution', name: 'Recovery', required: true },
      { id: 'timeline', name: 'Timeline', required: true },
      { id: 'five-whys', required: true },
      { id: 'root-cause', name: 'Root Cause', required: true },
      { id: 'related-records', required: false },
      { id: 'lessons-learned', required: true },
      { id: 'successes', name: 'What Went Well', required: false },
      { id: 'preventive-actions', name: 'Corrective Actions', required: true },
    ],
    exactOnly: ['root cause'],
  },
  // PagerDuty's postmortem template (response.pagerduty.com).
  pagerduty: {
    name: 'pagerduty',
    source: 'https://response.pagerduty.com/after/post_mortem_template/',
    sections: [
      { id: 'summary', name: 'Overview', required: true },
      { id: 'what-happened', required: true },
      { id: 'root-cause', name: 'Contributing Factors', required: true },
      { id: 'resolution', name: 'Resolution', required: true },
      { id: 'impact', required: true },
      { id: 'responders', required: true },
      { id: 'timeline', name: 'Timeline', required: true, removeAliases: ['what happened'] },
      { id: 'how-did-we-do', required: true },
      // "It's OK to not list anything", says the template: so neither list is required.
      { id: 'successes', name: 'What Went Well?', required: false },
      { id: 'what-went-wrong', name: "What Didn't Go So Well?", required: false },
      { id: 'preventive-actions', name: 'Action Items', required: true },
      { id: 'messaging', required: true },
    ],
  },
};

export function isCanonicalId(id: string): id is SectionId {
  return (CANONICAL_ORDER as readonly string[]).includes(id);
}

/** The definition of a section under a preset entry, from the canonical data or the catalogue. */
function definition(entry: PresetSection): SectionDef {
  if (isCanonicalId(entry.id)) {
    const base = canonicalSection(entry.id);
    const removed = new Set(entry.removeAliases ?? []);
    const name = entry.name ?? base.name;
    return { id: entry.id, name, aliases: [name, ...base.aliases.filter((a) => !removed.has(a))], examples: base.examples, prompt: base.prompt };
  }
  return customDefinition(entry.id, entry.name);
}

/** A section that is not canonical: from the catalogue, or made up from its id ("customer-comms" → "Customer Comms"). */
export function customDefinition(id: string, name?: string): SectionDef {
  const known = own(EXTRA_SECTIONS, id);
  const title = name ?? known?.name ?? titleCase(id.replace(/[-_]+/g, ' '));
  const aliases = [title, ...(known?.aliases ?? [])];
  const examples = aliases.filter((a) => normalizeHeading(a) !== normalizeHeading(title)).slice(0, 2).map(titleCase);
  return { id, name: title, aliases, examples, prompt: known?.prompt ?? `What the team writes under "${title}".` };
}

function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{L})/gu, (_m, space: string, letter: string) => space + letter.toUpperCase());
}

/** The sections of a preset in its order, and the ids it requires. */
export function presetSections(name: PresetName): { defs: SectionDef[]; required: string[] } {
  const preset = PRESETS[name];
  return { defs: preset.sections.map(definition), required: preset.sections.filter((s) => s.required).map((s) => s.id) };
}
