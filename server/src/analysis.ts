/**
 * One analysed document: what the service returns and what the fixes, features and
 * views read. Its own module, so that they need not import the service that imports
 * their registries.
 */
import type { PostMortemModel } from './model/document.js';
import type { PostMortemReason } from './model/classify.js';
import type { Incident } from './model/incidents.js';
import type { Finding } from './rules/types.js';
import type { Settings } from './settings.js';

export interface Analysis {
  model: PostMortemModel;
  settings: Settings;
  /** Why the document is a post-mortem, or undefined (then `findings` is empty). */
  postMortem: PostMortemReason | undefined;
  findings: Finding[];
  /**
   * For a log of several incidents: each incident analysed as a post-mortem of its own
   * (its text line for line, so positions are the document's). `findings` holds theirs.
   */
  incidents?: IncidentAnalysis[];
}

export interface IncidentAnalysis {
  incident: Incident;
  analysis: Analysis;
}
