/**
 * Whether a post-mortem is written in English. The checks that read English words (the
 * names of sections, what a summary says, an action's wording, blame) cannot read a
 * post-mortem in Norwegian or German: there they would report sections as missing that
 * are present under "Sammendrag" or "Tidslinje". They stay silent instead; the checks
 * of structure and time (timeline order, zones, dates, empty sections) still run.
 *
 * A document is taken to be in another language when the function words of common
 * other languages outnumber the English ones in its prose ("og", "det", "ikke"; "und",
 * "nicht"; "les", "pour"), which English prose, however terse, never does. The word
 * lists are data: words shared with English ("men", "die", "plus", "van") are left out.
 */
import type { PostMortemModel } from '../model/document.js';
import { proseLines } from './text.js';

const ENGLISH = new Set(
  'the and of to a in is was we it that for on with this be are were not at by as from our has have had an or but which after when there they been will all so no if into their its out up more some can could would should did do does you he she what how why who these those than then also because about'.split(' '),
);

const OTHER = new Set(
  [
    // Norwegian, Danish, Swedish
    'og det som på er av til med ikke et har vi jeg fra kan skal ble eller når hva hvor hvordan også etter før mot blir være vært hadde och inte att för har är',
    // German
    'und der das ist nicht ein eine mit auf für von zu dem wir sie es auch wurde wurden bei nach aus wie oder aber noch nur sich',
    // French
    'les des est une pas dans que qui sur avec nous sont été cette ont',
    // Spanish, Portuguese, Italian
    'el los las del por una para está fue como pero sus más muy también não uma são foi il della sono',
    // Dutch
    'het een niet voor zijn wordt werd ook maar bij naar',
  ]
    .join(' ')
    .split(' '),
);

/** Below this many words a document says too little to tell: it is taken for English. */
const MIN_WORDS = 40;
/** Its first few hundred words tell a document's language as well as all of them: reading stops here. */
const ENOUGH_WORDS = 250;

const NOT_LETTERS = /[^\p{L}]+/u;

const memo = new WeakMap<PostMortemModel, boolean>();

/** False when the document's prose is plainly in another language than English. */
export function writtenInEnglish(model: PostMortemModel): boolean {
  let english = memo.get(model);
  if (english === undefined) memo.set(model, (english = countsAsEnglish(proseTexts(model))));
  return english;
}

/** The prose lines of the document (read once per model, shared with the other checks). */
function* proseTexts(model: PostMortemModel): Generator<string> {
  for (const line of proseLines(model, model.blocks)) yield line.text;
}

/** The same judgement on lines of prose. */
export function countsAsEnglish(lines: Iterable<string>): boolean {
  let words = 0;
  let english = 0;
  let other = 0;
  read: for (const line of lines) {
    for (const word of line.toLowerCase().split(NOT_LETTERS)) {
      if (!word) continue;
      words++;
      if (ENGLISH.has(word)) english++;
      else if (OTHER.has(word)) other++;
      if (words >= ENOUGH_WORDS) break read;
    }
    // Decided once the other languages could not catch up in the words left to read.
    if (words >= MIN_WORDS && english - other > ENOUGH_WORDS - words) return true;
  }
  return words < MIN_WORDS || other <= english;
}
