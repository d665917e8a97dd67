import { straightQuotes, wordsOf } from './text.js';

/**
 * Whether an action item is a specific measure. Two kinds are not: exhortations
 * to people ("be more careful", "double-check", "pay more attention",
 * "communicate better"), whatever follows them; and a generic improvement
 * ("improve monitoring", "more tests") with nothing specific after it.
 */

/** Openings that only state an intention, stripped before judging: "We should", "Going forward,". */
const FILLER = /^(?:(?:going forward|in (?:the )?future|from now on|next time|moving forward),?\s+)?(?:(?:we|the team|teams|everyone|engineers?|developers?|admins?|administrators?|operators?|reviewers?|people|ops|sre|on-?call)\s+(?:will|should|must|need to|needs to|have to|has to|ought to|shall)\s+|(?:need to|needs to|should|must|let'?s|try to|please|make sure to)\s+|we\s+need\s+)?/i;

const EXHORTATIONS: Array<[RegExp, string]> = [
  [/^(?:be|being|to be|stay)\s+(?:more\s+|extra\s+|very\s+|much\s+more\s+)?(?:careful|cautious|vigilant|diligent|attentive|thorough|aware|mindful|alert)\b/i, 'be more careful'],
  [/^(?:pay|paying)\s+(?:more\s+|closer\s+|better\s+|extra\s+)?attention\b/i, 'pay more attention'],
  [/^(?:double|triple)[- ]?check(?:s|ed|ing)?\b/i, 'double-check'],
  [/^(?:take|taking)\s+(?:more\s+|extra\s+|better\s+)?care\b/i, 'take more care'],
  [/^(?:try|trying)\s+harder\b/i, 'try harder'],
  [/^(?:communicate|communicating)\s+(?:better|more)\b/i, 'communicate better'],
  [/^(?:better|more|improved?)\s+communication\b\.?$/i, 'communicate better'],
  [/^(?:remember|don'?t\s+forget|do\s+not\s+forget)\s+to\b/i, 'remember to'],
  [/^think\s+twice\b/i, 'think twice'],
  [/^(?:re)?familiari[sz]e\s+(?:themselves|ourselves|yourselves|himself|herself)\b/i, 'familiarise themselves'],
  [/^(?:carefully|closely)\s+(?:monitor|watch|review|check)\b|^(?:monitor|watch)\s+(?:\S+\s+){1,4}(?:more\s+)?(?:carefully|closely)\b/i, 'monitor carefully'],
  [/^minimi[sz]e\s+(?:\S+\s+){0,2}(?:errors?|mistakes?|knowledge)\b/i, 'minimise errors'],
  [/^investigate\s+\S+(?:\s+\S+)?\.?$/i, 'investigate'],
  [/^(?:avoid|prevent)\s+(?:this|it|that|mistakes?|errors?|human\s+errors?|such\s+(?:incidents?|issues?|problems?|mistakes?)|(?:similar|these|this\s+kind\s+of)\s+(?:incidents?|issues?|problems?|mistakes?))(?:\s+(?:in\s+(?:the\s+)?future|from\s+happening\s+again|again|next\s+time|going\s+forward))*\.?$/i, 'avoid this in the future'],
];

const GENERIC = /^(improve|improving|improved|enhance|enhancing|increase|increasing|better|more|add(?:ing)?\s+(?:more|better)|strengthen|review|revisit|look\s+into|optimi[sz](?:e|ing))\s+(?:our\s+|the\s+|its\s+|their\s+)?(monitoring|alerting|alerts|observability|testing|tests|test\s+coverage|coverage|documentation|docs|process(?:es)?|procedures?|communication|logging|visibility|runbooks?|(?:code\s+)?reviews?|checks|resilience|reliability|stability|quality|performance)\b(.*)$/i;

const STOP = new Set('a an the of for in on to and or with our we it its this that these those all any more better some around about when if as at by from into so be is are was were has have'.split(' '));

/** The vague phrase an action item consists of, or undefined when it is specific. */
export function vaguePhrase(text: string): string | undefined {
  const core = stripMetadata(straightQuotes(text)).replace(FILLER, '').trim();
  // One word is a topic, not a measure ("caching").
  if (/^\p{L}+$/u.test(core)) return core.toLowerCase();
  for (const [re, phrase] of EXHORTATIONS) if (re.test(core)) return phrase;
  const generic = GENERIC.exec(core);
  if (generic) {
    const rest = wordsOf(generic[3]!.replace(/[^\p{L}\p{N}\s'-]/gu, ' ')).filter((w) => !STOP.has(w.toLowerCase()));
    if (rest.length < 2 && !/\d/.test(generic[3]!)) return `${generic[1]} ${generic[2]}`.toLowerCase().replace(/\s+/g, ' ');
  }
  return undefined;
}

/** The item's text without what tracks it (owner, due date, ticket, link) and without a leading bold title marker. */
function stripMetadata(text: string): string {
  return text
    .replace(/^\[[ xX]?\]\s*/, '')
    .replace(/^\s*(?:✅|✔️?|☑️?|✓)\s*/u, '')
    .replace(/\s*[-–—,;(]?\s*\b(?:owners?|assignees?|assigned to|owned by|due|deadline|eta|by)\b\s*[:=]?.*$/i, '')
    .replace(/@[\w./-]+/g, '')
    .replace(/\b[A-Z][A-Z0-9]{1,9}-\d+\b|#\d+\b/g, '')
    .replace(/\bhttps?:\/\/\S+/g, '')
    .trim()
    // A trailing separator, as /\s*[-–—,;:(]\s*$/ removed it; that expression backtracked
    // quadratically over a long run of spaces (what is left of an item of many "#1").
    .replace(/[-–—,;:(]$/, '')
    .trim();
}
