/** Properties of the view helpers over arbitrary timelines: nothing is lost, nothing throws. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MilestoneName, TimelineEventView, TimelineView } from '../../../server/src/protocol.js';
import { layoutTimeline } from '../../../server/src/view/layout.js';
import { toMermaid } from '../../../server/src/view/mermaid.js';
import { toSvg } from '../../../server/src/view/svg.js';
import { resolveZone, ZONE_CHOICES } from '../../../server/src/view/time-format.js';

const MILESTONES: MilestoneName[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString());

const event: fc.Arbitrary<TimelineEventView> = fc.record({
  line: fc.nat({ max: 5000 }),
  raw: fc.string(),
  text: fc.string({ unit: 'binary' }),
  utc: fc.oneof(instant, fc.constant(null), fc.string()),
  people: fc.array(fc.string(), { maxLength: 3 }),
  milestone: fc.option(fc.constantFrom(...MILESTONES), { nil: undefined }),
  dateOnly: fc.option(fc.boolean(), { nil: undefined }),
  findings: fc.array(fc.record({ code: fc.string(), severity: fc.constantFrom('error' as const, 'warning' as const), message: fc.string() }), { maxLength: 2 }),
});

const view: fc.Arbitrary<TimelineView> = fc.record({
  uri: fc.constant('file:///x.md'),
  version: fc.nat(),
  title: fc.string(),
  severity: fc.option(fc.string(), { nil: null }),
  status: fc.option(fc.string(), { nil: null }),
  timezone: fc.option(fc.constantFrom('UTC', 'Europe/Paris', '+05:30', 'America/St_Johns', 'Nowhere/Land', ''), { nil: null }),
  events: fc.array(event, { maxLength: 25 }),
  milestones: fc.dictionary(fc.constantFrom(...MILESTONES), instant) as fc.Arbitrary<Partial<Record<MilestoneName, string>>>,
  metrics: fc.record({
    timeToDetectMinutes: fc.option(fc.integer({ min: -1000, max: 100000 }), { nil: null }),
    timeToAcknowledgeMinutes: fc.option(fc.nat(), { nil: null }),
    timeToMitigateMinutes: fc.option(fc.nat(), { nil: null }),
    timeToResolveMinutes: fc.option(fc.nat(), { nil: null }),
    durationMinutes: fc.option(fc.nat(), { nil: null }),
  }),
});

test('every entry is laid out exactly once, dated ones in time order with positive space', () => {
  fc.assert(
    fc.property(view, fc.constantFrom(...ZONE_CHOICES), (v, choice) => {
      const layout = layoutTimeline(v, resolveZone(choice, v.timezone, 'Asia/Kathmandu'));
      const placed = layout.rows.flatMap((r) => (r.kind === 'event' ? [r.index] : []));
      const all = [...placed, ...layout.undated.map((u) => u.index)].sort((a, b) => a - b);
      assert.deepEqual(all, v.events.map((_, i) => i));
      const times = layout.rows.flatMap((r) => (r.kind === 'event' || r.kind === 'milestone' ? [r.at.ms] : []));
      for (let k = 1; k < times.length; k++) assert.ok(times[k]! >= times[k - 1]!);
      for (const r of layout.rows) if (r.kind === 'space') assert.ok(r.px >= 1 && r.px <= 240, `space ${r.px}`);
    }),
    { numRuns: 300 },
  );
});

test('Mermaid and SVG exports never throw and stay on their own syntax', () => {
  fc.assert(
    fc.property(view, (v) => {
      const mermaid = toMermaid(v);
      for (const line of mermaid.trimEnd().split('\n').slice(1)) {
        // Labels hold look-alikes, never ':', ';', '#' or '%' (nor entity codes).
        assert.match(line, /^( {4}(title|section) [^\n:;#%]*| {8}([^\n:;#%]* )?: [^\n:;#%]*)$/, line);
      }
      const svg = toSvg(v);
      assert.doesNotMatch(svg.replace(/<style>[\s\S]*?<\/style>/, ''), /<(?!\/?(svg|title|desc|style|rect|line|text|g|circle|path)[\s>/])/);
    }),
    { numRuns: 200 },
  );
});
