import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isViewData, parseFromWebview, parseToWebview, toViewData } from '../../../server/src/view/webview-messages.js';
import { entry, viewOf } from './views.js';

test('parseFromWebview accepts exactly the declared messages', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'ready', localZone: 'Europe/Paris' }), { type: 'ready', localZone: 'Europe/Paris' });
  assert.deepEqual(parseFromWebview({ type: 'reveal', line: 0 }), { type: 'reveal', line: 0 });
  assert.deepEqual(parseFromWebview({ type: 'zone', zone: 'local' }), { type: 'zone', zone: 'local' });
  assert.deepEqual(parseFromWebview({ type: 'copyMermaid' }), { type: 'copyMermaid' });
  assert.deepEqual(parseFromWebview({ type: 'exportSvg' }), { type: 'exportSvg' });
  assert.deepEqual(parseFromWebview(JSON.parse('{"type":"reveal","line":3}')), { type: 'reveal', line: 3 });
});

test('parseFromWebview drops unknown types, missing, extra and mistyped fields', () => {
  const rejected: unknown[] = [
    null,
    'reveal',
    [],
    { type: 'openLink', url: 'https://example.com' },
    { type: 'toString' },
    { type: '__proto__' },
    { type: 'reveal' },
    { type: 'reveal', line: '3' },
    { type: 'reveal', line: -1 },
    { type: 'reveal', line: 1.5 },
    { type: 'reveal', line: Number.NaN },
    { type: 'reveal', line: 1e9 },
    { type: 'reveal', line: 3, uri: 'file:///etc/passwd' },
    { type: 'zone', zone: 'Europe/Paris' },
    { type: 'zone' },
    { type: 'ready', localZone: '../../etc' },
    { type: 'ready', localZone: 'a'.repeat(100) },
    { type: 'ready', localZone: 42 },
    { type: 'copyMermaid', command: 'workbench.action.terminal.new' },
    JSON.parse('{"type":"reveal","line":3,"__proto__":{"polluted":true}}'),
    Object.assign(Object.create({ inherited: 1 }), { type: 'copyMermaid' }),
  ];
  for (const m of rejected) assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
});

test('parseToWebview checks what the page receives', () => {
  const view = toViewData(viewOf([entry(1, '2024-05-01T10:00:00Z', 'a')]));
  assert.ok(parseToWebview({ type: 'update', view, zone: 'utc' }));
  assert.ok(parseToWebview({ type: 'update', view: null, zone: 'document', notice: 'not a post-mortem' }));
  assert.deepEqual(parseToWebview({ type: 'highlight', line: null }), { type: 'highlight', line: null });
  assert.equal(parseToWebview({ type: 'update', view, zone: 'mars' }), undefined);
  assert.equal(parseToWebview({ type: 'update', view: { ...view, title: 7 }, zone: 'utc' }), undefined);
  assert.equal(parseToWebview({ type: 'update', view: { ...view, events: [{ ...view.events[0], people: [1] }] }, zone: 'utc' }), undefined);
  assert.equal(parseToWebview({ type: 'highlight', line: '2' }), undefined);
  assert.equal(parseToWebview({ type: 'reveal', line: 2 }), undefined);
  assert.equal(isViewData({ ...view, metrics: { durationMinutes: Infinity } }), false);
});

test('toViewData removes the document URI: the page never sees a file path', () => {
  const data = toViewData(viewOf([entry(1, null, 'a')]));
  assert.equal('uri' in data, false);
  assert.doesNotMatch(JSON.stringify(data), /file:|\/work\//);
  assert.equal(data.title, 'Outage');
});
