import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStamp, type ParsedStamp } from '../../../server/src/time/parse.js';
import { STAMP_EXAMPLES } from '../../../server/src/time/stamp-examples.js';

const p = (text: string, order: 'DMY' | 'MDY' = 'DMY') => parseStamp(text, 0, order);
/** A compact view of what was read: date, time, zone label, flags. */
function read(s: ParsedStamp | undefined) {
  if (!s) return undefined;
  const d = s.date ? `${s.date.year ?? '????'}-${String(s.date.month).padStart(2, '0')}-${String(s.date.day).padStart(2, '0')}` : '';
  const t = s.time ? `${String(s.time.hour).padStart(2, '0')}:${String(s.time.minute).padStart(2, '0')}:${String(s.time.second).padStart(2, '0')}` : '';
  const z = s.zone ? (s.zone.lookup.kind === 'zone' ? (s.zone.lookup.zone.kind === 'iana' ? s.zone.lookup.zone.name : s.zone.lookup.zone.offsetMinutes) : `ambiguous ${s.zone.lookup.label}`) : '';
  return [d, t, z].join('|');
}

test('ISO 8601 with T, Z and offsets', () => {
  assert.equal(read(p('2024-08-20T14:02:00Z')), '2024-08-20|14:02:00|0');
  assert.equal(read(p('2024-08-20T14:02+02:00')), '2024-08-20|14:02:00|120');
  assert.equal(read(p('2024-08-20T14:02:30-0530')), '2024-08-20|14:02:30|-330');
  assert.equal(p('2024-08-20T14:02:00Z - deploy')!.raw, '2024-08-20T14:02:00Z');
});

test('YYYY-MM-DD HH:MM[:SS], HH:MM[:SS] and a zone after the time', () => {
  assert.equal(read(p('2024-08-20 14:02')), '2024-08-20|14:02:00|');
  assert.equal(read(p('2024-08-20 14:02:09')), '2024-08-20|14:02:09|');
  assert.equal(read(p('2021-12-10   15:40')), '2021-12-10|15:40:00|', 'several spaces, as dfds writes them');
  assert.equal(read(p('8:40')), '|08:40:00|');
  assert.equal(read(p('14:02 UTC')), '|14:02:00|0');
  assert.equal(read(p('14:02 GMT+2')), '|14:02:00|120');
  assert.equal(read(p('10:00 (Europe/Berlin)')), '|10:00:00|Europe/Berlin');
  assert.equal(read(p('09:30 PST/PDT')), '|09:30:00|America/Los_Angeles');
  assert.equal(read(p('09:30 PST')), '|09:30:00|-480');
  assert.equal(read(p('09:30 IST')), '|09:30:00|ambiguous IST');
  assert.equal(p('14:02 Deploy starts')!.raw, '14:02', 'a capitalised word after a time is not a zone');
});

test('12-hour clocks: 3:26pm, 03:26 PM, 3:26 p.m., 3pm; 12:00 AM is midnight and 12:00 PM noon', () => {
  assert.equal(read(p('3:26pm')), '|15:26:00|');
  assert.equal(read(p('03:26 PM')), '|15:26:00|');
  assert.equal(read(p('3:26 p.m.')), '|15:26:00|');
  assert.equal(read(p('3pm')), '|15:00:00|');
  assert.equal(read(p('12:00 AM')), '|00:00:00|');
  assert.equal(read(p('12:00 PM')), '|12:00:00|');
  assert.equal(read(p('12:30 am')), '|00:30:00|');
  assert.equal(read(p('11:59 PM')), '|23:59:00|');
  assert.equal(read(p('2018-08-22, 03:26pm')), '2018-08-22|15:26:00|');
  assert.equal(p('3:26pm')!.clock?.twelveHour, true);
});

test('a range whose end alone has AM/PM gives it to the start, unless the start would then come after the end', () => {
  assert.equal(read(p('10:07-10:29 AM')), '|10:07:00|');
  assert.equal(read(p('5:38-10:57 PM')), '|17:38:00|');
  assert.equal(read(p('11:45-12:10 PM')), '|11:45:00|');
  assert.equal(read(p('00:25 - 00:29 AM')), '|00:25:00|');
  assert.equal(read(p('13:00-2:00 PM')), '|13:00:00|');
  assert.equal(read(p('22:04-23:00 UTC: split')), '|22:04:00|0', 'the zone after the range is the start\'s');
  assert.equal(read(p('2024-08-20T14:02-05:00')), '2024-08-20|14:02:00|-300', 'after a T, a signed offset stays one');
});

test('a month-day date keeps its year before a colon separator', () => {
  assert.equal(read(p('May 15, 2020: proposal')), '2020-05-15||');
  assert.equal(p('May 15, 2020: proposal')!.raw, 'May 15, 2020');
});

test('impossible times and dates are found and say why', () => {
  assert.match(p('13:55 PM')!.problem!, /12-hour clock/);
  assert.match(p('0:30 PM')!.problem!, /12-hour clock/);
  assert.equal(read(p('00:25 AM')), '|00:25:00|', 'a zero hour with AM says what it means');
  assert.match(p('24:XX')!.problem!, /no hour 24/);
  assert.equal(p('22:XX')!.timeUnknown, true);
  assert.match(p('25:10')!.problem!, /no hour 25/);
  assert.match(p('10:61')!.problem!, /no minute 61/);
  assert.match(p('2023-02-30')!.problem!, /February 2023 has no day 30/);
  assert.equal(p('2024-02-29')!.problem, undefined, '2024 is a leap year');
  assert.match(p('2023-13-01 10:00')!.problem!, /no month 13/);
  assert.match(p('20202-01-16 12:00')!.problem!, /four-digit year/);
});

test('written dates: 25 Aug 2023, Aug 25, 2023, August 25, Sept. 18th, 2017, Monday, 25 August 2023', () => {
  assert.equal(read(p('25 Aug 2023')), '2023-08-25||');
  assert.equal(read(p('Aug 25, 2023')), '2023-08-25||');
  assert.equal(read(p('August 25')), '????-08-25||');
  assert.equal(read(p('Sept. 18th, 2017')), '2017-09-18||');
  assert.equal(read(p('Monday, 25 August 2023')), '2023-08-25||');
  assert.equal(read(p('October 29-30, 2025')), '2025-10-29||', 'a range of days starts on its first');
  assert.equal(read(p('Jan 14, 10:18 AM')), '????-01-14|10:18:00|');
  assert.equal(read(p('22:30 UTC (Oct 29)')), '????-10-29|22:30:00|0');
  assert.equal(read(p('14:00 on 25 Aug 2023')), '2023-08-25|14:00:00|');
});

test('numeric DD/MM and MM/DD follow the dateOrder setting and are never guessed', () => {
  assert.equal(read(p('03/04/2024 10:00', 'DMY')), '2024-04-03|10:00:00|');
  assert.equal(read(p('03/04/2024 10:00', 'MDY')), '2024-03-04|10:00:00|');
  assert.equal(read(p('25/08', 'DMY')), '????-08-25||');
  const wrong = p('08/25', 'DMY')!;
  assert.match(wrong.problem!, /no month 25.*dateOrder/, 'not silently swapped');
  assert.equal(read(p('25.08.2023')), '2023-08-25||', 'dots are always day.month.year');
});

test('ranges, approximate times and placeholders', () => {
  assert.equal(read(p('2020-10-06 09:00 - 11:00')), '2020-10-06|09:00:00|', 'a range starts at its first time');
  assert.equal(p('2020-10-06 09:00 - 11:00')!.raw, '2020-10-06 09:00 - 11:00');
  assert.equal(p('2022-08-03 12:26-12:??')!.raw, '2022-08-03 12:26-12:??');
  assert.equal(p('2020-11-17 10:45~')!.approximate, true);
  assert.equal(p('~2025-03-03 19:30')!.approximate, true);
  const hhmm = p('2024-03-13 HH:mm')!;
  assert.equal(hhmm.timeUnknown, true);
  assert.equal(read(hhmm), '2024-03-13||');
  assert.equal(p('2022-02-?? ??:??')!.incomplete, true);
  assert.equal(p('20xx-MM-DD HH:mm')!.incomplete, true);
});

test('text that is not a timestamp is not read as one', () => {
  for (const text of ['2 engineers joined', 'We rolled back', '100% of requests', 'v1.2.3 released', '']) assert.equal(p(text), undefined, text);
});

test('an emphasised time after a date, and an emphasised date in brackets after a time', () => {
  assert.equal(read(p('Dec 16th **12:43** first report')), '????-12-16|12:43:00|');
  assert.equal(p('Dec 16th **12:43** first report')!.raw, 'Dec 16th **12:43**');
  assert.equal(read(p('23:00 UTC(*April 5*)')), '????-04-05|23:00:00|0');
  assert.equal(read(p('Dec 16th **12:43 - unclosed')), '????-12-16||', 'an unclosed emphasis is not read as the time');
});

test('an AM/PM letter attached to the clock counts; a word after a space does not', () => {
  assert.equal(read(p('2017-05-09 10:45a')), '2017-05-09|10:45:00|');
  assert.equal(read(p('12:29p')), '|12:29:00|');
  assert.equal(read(p('1:15p')), '|13:15:00|');
  assert.equal(p('10:45 a server died')!.raw, '10:45');
  assert.equal(read(p('10:45 a server died')), '|10:45:00|');
});

test('a clock written with an h ("15h50") reads as one; a duration ("2h30m") and an hour alone ("3h") do not', () => {
  assert.equal(read(p('15h50 UTC')), '|15:50:00|0');
  assert.equal(p('2h30m later'), undefined);
  assert.equal(p('3h later'), undefined);
  assert.match(p('25h10')!.problem!, /not a time/);
});

test('a year after a date is never read as a four-digit clock at an offset ("2026" in "2026-06-12" is no 20:26 at UTC-06)', () => {
  for (const s of ['2026-06-10 - 2026-06-12 x', '2026-06-10 2026-06-12', '2019-01-01 2020-01 UTC']) {
    assert.equal(p(s)!.time, undefined, s);
    assert.deepEqual(p(s)!.date, { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) }, s);
  }
  assert.equal(read(p('2018-08-10 1250 UTC')), '2018-08-10|12:50:00|0', 'a four-digit clock before a zone still reads');
});

test('four digits after a full date are a clock only when the entry\'s separator follows: "2024-03-12 0616: …"', () => {
  assert.equal(read(p('2024-03-12 0616: wrong block')), '2024-03-12|06:16:00|');
  assert.equal(read(p('2024-03-12 1200 - x')), '2024-03-12|12:00:00|');
  assert.equal(p('2024-03-12 0616 blocks')!.time, undefined, 'a number after a date is not a time');
  assert.equal(p('Mar 12 0616: x')!.time, undefined, 'a date without its year: the four digits may be the year');
});

test('every example of the formats table reads as the table says', () => {
  for (const ex of STAMP_EXAMPLES) {
    const s = parseStamp(ex.written, 0, ex.order ?? 'DMY');
    assert.ok(s, ex.written);
    if (ex.invalid) {
      assert.ok(s.problem ?? s.rangeProblem, `${ex.written} should be reported`);
      continue;
    }
    assert.equal(s.problem, undefined, ex.written);
    const d = s.date ? `${s.date.year ?? '????'}-${String(s.date.month).padStart(2, '0')}-${String(s.date.day).padStart(2, '0')}` : undefined;
    const t = s.time ? `${String(s.time.hour).padStart(2, '0')}:${String(s.time.minute).padStart(2, '0')}` : undefined;
    assert.equal(d, ex.date, `date of ${ex.written}`);
    if (ex.time !== undefined || !ex.date) assert.equal(t, ex.time, `time of ${ex.written}`);
    if (ex.zone) assert.equal(s.zone?.lookup.kind === 'zone' ? s.zone.lookup.zone.label : undefined, ex.zone, `zone of ${ex.written}`);
    const after = s.after ? ('ms' in s.after ? `+${s.after.ms / 60_000} min` : `+${s.after.days} ${s.after.business ? 'business ' : ''}days`) : undefined;
    assert.equal(after, ex.after, `time after the entry before, of ${ex.written}`);
    assert.equal(s.weekday === undefined ? undefined : ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][s.weekday], ex.weekday, `weekday of ${ex.written}`);
    assert.equal(s.rangeProblem, undefined, `range of ${ex.written}`);
    if (ex.after) assert.equal(s.raw, ex.written, `all of ${ex.written} is the stamp`);
  }
});

test('a dotted clock is a time only when a zone follows; alone it may be an amount or a version', () => {
  assert.equal(p('08.45 UTC')?.time?.minute, 45);
  assert.equal(p('08.45 of the budget'), undefined);
  assert.equal(p('2.5 hours'), undefined);
  assert.equal(p('1.23 release'), undefined);
});

test('a range that ends before it starts is impossible when, read past midnight, it would last more than half a day', () => {
  assert.match(p('16:30 to 15:00 UTC')!.rangeProblem!, /16:30 to 15:00 UTC ends before it starts/);
  assert.equal(p('16:30 to 15:00 UTC')!.time?.hour, 16, 'the start still counts');
  assert.equal(p('23:00-01:00')!.rangeProblem, undefined, 'past midnight');
  assert.equal(p('20:00 to 07:30')!.rangeProblem, undefined, 'a night: under half a day');
});

test('a period of days ("Between 2023-07-10 to 2023-07-16") is read whole and dates the entry by its first day; "from" alone is a word', () => {
  assert.equal(p('Between 2023-07-10 to 2023-07-16 | The adversary…')!.raw, 'Between 2023-07-10 to 2023-07-16');
  assert.equal(p('Between 2023-07-10 to 2023-07-16 12:00')!.time, undefined, 'a time after a period is not the first day\'s');
  assert.equal(p('from the logs'), undefined);
  assert.equal(p('From 2023-07-10 we saw errors')!.raw, 'From 2023-07-10');
});

test('four digits are a clock only before a zone: "2018-08-10 1250 UTC" is 12:50; "1250 servers", a year and "2560 UTC" are not', () => {
  assert.equal(parseStamp('1250 servers were drained', 0, 'MDY')?.time, undefined);
  assert.equal(parseStamp('2560 UTC', 0, 'MDY')?.time, undefined);
  const t = parseStamp('2018-08-10 1250 UTC ::::: API call', 0, 'MDY');
  assert.deepEqual([t?.time?.hour, t?.time?.minute, t?.zone?.raw], [12, 50, 'UTC']);
});
