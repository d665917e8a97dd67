import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions, settingsFrom } from '../../../server/src/service.js';
import { PRESETS, presetSections } from '../../../server/src/config/presets.js';
import { md } from '../../helpers/docs.js';

const run = (text: string, raw: Record<string, unknown>) => analyze(text, { force: true, settings: settingsFrom(raw) });
const missing = (text: string, raw: Record<string, unknown>) =>
  run(text, raw).findings.filter((f) => f.code === 'section.missing').map((f) => (f.data as { sectionId: string }).sectionId);
const codes = (text: string, raw: Record<string, unknown>, code: string) => run(text, raw).findings.filter((f) => f.code === code);
/** A document with a short paragraph under each heading. */
const withSections = (...headings: string[]) => md('# Incident 465', ...headings.flatMap((h) => ['', h, '', 'Text.']));

test('default: the six canonical sections, all required', () => {
  assert.deepEqual(presetSections('default').required, ['summary', 'timeline', 'root-cause', 'resolution', 'preventive-actions', 'successes']);
  assert.deepEqual(missing(md('# T', '## Summary', 'x'), {}), ['timeline', 'root-cause', 'resolution', 'preventive-actions', 'successes']);
});

test('google-sre: the SRE book\'s example postmortem, headings and all, has every required section', () => {
  const doc = withSections('## Summary', '## Impact', '## Root Causes', '## Trigger', '## Resolution', '## Detection', '## Action Items', '## Lessons Learned', '### What went well', '### What went wrong', '### Where we got lucky', '## Timeline', '## Supporting information');
  assert.deepEqual(missing(doc, { preset: 'google-sre' }), []);
  assert.deepEqual(codes(doc, { preset: 'google-sre' }, 'section.order'), [], 'Timeline last is Google\'s order');
  assert.deepEqual(codes(doc, {}, 'section.order'), [], 'the default preset checks no order');
  assert.deepEqual(codes(doc, { sections: { order: 'relaxed' } }, 'section.order').length, 1, 'but Timeline last is not the canonical order');
  // Required by Google's template, not by the default preset:
  assert.deepEqual(missing(withSections('## Summary', '## Root Causes', '## Resolution', '## Action Items', '## Lessons Learned', '### What went well', '## Timeline'), { preset: 'google-sre' }), ['impact', 'trigger', 'detection']);
});

test('google-sre: a missing Trigger is named as Google names it, and inserted in Google\'s order', () => {
  const doc = withSections('## Summary', '## Impact', '## Root Causes', '## Resolution', '## Detection', '## Action Items', '## Lessons Learned', '### What went well', '## Timeline');
  const a = run(doc, { preset: 'google-sre' });
  const f = a.findings.find((x) => x.code === 'section.missing')!;
  assert.match(f.message, /^Missing section "Trigger"\. "Triggers" or "What Triggered It" also count\. The event that set the latent fault off/);
  const fix = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).find((x) => x.title === 'Insert section "Trigger"');
  assert.ok(fix);
  const after = applyEdits(doc, fix.edits, a);
  assert.ok(after.indexOf('## Root Causes') < after.indexOf('## Trigger') && after.indexOf('## Trigger') < after.indexOf('## Resolution'), after);
  assert.deepEqual(missing(after, { preset: 'google-sre' }), []);
});

test('atlassian: its template\'s sections; "Root cause identification: The Five Whys" is the five whys, not a second root cause', () => {
  const doc = withSections('## Incident summary', '## Leadup', '## Fault', '## Impact', '## Detection', '## Response', '## Recovery', '## Timeline', '## Root cause identification: The Five Whys', '## Root cause', '## Related records', '## Lessons learned', '## Corrective actions');
  assert.deepEqual(missing(doc, { preset: 'atlassian' }), []);
  assert.deepEqual(codes(doc, { preset: 'atlassian' }, 'section.duplicate'), []);
  assert.deepEqual(codes(doc, { preset: 'atlassian', sections: { order: 'strict' } }, 'section.order'), []);
  // The default preset reads "Five Whys" only weakly as a root cause: "Root cause" stands for it, and two parts are no duplicate.
  assert.deepEqual(codes(doc, {}, 'section.duplicate'), []);
  assert.equal(analyze(doc).model.canonical.get('root-cause')?.title, 'Root cause');
});

test('pagerduty: "What Happened" is its own section there, not a second timeline', () => {
  const doc = withSections('## Overview', '## What Happened', '## Contributing Factors', '## Resolution', '## Impact', '## Responders', '## Timeline', "## How'd We Do?", '### What Went Well?', "### What Didn't Go So Well?", '## Action Items', '## Messaging');
  assert.deepEqual(missing(doc, { preset: 'pagerduty' }), []);
  assert.deepEqual(codes(doc, { preset: 'pagerduty' }, 'section.duplicate'), []);
  // Without times in it, the default preset reads "What Happened" as a (weak) summary, not a second timeline.
  assert.deepEqual(codes(doc, {}, 'section.duplicate'), []);
  assert.equal(analyze(doc).model.canonical.get('timeline')?.title, 'Timeline');
  // What Went Well is optional in PagerDuty's template ("It's OK to not list anything").
  assert.ok(!missing(doc.replace('### What Went Well?', '### Notes'), { preset: 'pagerduty' }).includes('successes'));
});

test('every preset maps all six canonical sections, so the content checks find them', () => {
  for (const preset of Object.values(PRESETS)) {
    const ids = preset.sections.map((s) => s.id);
    for (const id of ['summary', 'timeline', 'root-cause', 'resolution', 'preventive-actions', 'successes']) assert.ok(ids.includes(id), `${preset.name}: ${id}`);
    assert.match(preset.source, /^https:\/\/|docs\//);
  }
});

test('order modes: relaxed orders the canonical six, strict every section of the preset, none nothing', () => {
  // Impact before Summary breaks Google's order only for strict; Timeline before Summary breaks it for both.
  const impactFirst = withSections('## Impact', '## Summary', '## Root Causes', '## Trigger', '## Resolution', '## Detection', '## Action Items', '## Lessons Learned', '### What went well', '## Timeline');
  assert.equal(codes(impactFirst, { preset: 'google-sre' }, 'section.order').length, 0);
  const strict = codes(impactFirst, { preset: 'google-sre', sections: { order: 'strict' } }, 'section.order');
  assert.equal(strict.length, 1);
  assert.match(strict[0]!.message, /"Summary" \(Summary\) comes after "Impact" \(Impact\)/);
  const timelineFirst = withSections('## Timeline', '## Summary', '## Root cause');
  assert.equal(codes(timelineFirst, { sections: { order: 'relaxed' } }, 'section.order').length, 1);
  assert.equal(codes(timelineFirst, {}, 'section.order').length, 0, 'the default preset names no order');
  assert.equal(codes(timelineFirst, { preset: 'google-sre', sections: { order: 'none' } }, 'section.order').length, 0);
});
