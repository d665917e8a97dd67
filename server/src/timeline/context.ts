import type { RuleContext } from '../rules/types.js';
import { timelineFor, type Timeline } from './index.js';

/** The timeline of the document a rule checks: one extraction per analysis, shared by every timeline rule. */
export function timelineOf(ctx: RuleContext): Timeline {
  return ctx.cached('timeline', () => timelineFor(ctx.model, ctx.settings));
}
