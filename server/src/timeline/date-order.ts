/**
 * The order a document writes numeric dates in (`03/04`), inferred from its own
 * evidence as a reader does: a component over 12 settles it (`4/21/23` is month
 * first, `21/4/23` day first); failing that, the zones it uses (US zones write month
 * first); failing that, day first. Contradicting evidence settles nothing, so the
 * default stands and impossible dates are reported rather than swapped.
 */
import type { PostMortemModel } from '../model/document.js';
import type { Settings } from '../settings.js';
import type { DateOrder } from '../time/parse.js';

const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/])/g;
const US_ZONE = /\b(?:P[SD]T|E[SD]T|C[SD]T|M[SD]T|PT|ET|Pacific|Eastern)\b/;
const MAX_CHARS = 200_000;

/** The date order of a document: the setting when it names one, else the document's evidence. */
export function dateOrderOf(model: PostMortemModel, settings: Pick<Settings, 'dateOrder'>): DateOrder {
  if (settings.dateOrder !== 'auto') return settings.dateOrder;
  // The timeline and several checks ask for it: read the whole text once per model.
  let order = inferred.get(model);
  if (!order) inferred.set(model, (order = inferDateOrder(model.text)));
  return order;
}

const inferred = new WeakMap<PostMortemModel, DateOrder>();

/** The numeric date order a text's own dates and zones point to (DMY when nothing does). */
export function inferDateOrder(text: string): DateOrder {
  const t = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  let dayFirst = false;
  let monthFirst = false;
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(t); m; m = NUMERIC_DATE.exec(t)) {
    // "07-27" alone is a range or a score, not a date: a dash needs the year.
    if (m[2] === '-' && m[4]?.length !== 4) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst = true;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'DMY' : 'MDY';
  if (!dayFirst && US_ZONE.test(t)) return 'MDY';
  return 'DMY';
}
