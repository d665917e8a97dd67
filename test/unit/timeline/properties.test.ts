/**
 * Property tests: instants written in any supported format and zone extract to the
 * same instants; after "Sort timeline" there is no timeline.order, the lines are the
 * same lines, and sorting again changes nothing. Local times are computed with
 * date-fns-tz, independently of the code under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatInTimeZone } from 'date-fns-tz';
import { analyze, applyEdits, codeActions, hover as hoverAt } from '../../../server/src/service.js';
import { timelineView } from '../../../server/src/timeline/view.js';
import { md } from '../../helpers/docs.js';
import { instants, timelineOfText, timelineSettings } from '../../helpers/timeline.js';

const MIN = Date.UTC(2000, 0, 1) / 60_000;
const MAX = Date.UTC(2035, 0, 1) / 60_000;
const IANA = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles', 'Europe/London', 'Asia/Tokyo', 'UTC'];
const FIXED = [0, 330, -180, 120, -600, 345];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type ZoneChoice = { kind: 'iana'; name: string } | { kind: 'fixed'; minutes: number };
const zoneArb = fc.oneof(fc.constantFrom(...IANA).map((name): ZoneChoice => ({ kind: 'iana', name })), fc.constantFrom(...FIXED).map((minutes): ZoneChoice => ({ kind: 'fixed', minutes })));

const pad = (n: number) => String(n).padStart(2, '0');
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const offsetText = (m: number) => `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;

interface Local {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  wd: number;
  offset: string;
}

/** The wall-clock fields of an instant in a zone (date-fns-tz for IANA zones, arithmetic for offsets). */
function local(ms: number, z: ZoneChoice): Local {
  if (z.kind === 'fixed') {
    const d = new Date(ms + z.minutes * 60_000);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), wd: d.getUTCDay(), offset: offsetText(z.minutes) };
  }
  const [y, mo, d, h, mi, wd, offset] = formatInTimeZone(new Date(ms), z.name, 'yyyy MM dd HH mm i xxx').split(' ');
  return { y: +y!, mo: +mo!, d: +d!, h: +h!, mi: +mi!, wd: +wd! % 7, offset: offset! };
}

/** True when the wall-clock time of `ms` also happens an hour before or after (a DST overlap). */
function ambiguousLocal(ms: number, z: ZoneChoice): boolean {
  if (z.kind === 'fixed') return false;
  const key = (t: number) => formatInTimeZone(new Date(t), z.name, 'yyyy-MM-dd HH:mm');
  return key(ms) === key(ms - 3_600_000) || key(ms) === key(ms + 3_600_000);
}

const zoneText = (z: ZoneChoice) => (z.kind === 'iana' ? z.name : z.minutes === 0 ? 'UTC' : `UTC${offsetText(z.minutes)}`);

const DATES: Array<(l: Local) => string> = [
  (l) => `${l.y}-${pad(l.mo)}-${pad(l.d)}`,
  (l) => `${l.d} ${MONTHS[l.mo - 1]} ${l.y}`,
  (l) => `${MONTHS[l.mo - 1]} ${l.d}, ${l.y}`,
  (l) => `${LONG[l.mo - 1]} ${l.d}, ${l.y}`,
  (l) => `${WEEKDAYS[l.wd]}, ${l.d} ${LONG[l.mo - 1]} ${l.y}`,
  (l) => `${pad(l.d)}/${pad(l.mo)}/${l.y}`, // DMY: the default when the document shows no other order
  (l) => `${LONG[l.mo - 1]} ${ordinal(l.d)}, ${l.y}`,
  (l) => `${ordinal(l.d)} ${MONTHS[l.mo - 1]} ${l.y}`,
  (l) => `${pad(l.d)}.${pad(l.mo)}.${l.y}`,
];
const TIMES: Array<(l: Local) => string> = [
  (l) => `${pad(l.h)}:${pad(l.mi)}`,
  (l) => `${pad(l.h)}:${pad(l.mi)}:00`,
  (l) => `${l.h % 12 || 12}:${pad(l.mi)} ${l.h < 12 ? 'AM' : 'PM'}`,
  (l) => `${l.h % 12 || 12}:${pad(l.mi)}${l.h < 12 ? 'am' : 'pm'}`,
  (l) => `${l.h % 12 || 12}:${pad(l.mi)} ${l.h < 12 ? 'a.m.' : 'p.m.'}`,
];

/** One entry (with the lines giving it context) in one of the timeline shapes. */
const SHAPES: Array<(l: Local, date: string, time: string, zone: string, i: number) => string[]> = [
  (_l, date, time, zone, i) => [`- ${date} ${time} ${zone} - event ${i}`],
  (l, _date, _time, _zone, i) => [`- ${l.y}-${pad(l.mo)}-${pad(l.d)}T${pad(l.h)}:${pad(l.mi)}:00${l.offset} - event ${i} with its offset`],
  (_l, date, time, zone, i) => [`### ${date}`, '', `- **${time} ${zone}** — event ${i}`],
  (_l, date, time, zone, i) => [`| Time | Event |`, `| --- | --- |`, `| ${date} ${time} ${zone} | event ${i} |`],
  (_l, date, time, zone, i) => [`**${date}**`, '', `${time} ${zone} - event ${i}`],
  (_l, date, time, zone, i) => [`- \`${date} ${time} ${zone}\`: event ${i}`],
  (_l, date, time, zone, i) => [`### ${date} ${time} ${zone}`, '', `event ${i} under a heading that is its time`],
  (_l, date, time, zone, i) => [`At ${time} ${zone} on ${date}, event ${i} began.`],
  (_l, date, time, zone, i) => [`- [${date} ${time} ${zone}] event ${i} in brackets`],
  (_l, date, time, zone, i) => [`### _${date}_`, '', `- ${time} ${zone} | event ${i} under an italic day heading`],
];

const eventArb = fc.record({
  minute: fc.integer({ min: MIN, max: MAX }),
  zone: zoneArb,
  date: fc.integer({ min: 0, max: DATES.length - 1 }),
  time: fc.integer({ min: 0, max: TIMES.length - 1 }),
  shape: fc.integer({ min: 0, max: SHAPES.length - 1 }),
});

test('property: instants written in any supported format and zone extract to the same instants', () => {
  fc.assert(
    fc.property(fc.array(eventArb, { minLength: 1, maxLength: 6 }), (events) => {
      const lines = ['## Timeline', ''];
      events.forEach((e, i) => {
        const ms = e.minute * 60_000;
        fc.pre(!ambiguousLocal(ms, e.zone));
        const l = local(ms, e.zone);
        lines.push(...SHAPES[e.shape]!(l, DATES[e.date]!(l), TIMES[e.time]!(l), zoneText(e.zone), i), '', '#### (end)', '');
      });
      const text = md(...lines);
      const { timeline, analysis } = timelineOfText(text);
      const expected = events.map((e) => new Date(e.minute * 60_000).toISOString().replace('.000Z', 'Z'));
      assert.deepEqual(instants(timeline), expected, text);
      const bad = analysis.findings.filter((f) => /^timeline\.(invalid|nonexistent|ambiguous|timezone)/.test(f.code));
      assert.deepEqual(bad, [], text);
    }),
    { numRuns: 300 },
  );
});

test('property: a zone stated once (statement, frontmatter or setting) places every time-only entry', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: MIN, max: MAX }), { minLength: 1, maxLength: 5 }), zoneArb, fc.constantFrom('statement', 'frontmatter', 'setting'), fc.integer({ min: 0, max: TIMES.length - 1 }), (minutes, zone, where, time) => {
      const name = zone.kind === 'iana' ? zone.name : offsetText(zone.minutes);
      const lines: string[] = where === 'frontmatter' ? ['---', `timezone: ${name}`, '---', ''] : [];
      lines.push('## Timeline', '', ...(where === 'statement' ? [`All times are ${name}.`, ''] : []));
      for (const m of minutes) {
        fc.pre(!ambiguousLocal(m * 60_000, zone));
        const l = local(m * 60_000, zone);
        lines.push(`### ${l.y}-${pad(l.mo)}-${pad(l.d)}`, '', `- ${TIMES[time]!(l)} - entry`, '');
      }
      const settings = timelineSettings(where === 'setting' ? { defaultTimezone: name } : {});
      const { timeline } = timelineOfText(md(...lines), settings);
      assert.deepEqual(instants(timeline), minutes.map((m) => new Date(m * 60_000).toISOString().replace('.000Z', 'Z')));
    }),
    { numRuns: 200 },
  );
});

/** A document whose timeline holds the entries in one shape, in a given order. */
function sortable(shape: 'list' | 'table' | 'lines' | 'br', entries: Array<{ stamp: string; extra: boolean }>, zone: string): string {
  const head = ['## Timeline', '', `All times are ${zone}.`, ''];
  const tail = ['', '## Root cause', '', 'Something.'];
  switch (shape) {
    case 'list':
      return md(...head, ...entries.flatMap((e, i) => [`- ${e.stamp} - entry ${i}`, ...(e.extra ? [`  more about entry ${i}`, `  - a note on entry ${i}`] : [])]), ...tail);
    case 'table':
      return md(...head, '| Time | Event |', '| --- | --- |', ...entries.map((e, i) => `| ${e.stamp} | entry ${i} |`), ...tail);
    case 'lines':
      return md(...head, ...entries.flatMap((e, i) => [`${e.stamp} - entry ${i}`, ...(e.extra ? [`continued ${i}`, ''] : [])]), ...tail);
    case 'br':
      return md(...head, entries.map((e, i) => `${e.stamp} - entry ${i}`).join('<br>'), ...tail);
  }
}

test('property: after Sort timeline there is no timeline.order, the lines are the same lines, and a second sort changes nothing', () => {
  const entry = fc.record({
    minute: fc.integer({ min: Date.UTC(2024, 2, 8) / 60_000, max: Date.UTC(2024, 2, 12) / 60_000 }),
    dateOnly: fc.boolean(),
    date: fc.integer({ min: 0, max: DATES.length - 1 }),
    time: fc.integer({ min: 0, max: TIMES.length - 1 }),
    extra: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(entry, { minLength: 2, maxLength: 12 }), zoneArb, fc.constantFrom('list', 'table', 'lines', 'br') as fc.Arbitrary<'list' | 'table' | 'lines' | 'br'>, (entries, zone, shape) => {
      const name = zone.kind === 'iana' ? zone.name : offsetText(zone.minutes);
      const written = entries.map((e) => {
        const l = local(e.minute * 60_000, zone);
        const date = DATES[e.date]!(l);
        return { stamp: e.dateOnly && shape !== 'lines' && shape !== 'br' ? date : `${date} ${TIMES[e.time]!(l)}`, extra: e.extra };
      });
      const text = sortable(shape, written, name);
      const before = analyze(text, { force: true });
      const order = before.findings.filter((f) => f.code === 'timeline.order');
      const fix = order.length ? codeActions(before, order, ['quickfix']).find((f) => f.title === 'Sort timeline chronologically') : undefined;
      assert.equal(!!fix, order.length > 0, `a sort is offered exactly when something is out of order\n${text}`);
      if (!fix) return;
      assert.equal(fix.safe, true);
      const out = applyEdits(text, fix.edits);
      const after = analyze(out, { force: true });
      assert.deepEqual(after.findings.filter((f) => f.code === 'timeline.order'), [], `still out of order:\n${out}`);
      if (shape === 'br') assert.deepEqual([...out].sort(), [...text].sort(), 'every character kept');
      else assert.deepEqual(out.split('\n').sort(), text.split('\n').sort(), 'the same lines');
      const resolved = (a: typeof before) => timelineOfText(a.model.text).timeline.events.map((e) => e.utc ?? null).sort();
      assert.deepEqual(resolved(after), resolved(before), 'the same instants');
      assert.deepEqual(codeActions(after, [], ['source.fixAll']).filter((f) => f.edits.length && f.title.startsWith('Sort')), []);
    }),
    { numRuns: 300 },
  );
});

test('property: any mix of timeline-like lines is analysed without a failing rule, and the view, hover and sort hold', () => {
  const token = fc.constantFrom(
    '- ', '* ', '1. ', '| ', ' | ', '|---|---|', '### ', '**', '`', '[', ']', '(x)', '<br>', '> ', '  ', '\t',
    '10:00', '23:59', '00:10', '3:26pm', '12:00 AM', '13:55 PM', '25:10', '2024-03-10 02:30', '2024-11-03 01:30', '2023-02-30',
    '2024-01-01', 'Aug 25', '25 Aug 2023', '03/04', '2022-05-??', 'HH:mm', '~', ' - ', ': ', ' — ', 'UTC', 'IST', 'PST/PDT',
    'Europe/Berlin', '+02:00', 'Z', 'All times in ', 'America/New_York', '[started]', '[resolved]', '<START OF OUTAGE>', '@ana', 'text', '\n', '\n\n', '\r\n',
  );
  const line = fc.array(token, { minLength: 0, maxLength: 8 }).map((t) => t.join(''));
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom('DMY', 'MDY') as fc.Arbitrary<'DMY' | 'MDY'>, (lines, dateOrder) => {
      const text = md('---', 'timezone: America/New_York', 'started: 2024-03-10 01:00', 'resolved: 2024-03-09 23:00', '---', '## Summary', '', 'It lasted 2 hours.', '', '## Timeline', '', ...lines);
      const settings = timelineSettings({ dateOrder });
      const a = analyze(text, { force: true, settings });
      assert.deepEqual(a.findings.filter((f) => f.code === 'internal.rule-error'), []);
      for (const f of a.findings) assert.ok(f.range.end.line < a.model.lines.lineCount && f.range.end.character <= a.model.lines.lineLength(f.range.end.line), f.code);
      const { timeline } = timelineOfText(text, settings);
      for (const ev of timeline.events) hoverAt(a, ev.stampRange.start);
      timelineView(a, 'u', 1);
      const all = codeActions(a, a.findings, ['quickfix']);
      for (const fix of all) {
        const out = applyEdits(text, fix.edits);
        if (fix.title === 'Sort timeline chronologically') assert.deepEqual([...out].sort(), [...text].sort(), 'the sort keeps every character');
      }
    }),
    { numRuns: 300 },
  );
});

const INVALID_DATES: Array<(y: number, mo: number, d: number) => string> = [
  (y, mo, d) => `${y}-${pad(mo)}-${pad(d)}`,
  (y, mo, d) => `${d} ${mo <= 12 ? MONTHS[mo - 1] : 'Foo'} ${y}`,
  (y, mo, d) => `${mo <= 12 ? LONG[mo - 1] : 'Foo'} ${d}, ${y}`,
  (y, mo, d) => `${pad(d)}/${pad(mo)}/${y}`,
];

test('property: no input yields an instant from an invalid date (day past the month\'s end, month 13+), in any shape', () => {
  const invalidArb = fc
    .record({ y: fc.integer({ min: 2000, max: 2035 }), mo: fc.integer({ min: 1, max: 19 }), d: fc.integer({ min: 1, max: 39 }), shape: fc.integer({ min: 0, max: INVALID_DATES.length - 1 }), h: fc.integer({ min: 0, max: 23 }) })
    .filter(({ y, mo, d, shape }) => {
      const invalid = (month: number, day: number) => month > 12 || day > new Date(Date.UTC(y, month, 0)).getUTCDate();
      // A numeric date may be read either way round (dateOrder auto): it must be impossible both ways.
      return invalid(mo, d) && (shape !== 3 || invalid(d, mo));
    });
  fc.assert(
    fc.property(invalidArb, fc.constantFrom('- ', '### ', '| ', ''), ({ y, mo, d, shape, h }, lead) => {
      const date = INVALID_DATES[shape]!(y, mo, d);
      const row = lead === '| ' ? ['| Time | Event |', '| --- | --- |', `| ${date} ${pad(h)}:15 UTC | event |`] : [`${lead}${date} ${pad(h)}:15 UTC - event`];
      const text = md('## Timeline', '', ...row, '- 10:00 UTC - a time-only entry after it');
      const { timeline } = timelineOfText(text);
      const fromInvalid = timeline.events.filter((e) => e.raw.includes(String(d)) && e.raw.includes(':15'));
      for (const e of fromInvalid) assert.equal(e.utc, undefined, `${text}\n→ ${e.raw} was given an instant`);
      // Nothing takes its day from the invalid date either.
      for (const e of timeline.events) if (e.date) assert.ok(!(e.date.month === mo && e.date.day === d), text);
    }),
    { numRuns: 300 },
  );
});
