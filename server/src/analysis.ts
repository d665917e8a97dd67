/**
 * One analysed document: what the service returns and what the fixes, features and
 * views read. Its own module, so that they need not import the service that imports
 * their registries.
 */
import type { PostMortemModel } from './model/document.js';
import type { PostMortemReason } from './model/classify.js';
import type { Finding } from './rules/types.js';
import type { Settings } from './settings.js';

export interface Analysis {
  model: PostMortemModel;
  settings: Settings;
  /** Why the document is a post-mortem, or undefined (then `findings` is empty). */
  postMortem: PostMortemReason | undefined;
  findings: Finding[];
}
