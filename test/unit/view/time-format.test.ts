import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockText, dateKey, dayText, durationText, parseZone, partsIn, resolveZone, zoneLabel } from '../../../server/src/view/time-format.js';

test('parseZone reads UTC, offsets and IANA names, and refuses anything else', () => {
  assert.deepEqual(parseZone('UTC'), { id: 'UTC', fixedOffset: 0 });
  assert.deepEqual(parseZone('z'), { id: 'UTC', fixedOffset: 0 });
  assert.deepEqual(parseZone('+02:00'), { id: '+02:00', fixedOffset: 120 });
  assert.deepEqual(parseZone('UTC-5'), { id: '-05:00', fixedOffset: -300 });
  assert.deepEqual(parseZone('GMT+0530'), { id: '+05:30', fixedOffset: 330 });
  assert.deepEqual(parseZone('+00:00'), { id: 'UTC', fixedOffset: 0 });
  assert.deepEqual(parseZone('Europe/Paris'), { id: 'Europe/Paris' });
  for (const bad of ['Mars/Olympus', '+25:00', '+02:75', '<script>', '', null, undefined, 'Europe/Paris; x']) assert.equal(parseZone(bad), undefined, String(bad));
});

test('resolveZone honours the choice or says why it fell back to UTC', () => {
  assert.deepEqual(resolveZone('utc', 'Europe/Paris', 'Asia/Tokyo'), { zone: { id: 'UTC', fixedOffset: 0 } });
  assert.deepEqual(resolveZone('document', 'Europe/Paris', undefined), { zone: { id: 'Europe/Paris' } });
  assert.deepEqual(resolveZone('local', null, 'Asia/Tokyo'), { zone: { id: 'Asia/Tokyo' } });
  assert.match(resolveZone('document', null, 'Asia/Tokyo').note!, /does not state its time zone/);
  assert.match(resolveZone('document', 'Nowhere/Land', undefined).note!, /"Nowhere\/Land" is not known/);
  assert.match(resolveZone('local', 'UTC', undefined).note!, /local time zone is unknown/);
});

test('partsIn gives wall-clock fields and the offset, across a DST change', () => {
  // Paris moves from +01:00 to +02:00 at 01:00 UTC on 31 March 2024.
  const before = partsIn(Date.parse('2024-03-31T00:30:00Z'), { id: 'Europe/Paris' });
  const after = partsIn(Date.parse('2024-03-31T01:30:00Z'), { id: 'Europe/Paris' });
  assert.equal(clockText(before, false), '01:30');
  assert.equal(before.offset, 60);
  assert.equal(clockText(after, false), '03:30');
  assert.equal(after.offset, 120);
  const kolkata = partsIn(Date.parse('2024-03-05T20:45:09Z'), { id: '+05:30', fixedOffset: 330 });
  assert.equal(dateKey(kolkata), '2024-03-06');
  assert.equal(clockText(kolkata, true), '02:15:09');
  assert.equal(dayText(kolkata), 'Wed 6 Mar 2024');
  const midnight = partsIn(Date.parse('2024-03-05T23:00:00Z'), { id: 'Europe/Paris' });
  assert.equal(clockText(midnight, false), '00:00', 'midnight is 00:00, never 24:00');
});

test('durationText and zoneLabel read naturally', () => {
  assert.equal(durationText(430), '7 h 10 min');
  assert.equal(durationText(45), '45 min');
  assert.equal(durationText(60), '1 h');
  assert.equal(durationText(3060), '2 d 3 h');
  assert.equal(durationText(2890), '2 d 10 min');
  assert.equal(durationText(0.5), '30 s');
  assert.equal(durationText(0), '0 min');
  assert.equal(durationText(-90), '−1 h 30 min');
  assert.equal(durationText(null), 'unknown');
  assert.equal(zoneLabel({ id: '-05:00', fixedOffset: -300 }), 'UTC-05:00');
  assert.equal(zoneLabel({ id: 'UTC', fixedOffset: 0 }), 'UTC');
  assert.equal(zoneLabel({ id: 'Asia/Tokyo' }), 'Asia/Tokyo');
});
