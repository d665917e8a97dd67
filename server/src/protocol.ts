/**
 * Messages between the client and the server beyond LSP, defined once and
 * imported by both sides. Types only, plus the request objects.
 */
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The milestones of an incident, in the order they must happen. */
export const MILESTONES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type MilestoneName = (typeof MILESTONES)[number];

/** Minutes between milestones; null when either end is unknown. */
export interface IncidentMetrics {
  timeToDetectMinutes: number | null;
  timeToAcknowledgeMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  durationMinutes: number | null;
}

export interface FindingView {
  code: string;
  severity: Severity;
  message: string;
}

/** One timeline entry as the outline view and the preview show it. */
export interface TimelineEventView {
  /** 0-based line of the entry in the document. */
  line: number;
  /** The timestamp as written. */
  raw: string;
  /** The entry's text without its timestamp, as plain text. */
  text: string;
  /** The resolved instant (ISO 8601 ending in Z), or null. */
  utc: string | null;
  /** Why there is no instant, when `utc` is null. */
  unresolved?: string;
  /** The wall-clock reading (`2024-09-14T09:40`) when `utc` is null but the date and time are known (no zone). */
  local?: string;
  /** True when the entry gives a date but no time of day. */
  dateOnly?: boolean;
  /** `@handles` the entry mentions, without the @. */
  people: string[];
  /** The milestone this entry marks, if any. */
  milestone?: MilestoneName;
  /** Findings on this entry's line (out of order, invalid time…). */
  findings: FindingView[];
}

/** The incident as time: what the preview draws and the outline lists. */
export interface TimelineView {
  uri: string;
  version: number;
  title: string;
  severity: string | null;
  status: string | null;
  /** The document's time zone (an IANA name, "UTC" or an offset like "+02:00"), or null when none is stated. */
  timezone: string | null;
  events: TimelineEventView[];
  /** Milestone instants (ISO 8601, Z). */
  milestones: Partial<Record<MilestoneName, string>>;
  metrics: IncidentMetrics;
}

export interface DocumentParams {
  uri: string;
}

/** The timeline of an open post-mortem, or null when the document is not one. */
export const TimelineRequest = new RequestType<DocumentParams, TimelineView | null, void>('postmortem/timeline');

/**
 * A section's state in the outline, from the findings inside it: ✓ complete (none), ⚠ incomplete
 * (some), ✗ missing, or covered (absent, but what it would say is told elsewhere: no finding).
 */
export type SectionStatus = 'complete' | 'incomplete' | 'missing' | 'covered';

export interface OutlineSection {
  /** The canonical section id, or null for another section of the document. */
  id: string | null;
  /** The canonical name for canonical sections, the heading's text otherwise. */
  name: string;
  /** The heading as written (null when missing). */
  heading: string | null;
  status: SectionStatus;
  /** 0-based line of the heading, null when missing. */
  line: number | null;
  /** The findings inside it (for a missing section: the one that says so). */
  findings: FindingView[];
}

/** An item under Preventive Actions. */
export interface ActionItemView {
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  ticket: string | null;
  done: boolean;
}

/** What the Post-Mortem outline view shows for one document. */
export interface OutlineView {
  uri: string;
  version: number;
  title: string;
  sections: OutlineSection[];
  progress: Progress;
  timeline: TimelineView | null;
  actions: ActionItemView[];
  /** For a log of several incidents: each incident with its own sections (then `sections` is empty and `progress` their sum). */
  incidents?: IncidentOutline[];
}

/** One incident of a log, in the outline. */
export interface IncidentOutline {
  title: string;
  /** 0-based line of its heading. */
  line: number;
  sections: OutlineSection[];
  progress: Progress;
}

/** How far a post-mortem is: of its `required` sections, how many are there and how many have no finding. */
export interface Progress {
  /** Required sections present (not missing). */
  present: number;
  required: number;
  /** Required sections without problems (complete, or covered elsewhere): the status bar's "5/6". */
  clean: number;
}

/** The outline of an open document, or null when it is not a post-mortem. */
export const OutlineRequest = new RequestType<DocumentParams, OutlineView | null, void>('postmortem/outline');

export interface InsertSectionParams {
  uri: string;
  sectionId: string;
}

/** Text edits that insert a missing canonical section at its place (empty when it is there already). */
export interface TextEditView {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export const InsertSectionRequest = new RequestType<InsertSectionParams, TextEditView[], void>('postmortem/insertSection');

/**
 * The language server's process id: the in-editor tests stop the server with it and watch it come
 * back. A server in a browser worker has no process: it answers a number drawn once per worker.
 */
export const ProcessIdRequest = new RequestType0<{ pid: number }, void>('postmortem/processId');

/**
 * A configuration file as the editor found it for a document (the nearest `.postmortemrc.*` in
 * the document's folder or above it): its text, or why it could not be read.
 */
export interface FoundConfig {
  /** The file's URI. */
  uri: string;
  /** The path in that URI (forward slashes): shown in problems, and the anchor of `files` globs. */
  path: string;
  text?: string;
  /** Why there is no text ("larger than 64 KB; not read", "cannot be read (…)"). */
  problem?: string;
}

/**
 * Sent by the server to the client: the configuration file that applies to a document the server
 * cannot read itself (a virtual file system, or the server in a browser worker). Null: none.
 */
export const FindConfigRequest = new RequestType<DocumentParams, FoundConfig | null, void>('postmortem/findConfig');
