/**
 * fast-check arbitraries: post-mortems assembled from the pieces real ones are
 * made of (frontmatter, headings under many names, timelines as lists and
 * tables with times in every format and zone, action items), with the mistakes
 * and oddities real ones have; and mutations of existing texts.
 */
import fc from 'fast-check';

const pad = (n: number) => String(n).padStart(2, '0');

const word = fc.constantFrom('checkout', 'the', 'pool', 'rollback', 'alert', 'fires', 'DNS', 'resolver', 'we', 'restarted', 'café', '日本', '😀', '\u{20000}名', '\u{1D400}', 'TODO', 'TBD', 'lorem ipsum', '{describe the impact}', '<Your name here>', '[owner]', '`code`', '**bold**', '[link](https://example.com)', '![img](a.png)', 'blame', 'Bob', '@ana', '#42', 'OPS-12', '&amp;', '\\|', '|');
const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));

const hour = fc.integer({ min: 0, max: 26 }); // 24-26: invalid on purpose
const minute = fc.integer({ min: 0, max: 61 });
const zone = fc.constantFrom('', ' UTC', ' GMT', 'Z', ' CET', ' CEST', ' PST', ' PDT', ' EST', ' EDT', ' IST', ' +02:00', ' -0800', ' +05:30', ' America/New_York', ' (Europe/Berlin)', ' XYZ', ' Mars/Olympus', ' utc');
const date = fc.tuple(fc.constantFrom(2023, 2024, 2025), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));

/** A time as people write it in a timeline, valid or not, with or without a date and a zone. */
export const timestamp = fc.oneof(
  fc.tuple(hour, minute, zone).map(([h, m, z]) => `${pad(h)}:${pad(m)}${z}`),
  fc.tuple(hour, minute, fc.integer({ min: 0, max: 60 }), zone).map(([h, m, s, z]) => `${pad(h)}:${pad(m)}:${pad(s)}${z}`),
  fc.tuple(fc.integer({ min: 0, max: 13 }), minute, fc.constantFrom('am', 'pm', ' AM', ' p.m.')).map(([h, m, ap]) => `${h}:${pad(m)}${ap}`),
  fc.tuple(date, hour, minute, zone).map(([[y, mo, d], h, m, z]) => `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(m)}${z}`),
  fc.tuple(date, hour, minute, fc.constantFrom('Z', '+02:00', '-05:00', '')).map(([[y, mo, d], h, m, z]) => `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(m)}:00${z}`),
  fc.tuple(date, hour, minute).map(([[y, mo, d], h, m]) => `${pad(d)}/${pad(mo)}/${y} ${pad(h)}:${pad(m)}`),
  // Daylight-saving gaps and overlaps, written with the zone's name.
  fc.constantFrom('2024-03-31 02:30 Europe/Berlin', '2024-10-27 02:30 CEST', '2024-11-03 01:30 America/New_York', '2024-03-10 02:15 EST', 'Mar 31 02:30', 'Tuesday 14:00', 'T+5m', '~14:00', '14h02', '1402'),
);

const entryLine = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '  - ', '- **', ''), timestamp, fc.constantFrom(' - ', ' — ', ': ', '** - ', ' ', ' | '), words)
  .map(([marker, t, sep, w]) => `${marker}${t}${sep}${w}`);

const tableTimeline = fc.tuple(
  fc.constantFrom('| Time | Event |', '| Time (UTC) | Who | What |', '| Date | Time | Event |', '| When | What |'),
  fc.array(fc.tuple(timestamp, words, fc.boolean()), { maxLength: 12 }),
).map(([header, rows]) => {
  const columns = header.split('|').length - 2;
  const sep = '|' + ' --- |'.repeat(columns);
  return [header, sep, ...rows.map(([t, w, short]) => (short ? `| ${t} |` : `| ${t} | ${w} |${columns > 2 ? ' x |' : ''}`))].join('\n');
});

const dayHeading = fc.tuple(fc.constantFrom('###', '####', '**'), fc.oneof(date.map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`), fc.constantFrom('Day 1', 'Monday', '20 August 2024', 'Aug 21 (PDT)')))
  .map(([h, d]) => (h === '**' ? `**${d}**` : `${h} ${d}`));

const block = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 6, arbitrary: fc.array(entryLine, { minLength: 1, maxLength: 10 }).map((ls) => ls.join('\n')) },
  { weight: 2, arbitrary: tableTimeline },
  { weight: 2, arbitrary: dayHeading },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '```text', '    '), words, fc.boolean()).map(([f, w, closed]) => (f === '    ' ? `    ${w}` : `${f}\n${w}\n${closed ? f.slice(0, 3) : ''}`)) },
  { weight: 1, arbitrary: fc.constantFrom('<!-- comment -->', '<!--', '<details>\n<summary>Logs</summary>\n\nx\n</details>', '---', '***', '> quoted', '> - 10:00 UTC quoted entry', '![graph](graph.png)') },
  { weight: 2, arbitrary: fc.tuple(words, fc.constantFrom('@ana', '', 'owner: @ops', 'Owner: TBD'), fc.constantFrom('due 2024-09-01', '', 'due: tomorrow', 'OPS-12')).map(([w, o, d]) => `- [ ] ${w} ${o} ${d}`.trimEnd()) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), words), { minLength: 1, maxLength: 6 }).map((items) => items.map(([d, w]) => `${'  '.repeat(d)}- ${w}`).join('\n')) },
);

const headingName = fc.constantFrom(
  'Incident Summary', 'Summary', 'Overview', 'Timeline of Events', 'Timeline', 'What happened', 'Events/Timeline',
  'Root Cause Analysis', 'Root causes', 'Contributing factors', 'Resolution and Recovery', 'Remediation', 'Resolution & follow-up',
  'Preventive Actions', 'Action items', 'Follow-ups', 'Corrective actions', 'Successes and Positive Outcomes', 'What went well',
  'Where we got lucky', 'Lessons learned', 'Impact', 'Appendix', '1. Summary', 'IV) Timeline', 'Timeline (all times UTC)', '📋 Summary', 'Owner: @ana', '',
);

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), headingName, fc.constantFrom('', ' ##', ' {#id}', ' 😀'))
  .map(([level, name, tail]) => `${'#'.repeat(level)} ${name}${tail}`);

const frontmatterLine = fc.oneof(
  fc.constantFrom(
    'title: Checkout outage', 'postmortem: true', 'postmortem: false', 'type: postmortem', 'type: post-mortem', 'status: draft', 'status: final',
    'severity: SEV2', 'severity: 7', 'severity: [SEV1]', 'authors:\n  - Ana\n  - Bo', 'authors: Ana', 'timezone: Europe/Berlin', 'timezone: Mars/Olympus',
    'timezone: ', 'tags: [a, b', 'services: {a: 1}', 'key: "unterminated', '\tindented: tab', 'dup: 1\ndup: 2', 'anchor: &a x\nref: *a', 'ref: *missing',
    'x: !custom tag', 'impact: >\n  folded\n  text', '- a list', '[1, 2]', 'null', '~', 'date: 2024-08-20', 'id: PM-1',
  ),
  fc.tuple(fc.constantFrom('started', 'detected', 'acknowledged', 'mitigated', 'resolved'), timestamp).map(([k, t]) => `${k}: ${t}`),
);

const frontmatter = fc.array(frontmatterLine, { maxLength: 8 }).map((ls) => `---\n${ls.join('\n')}\n---\n`);

/** Line terminators: \n, \r\n, \r, or a mix. */
const endings = fc.constantFrom<'lf' | 'crlf' | 'cr' | 'mixed'>('lf', 'lf', 'crlf', 'cr', 'mixed');

function withEndings(text: string, kind: 'lf' | 'crlf' | 'cr' | 'mixed', seed: number): string {
  if (kind === 'lf') return text;
  if (kind === 'crlf') return text.replace(/\n/g, '\r\n');
  if (kind === 'cr') return text.replace(/\n/g, '\r');
  // Never a \r right before a \n: that pair is one line break, not two.
  let i = seed;
  return text.replace(/\n/g, () => ['\r\n', '\n', '\r'][i++ % 3]!);
}

/** A whole post-mortem: maybe a BOM, maybe frontmatter, maybe a title, sections of blocks, any line endings. */
export const postMortem = fc
  .record({
    bom: fc.boolean(),
    frontmatter: fc.option(frontmatter, { freq: 2 }),
    title: fc.option(words.map((w) => `# ${w}`)),
    sections: fc.array(fc.tuple(heading, fc.array(block, { maxLength: 4 })), { maxLength: 9 }),
    endings,
    seed: fc.nat(),
    finalNewline: fc.boolean(),
  })
  .map((r) => {
    const parts: string[] = [];
    if (r.frontmatter) parts.push(r.frontmatter);
    if (r.title) parts.push(r.title, '');
    for (const [h, blocks] of r.sections) parts.push(h, '', ...blocks.flatMap((b) => [b, '']));
    let text = parts.join('\n');
    if (!r.finalNewline) text = text.replace(/\n+$/, '');
    return (r.bom ? '\uFEFF' : '') + withEndings(text, r.endings, r.seed);
  });

/** Strings that break parsers: fences, table pipes, markers, control characters, halves of surrogate pairs. */
const tricky = fc.constantFrom(
  '---\n', '\n---\n', '...\n', '|', '| a | b |\n| --- |\n', '# ', '\n## Timeline\n', '\n## Summary\n', '- 25:99 UTC - x\n', '- 02:30 CET 2024-03-31 — x\n',
  '```\n', '<!--', '-->', '\u0000', '\uD800', '\uDC00', '😀', '\uFEFF', '\r', '\r\n', '\n', '{placeholder}', '<Your name>', '[ ]', 'TODO', '\\',
  '*'.repeat(50), '[a'.repeat(30), '> '.repeat(20), '      - x', 'started: 2024-02-30 10:00\n', 'timezone: Mars/Olympus\n', '&a [*a]', '!!binary x', '\t',
  '<!--a-->'.repeat(5), '\u2028', '\u0085', '\u000b',
);

type Mutation = (text: string) => string;

const at = (frac: number, text: string) => Math.min(text.length, Math.floor(frac * (text.length + 1)));
const frac = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(frac, tricky).map(([f, s]): Mutation => (t) => t.slice(0, at(f, t)) + s + t.slice(at(f, t))),
  fc.tuple(frac, fc.integer({ min: 1, max: 400 })).map(([f, n]): Mutation => (t) => t.slice(0, at(f, t)) + t.slice(at(f, t) + n)),
  fc.tuple(frac, fc.string({ unit: 'binary', maxLength: 6 })).map(([f, s]): Mutation => (t) => t.slice(0, at(f, t)) + s + t.slice(at(f, t) + s.length)),
  fc.tuple(frac, frac).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = Math.floor(a * lines.length);
    const j = Math.floor(b * lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
  fc.tuple(frac).map(([a]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = Math.floor(a * lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  }),
  frac.map((f): Mutation => (t) => t.slice(0, at(f, t))),
  fc.constantFrom<Mutation>((t) => t.replace(/\n/g, '\r\n'), (t) => t.replace(/\n/g, '\r'), (t) => '\uFEFF' + t, (t) => t.replace(/^#/gm, '##'), (t) => t.replace(/^## /gm, '')),
);

/** A text from `sources` with one to five mutations applied. */
export function mutated(sources: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 5 }))
    .map(([text, ms]) => ms.reduce((t, m) => m(t), text));
}

/** Settings as a client might send them, sensible or not (settingsFrom must cope). */
export const rawSettings = fc.oneof(
  fc.constant(undefined),
  fc.anything(),
  fc.record(
    {
      files: fc.oneof(fc.array(fc.constantFrom('**/*.md', '[', '**/postmortems/**', '')), fc.anything()),
      rules: fc.oneof(fc.dictionary(fc.constantFrom('section.missing', 'section.empty', 'frontmatter.yaml', '__proto__', 'x'), fc.constantFrom('off', 'error', 'hint', 'bogus')), fc.anything()),
      requiredSections: fc.oneof(fc.subarray(['summary', 'timeline', 'root-cause', 'resolution', 'preventive-actions', 'successes', 'bogus']), fc.anything()),
      sectionAliases: fc.oneof(fc.record({ timeline: fc.array(fc.constantFrom('Chronology', '', 'Summary')) }), fc.anything()),
      defaultTimezone: fc.oneof(fc.constantFrom('UTC', 'Europe/Berlin', 'Mars/Olympus', '', '+02:00'), fc.anything()),
      dateOrder: fc.oneof(fc.constantFrom('DMY', 'MDY', 'YMD'), fc.anything()),
    },
    { requiredKeys: [] },
  ),
);
