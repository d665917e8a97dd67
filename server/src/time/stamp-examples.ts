/**
 * Every timestamp shape the timeline reader accepts, as data: what is written and what
 * a reader takes it to mean. The unit tests read each example back through the
 * parser, so this table is both the documentation of the formats and their test.
 * `date` is YYYY-MM-DD (`????` for no year), `time` HH:MM, `zone` the zone as named.
 */
export interface StampExample {
  written: string;
  date?: string;
  time?: string;
  zone?: string;
  /** The date order the example needs, when it is numeric and ambiguous. */
  order?: 'DMY' | 'MDY';
  /** A time counted from the entry before with its own date and time: `+N min`, `+N days`, `+N business days`. */
  after?: string;
  /** A weekday written beside the time, as its first three letters: the entry is on the nearest such day. */
  weekday?: string;
  /** True when the shape is impossible and must be reported (`timeline.invalid-time`). */
  invalid?: boolean;
}

export const STAMP_EXAMPLES: readonly StampExample[] = [
  { written: '2024-08-20T14:02:00Z', date: '2024-08-20', time: '14:02', zone: 'UTC' },
  { written: '2024-08-20 14:02', date: '2024-08-20', time: '14:02' },
  { written: '2018/02/26', date: '2018-02-26' },
  { written: '14:02 UTC', time: '14:02', zone: 'UTC' },
  { written: '10:00 (Europe/Berlin)', time: '10:00', zone: 'Europe/Berlin' },
  { written: '3:26pm', time: '15:26' },
  { written: '3:26 p.m.', time: '15:26' },
  { written: '12:45 PM PST', time: '12:45', zone: 'PST' },
  { written: '10:45a', time: '10:45' },
  { written: '12:29p', time: '12:29' },
  { written: '00:25 AM', time: '00:25' },
  { written: 'Saturday Oct 30th, 2021 12:45', date: '2021-10-30', time: '12:45' },
  { written: 'February 15, 2024: 7:56am UTC', date: '2024-02-15', time: '07:56', zone: 'UTC' },
  { written: '25 Aug 2023 14:00', date: '2023-08-25', time: '14:00' },
  { written: 'Friday 15th Feburary 2019', date: '2019-02-15' },
  { written: '05-Jan-2024 14:02', date: '2024-01-05', time: '14:02' },
  { written: '2024-Jan-05 14:02', date: '2024-01-05', time: '14:02' },
  { written: '19. April, 11:00', date: '????-04-19', time: '11:00' },
  { written: 'Dec 16th **12:43**', date: '????-12-16', time: '12:43' },
  { written: '2018-07-30 ca. 11:20', date: '2018-07-30', time: '11:20' },
  { written: '09.02.2022 ca 12:00', date: '2022-02-09', time: '12:00' },
  { written: '24.05.2023 kl 20:06:19', date: '2023-05-24', time: '20:06' },
  { written: '24.05.2023 ca kl 07:25', date: '2023-05-24', time: '07:25' },
  { written: 'kl. 14:16', time: '14:16' },
  { written: '07-27-2023 2:14 pm', date: '2023-07-27', time: '14:14', order: 'MDY' },
  { written: '4/21/23 10:00', date: '2023-04-21', time: '10:00', order: 'MDY' },
  { written: '03/04/2024 10:00', date: '2024-04-03', time: '10:00', order: 'DMY' },
  { written: '27.11.2023', date: '2023-11-27' },
  { written: '14:02–14:10', time: '14:02' },
  { written: '10:07-10:29 AM', time: '10:07' },
  { written: '5:38-10:57 PM', time: '17:38' },
  { written: '22:04-23:00 UTC', time: '22:04', zone: 'UTC' },
  { written: '23:00 UTC (*April 5*)', date: '????-04-05', time: '23:00', zone: 'UTC' },
  { written: '14:00 on 25 Aug 2023', date: '2023-08-25', time: '14:00' },
  { written: '12:45 PM PST Saturday Oct 30th, 2021', date: '2021-10-30', time: '12:45', zone: 'PST' },
  { written: '14:02 UTC, March 3, 2024', date: '2024-03-03', time: '14:02', zone: 'UTC' },
  { written: '14:02 15/3 of the pods restarted', time: '14:02' },
  { written: '14:02 3 users', time: '14:02' },
  { written: '~16:05:00', time: '16:05' },
  { written: 'Between 2023-07-10 to 2023-07-16', date: '2023-07-10' },
  { written: 'From May 3 until May 5', date: '????-05-03' },
  { written: '2026-06-10 – 2026-06-12', date: '2026-06-10' },
  { written: '2026-06-10 → 2026-06-12', date: '2026-06-10' },
  { written: 'Saturday, December 17th, 2022 at roughly 12:43 UTC', date: '2022-12-17', time: '12:43', zone: 'UTC' },
  { written: 'November 4th -- 16:30 UTC', date: '????-11-04', time: '16:30', zone: 'UTC' },
  { written: 'Aug 25 - 14:00', date: '????-08-25', time: '14:00' },
  { written: '08.45 UTC', time: '08:45', zone: 'UTC' },
  { written: '2023-03-29 15h50 UTC', date: '2023-03-29', time: '15:50', zone: 'UTC' },
  { written: '2018-08-10 1250 UTC', date: '2018-08-10', time: '12:50', zone: 'UTC' },
  { written: '0659Z', time: '06:59', zone: 'UTC' },
  { written: '2024-03-12 0616: wrong block', date: '2024-03-12', time: '06:16' },
  { written: '15:00 UTC(Sat)', time: '15:00', zone: 'UTC', weekday: 'sat' },
  { written: 'Mon 14:02', time: '14:02', weekday: 'mon' },
  { written: 'Tuesday, 9:15 AM PDT', time: '09:15', zone: 'PDT', weekday: 'tue' },
  { written: '4.45pm', time: '16:45' },
  { written: '1402 hrs', time: '14:02' },
  { written: '14:02h', time: '14:02' },
  { written: '14:02-ish', time: '14:02' },
  { written: '23:00-01:00 UTC', time: '23:00', zone: 'UTC' },
  { written: '+10 minutes', after: '+10 min' },
  { written: '\\[+6.5 hrs]', after: '+390 min' },
  { written: '[+1 h]', after: '+60 min' },
  { written: 'T+45m', after: '+45 min' },
  { written: '+2 days', after: '+2 days' },
  { written: '+2 Business Days Later', after: '+2 business days' },
  { written: '13:55 PM', invalid: true },
  { written: '16:30 to 15:00 UTC', invalid: true },
  { written: '25:10', invalid: true },
  { written: '24:XX', invalid: true },
  { written: '2023-02-30 10:00', invalid: true },
  { written: '20202-01-16 12:00', invalid: true },
];
