/**
 * Blaming wording in incident prose: words that judge a person ("careless",
 * "human error", "should have known") and a person named as the cause ("caused by
 * @dave", "@dave's mistake"). Incident prose is full of words that sound harsh
 * and are not ("the job failed", "pods crash", "kill the process", "the alert
 * fired", "abort the deploy"); none of those is on the list.
 */
import { straightQuotes } from './text.js';

export interface BlameMatch {
  /** Offsets in the line. */
  start: number;
  end: number;
  /** The words as written. */
  phrase: string;
}

const HANDLE = String.raw`@[A-Za-z0-9](?:[\w.-]*\w)?`;
const NAME = String.raw`[A-Z][a-z]+(?:\s[A-Z][a-z]+)?`;
const PRONOUN_OR_ROLE = String.raw`[Hh]e|[Ss]he|${HANDLE}|[Tt]he\s+(?:user|operator|engineer|developer|admin|administrator|reviewer|author|on-?call(?:\s+engineer)?)`;
/** One person: he, she, a name, a handle, or one role ("the operator"); not "we", "the team" or a thing ("It", "The job"). */
const ONE_PERSON = String.raw`[Hh]e|[Ss]he|${HANDLE}|(?!(?:It|This|That|There|These|Those|They|We|The|Our|Its|Their|When|While|If|But|And|So|Then|Because|After|Before|Since|Once|Nothing|Nobody|Everyone|Someone|Somebody|No|Not)\b)[A-Z][a-z]+|[Tt]he\s+(?:user|operator|engineer|developer|admin|administrator|reviewer|author|on-?call(?:\s+engineer)?)`;

/** The built-in phrases, as patterns matched case-insensitively between word boundaries. */
const BUILT_IN: readonly RegExp[] = [
  /human[\s-]errors?/,
  /operator[\s-]errors?/,
  /pilot[\s-]errors?/,
  /user[\s-]errors?/,
  /careless(?:ly|ness)?/,
  /should(?:\s+have|'ve)\s+(?:known|realized|realised|noticed|caught\s+(?:it|this|that)|seen\s+(?:it|this|that)|been\s+(?:more\s+)?(?:careful|cautious|thorough)|paid\s+(?:more\s+)?attention|double[\s-]checked)/,
  // "the fault of the load balancer" judges no one: only a person after "fault of" counts.
  /fault\s+of\s+(?:the\s+|a\s+|an\s+|our\s+|one\s+)?(?:@[A-Za-z0-9](?:[\w.-]*\w)?|(?:on-?call\s+)?(?:engineer|developer|operator|admin|administrator|intern|person|people|team|individual|sre|dev|reviewer|author)s?|him|her|them|someone|somebody|whoever)/,
  /(?:his|her|their|[A-Za-z]+'s)\s+fault/,
  // "the fault lies with me", "the blame rests with the operator": a person, not "with us" (owned together) or "with the vendor".
  /(?:fault|blame)\s+(?:lies|lay|rests?|rested|is|was)\s+(?:squarely\s+|entirely\s+|solely\s+|fully\s+)?(?:with|on)\s+(?:me|him|her|them|@[A-Za-z0-9](?:[\w.-]*\w)?|the\s+(?:on-?call\s+)?(?:engineer|developer|operator|admin|administrator|intern|reviewer|author)s?)/,
  /at\s+fault/,
  /to\s+blame/,
  /blam(?:e|ed|es|ing)\s+(?:on|him|her|them|@)/,
  /negligen(?:t|ce|tly)/,
  /incompeten(?:t|ce|tly)/,
  /forg(?:ot|otten|etting)\s+to/,
  /failed\s+to\s+(?:notice|realize|realise|spot)/,
  /neglected\s+to/,
  /without\s+being\s+(?:thorough|careful)/,
  // Not "lazy": lazy loading and lazy evaluation are everywhere in incident prose.
  /(?:sloppy|sloppiness|reckless(?:ly|ness)?|laziness|stupid(?:ly|ity)?|idiotic|dumb\s+mistake)/,
  /(?:not|wasn't|weren't|didn't|did\s+not|was\s+not)\s+pay(?:ing)?\s+attention/,
  /lack\s+of\s+(?:attention|care|diligence)/,
  /inattenti(?:ve|on)/,
  // The writer blaming themselves is blame too: it makes a person the cause, not what let the slip through.
  /(?:i'm|i\s+am|i\s+was|i\s+felt\s+like)\s+(?:such\s+)?(?:an?\s+)?(?:complete\s+|total\s+)?(?:idiot|fool|moron)/,
  /(?:my|entirely\s+my|all\s+my)\s+(?:own\s+)?(?:fault|mistake|blunder|screw-?up)/,
  /i\s+(?:messed|screwed)\s+up/,
  /i\s+(?:had\s+)?made\s+(?:a|an|another|the)\s+(?:[\w-]+\s+)?(?:mistake|error|blunder)/,
];

/** A person as the cause: "caused by @x", "because @x forgot", "@x's mistake", "mistake by Dave", "blame Dave". */
const PERSON_AS_CAUSE: readonly RegExp[] = [
  new RegExp(String.raw`(?:caused|broken|triggered|introduced)\s+by\s+${HANDLE}`, 'i'),
  new RegExp(String.raw`because\s+(?:of\s+)?${HANDLE}`, 'i'),
  new RegExp(String.raw`${HANDLE}(?:'s)?\s+(?:mistake|error|fault|carelessness|negligence|oversight|screw-?up|blunder)`, 'i'),
  new RegExp(String.raw`${HANDLE}\s+(?:broke|messed\s+up|screwed\s+up|neglected|overlooked|ignored)`, 'i'),
  new RegExp(String.raw`\b${NAME}'s\s+(?:mistake|fault|carelessness|negligence|blunder|screw-?up)`),
  new RegExp(String.raw`(?:[Mm]istake|[Bb]lunder|[Oo]versight|[Ee]rror)\s+(?:made\s+)?(?:by|of)\s+(?:${HANDLE}|${NAME}\b)`),
  new RegExp(String.raw`[Bb]lame\s+(?:${HANDLE}|${NAME}\b)`),
  // A person as the subject of a lapse: "he wasn't fully aware", "Dave didn't check", "the operator did not notice".
  // Capitalised names include systems ("Travis didn't check"), so a name needs a lapse only a mind has.
  new RegExp(String.raw`\b(?:${PRONOUN_OR_ROLE})\s+(?:was\s+not|wasn't|did\s+not|didn't|had\s+not|hadn't|never)\s+(?:fully\s+|really\s+|even\s+|properly\s+)?(?:aware|know|knew|realiz\w*|realis\w*|notic\w*|check\w*|read|think|test\w*|verif\w*|follow\w*|understand|pay\w*\s+attention)\b`),
  new RegExp(String.raw`\b(?:${ONE_PERSON})\s+(?:was\s+not|wasn't|did\s+not|didn't|had\s+not|hadn't)\s+(?:fully\s+|really\s+|even\s+)?(?:aware|know|knew|realiz\w*|realis\w*|think\s+to|understand)\b`),
  new RegExp(String.raw`\b(?:${ONE_PERSON})\s+(?:forgot|overlooked|misread|mistyped)\b`),
  // One person who erred: "Dave made a mistake", "she made a careless error", "Kim messed up". A mistake is a mind's, not a system's.
  new RegExp(String.raw`\b(?:${ONE_PERSON})\s+(?:(?:had\s+)?made\s+(?:a|an|another|the)\s+(?:[\w-]+\s+)?(?:mistake|error|blunder)|messed\s+up|screwed\s+up)\b`),
];

/**
 * Every match of a case-sensitive pattern above holds one of these words (whatever the case):
 * a cheap test that lets the usual line skip the expressions that try every capitalised word.
 */
const CASED_GATE = /mistake|fault|careless|negligen|blunder|screw|messed|oversight|error|lame|not|n't|never|forgot|overlooked|misread|mistyped/i;

/**
 * Every match of a case-insensitive pattern above (the built-in phrases and a person as the
 * cause) holds one of these words: the usual line, which holds none, skips their scan.
 */
const WORD_GATE =
  /error|fool|moron|careless|should|fault|blam|negligen|incompeten|forg|fail|neglect|without|slopp|reckless|lazi|stupid|idiot|dumb|attention|lack|inattenti|caused|broke|triggered|introduced|because|mistake|oversight|screw|blunder|messed|overlooked|ignored/i;

/**
 * "forgot to" and "failed to notice" blame a person only when a person does it:
 * "we forgot to", "Dave failed to notice", not "the pipeline failed to notice".
 */
const NEEDS_PERSON = /^(?:forg|failed|neglected|should)/i;
// Collective subjects ("we", "the team", "engineers") are not here: "we forgot to" or "we should have realized" owns a lapse
// together, it blames no one; nor is a thing ("the alert should have caught it").
const PERSON_WORDS = String.raw`[Ii]|he|she|you|someone|somebody|engineer|developer|operator|admin|on-?call|responder|reviewer|author|(?!We\b|They\b)[A-Z][a-z]+|@[A-Za-z0-9](?:[\w.-]*\w)?`;

/** Words that undo the blame when they come just before it in the same clause ("this was not human error"). */
const NEGATION = /\b(?:not|no|never|nobody|none|neither|nor|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|without|rather\s+than|instead\s+of|avoid|blameless)\b[^.;:!?]{0,30}$/i;
const NEGATION_AFTER = /^[^.;:!?]{0,12}\b(?:is|was|were|are)\s+(?:not|never|rarely)\b/i;

export interface BlameOptions {
  /** Extra phrases, matched as whole words regardless of case. */
  extra?: readonly string[];
  /** Built-in phrases not to report (compared with the start of the words found). */
  allow?: readonly string[];
}

const compiled = new Map<string, RegExp[]>();
const joined = new WeakMap<RegExp[], RegExp[]>();

/** The patterns as one alternation per set of flags: matches somewhere exactly when one of them does. */
function anyOf(patterns: RegExp[]): RegExp[] {
  let out = joined.get(patterns);
  if (!out) {
    const byFlags = new Map<string, string[]>();
    for (const re of patterns) {
      const flags = re.flags.replace('g', '');
      byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${re.source})`]);
    }
    out = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
    joined.set(patterns, out);
  }
  return out;
}

function patternsFor(options: BlameOptions): RegExp[] {
  const key = (options.extra ?? []).join('\0');
  let out = compiled.get(key);
  if (!out) {
    const extra = (options.extra ?? [])
      .map((w) => w.trim())
      .filter(Boolean)
      .map((w) => new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')));
    out = [...BUILT_IN, ...extra].map((re) => new RegExp(String.raw`(?<![\w'’-])(?:${re.source})(?![\w-])`, 'gi'));
    out.push(...PERSON_AS_CAUSE.map((re) => new RegExp(re.source, re.flags.includes('i') ? 'gi' : 'g')));
    compiled.set(key, out);
  }
  return out;
}

/**
 * The first blaming phrase in one line of prose (already masked of code and links),
 * overlapping matches merged, negated, quoted and collective ones left out.
 */
export function blameIn(text: string, options: BlameOptions = {}): BlameMatch[] {
  // One character for one, so the offsets found are the text's.
  const line = straightQuotes(text);
  const patterns = patternsFor(options);
  // The case-sensitive patterns (a person as the cause) each need one of the words of CASED_GATE: a line without any skips them.
  const cased = CASED_GATE.test(line);
  // The case-insensitive ones each need a word of WORD_GATE (or a phrase of the user's own).
  const insensitive = !!options.extra?.length || WORD_GATE.test(line);
  if (!cased && !insensitive) return [];
  // One scan for most lines, which have none of the phrases: the patterns joined (by case flag).
  if (!anyOf(patterns).some((re) => (re.flags.includes('i') ? insensitive : cased) && re.test(line))) return [];
  const sentences = exculpatedSentences(line);
  const allow = (options.allow ?? []).map((a) => a.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean);
  const found: BlameMatch[] = [];
  for (const re of patterns) {
    if (!cased && !re.flags.includes('i')) continue;
    re.lastIndex = 0;
    for (const m of line.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      const phrase = text.slice(start, end);
      const norm = phrase.toLowerCase().replace(/\s+/g, ' ');
      if (allow.some((a) => norm.startsWith(a))) continue;
      if (NEEDS_PERSON.test(phrase) && !personBefore(line, start)) continue;
      if (sentences.some(([from, to]) => start >= from && start < to)) continue;
      if (negatedBefore(line, start) || NEGATION_AFTER.test(line.slice(end))) continue;
      if (quoteBefore(line, start) && /^\s*["”'’]/.test(line.slice(end))) continue; // quoted: talking about the words
      found.push({ start, end, phrase });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: BlameMatch[] = [];
  for (const f of found) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) merged[merged.length - 1] = { start: last.start, end: f.end, phrase: line.slice(last.start, f.end) };
    } else merged.push(f);
  }
  // One finding per line (a paragraph, often): "User error was made here … the user didn't think to scroll down" is one blaming account.
  return merged.slice(0, 1);
}

/**
 * A sentence that clears people or owns the failure together ("We cannot blame anyone…",
 * "our team is solely responsible", "no one is at fault") blames no one, whatever words
 * it uses. Returns the [start, end) offsets of such sentences.
 */
const EXCULPATORY =
  /\b(?:can(?:not|'t|\s+not)\s+(?:really\s+)?blame|not\s+(?:to\s+)?blame|no(?:\s+one|body)\b|blameless|not\s+(?:anyone|anybody|someone|somebody|one\s+person)'?s?\s+fault|(?:we|our\s+team|the\s+team|all\s+of\s+us)\s+(?:are|is|were|was)\s+(?:\w+\s+){0,2}responsible|collective(?:ly)?|as\s+a\s+team|shared\s+responsibility|(?:assum|suspect)\w*\s+(?:it\s+was\s+)?(?:an?\s+)?(?:user|human|operator)\s+error|(?:incorrect|wrong|unfair|pointless|unhelpful|unproductive|counter-?productive|not\s+(?:useful|helpful|right|fair))\s+to\s+(?:focus\s+on|blame|single\s+out|point\s+(?:at|to))\s+(?:the\s+|an?\s+|one\s+)?(?:individuals?|persons?|people|engineers?|operators?|humans?)|(?:rather|instead)\s+than\s+(?:on\s+)?(?:the\s+|an?\s+)?(?:individuals?|persons?|people)\b|\bon\s+our\s+(?:part|side|end)\b|\bour\s+(?:own\s+)?(?:mistake|error|fault|oversight)\b)/i;

/** A paragraph that owns the failure together ("We cannot blame…", "our team is solely responsible"): no line of it is blame. */
export function ownsTogether(text: string): boolean {
  const paragraph = straightQuotes(text);
  return /\b(?:can(?:not|'t|\s+not)\s+(?:really\s+)?blame|not\s+to\s+blame|(?:we|our\s+team|the\s+team|all\s+of\s+us)\s+(?:are|is|were|was)\s+(?:\w+\s+){0,2}responsible|collectively\s+responsible|shared\s+responsibility)\b/i.test(paragraph);
}

function exculpatedSentences(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const m of line.matchAll(/[.!?;](?:\s|$)|$/g)) {
    const to = m.index! + m[0].length;
    if (to > from && EXCULPATORY.test(line.slice(from, to))) out.push([from, to]);
    from = to;
    if (m[0] === '') break;
  }
  // "We cannot blame … sloppy fixes … our team is solely responsible": the clearing may close the paragraph's thought.
  if (out.length && EXCULPATORY.test(line)) return [[0, line.length]];
  return out;
}

/*
 * The tests on the text before a phrase, in time proportional to what they look at:
 * run on the whole prefix, an expression anchored at its end (`…$`) is tried from
 * every position, which made a line full of phrases quadratic (issue 17). Each
 * answers exactly what the expression in its comment answers on `line.slice(0, start)`.
 */

const SPACE = /\s/;
const WORD = /\w/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);

/** Where the white space run ending at `end` starts. */
function spaceRunStart(line: string, end: number): number {
  let k = end;
  while (k > 0 && isSpace(line[k - 1])) k--;
  return k;
}

/**
 * NEGATION on the prefix. A match ends at most 30 characters before `start` and its
 * words are at most 9 letters long, except "rather than" and "instead of", whose
 * white space may be long: so the window reaches 40 characters back, across any run
 * of white space there and 8 characters beyond. A stand-in character of the same kind
 * (word or not) as the one before the window keeps `\b` at its edge as it was.
 */
export function negatedBefore(line: string, start: number): boolean {
  let k = Math.max(0, start - 40);
  k = Math.max(0, spaceRunStart(line, k) - 8);
  const window = line.slice(k, start);
  return NEGATION.test(k === 0 ? window : (WORD.test(line[k - 1]!) ? '_' : ' ') + window);
}

/** `/["“'‘]\s*$/` on the prefix. */
export function quoteBefore(line: string, start: number): boolean {
  const c = line[spaceRunStart(line, start) - 1];
  return c === '"' || c === '“' || c === "'" || c === '‘';
}

const AUXILIARY = new Set(['had', 'has', 'have', 'just', 'simply', 'also', 'then', 'again', 'all', 'both']);
const PERSON_AT_END = new RegExp(String.raw`\b(?:${PERSON_WORDS})$`);

/**
 * PERSON_BEFORE on the prefix: nothing before; a clause mark then white space; or a
 * person, white space, and auxiliaries each followed by white space. Read backwards,
 * word by word (a word here is what lies between white space), it stops at the first
 * word that is neither a person nor an auxiliary.
 */
export function personBefore(line: string, start: number): boolean {
  if (start === 0) return true;
  const trimmed = spaceRunStart(line, start);
  if (trimmed > 0 && '.;:!?'.includes(line[trimmed - 1]!)) return true;
  let end = start;
  for (;;) {
    const wordEnd = spaceRunStart(line, end);
    if (wordEnd === end || wordEnd === 0) return false;
    let wordStart = wordEnd;
    while (wordStart > 0 && !isSpace(line[wordStart - 1])) wordStart--;
    const word = line.slice(wordStart, wordEnd);
    if (PERSON_AT_END.test(word)) return true;
    if (!AUXILIARY.has(word)) return false;
    end = wordStart;
  }
}
