import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempFiles } from '../helpers/run.js';
import { newPostMortem } from '../../server/src/templates/postmortem.js';
import { analyze } from '../../server/src/service.js';

const env = { POSTMORTEM_TODAY: '2024-08-20' };

test('postmortem new writes postmortems/YYYY-MM-DD-<slug>.md from the template', () => {
  const dir = tempFiles({});
  const r = cli(['new', 'Checkout outage', '--severity', 'sev2', '--timezone', 'Europe/Berlin'], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'postmortems/2024-08-20-checkout-outage.md');
  const text = readFileSync(join(dir, 'postmortems', '2024-08-20-checkout-outage.md'), 'utf8');
  assert.match(text, /^severity: SEV2$/m);
  assert.match(text, /^timezone: Europe\/Berlin$/m);
  assert.match(text, /^# Checkout outage$/m);
  const lint = JSON.parse(cli(['lint', '--format', 'json', 'postmortems'], { cwd: dir }).stdout);
  assert.deepEqual(lint[0].diagnostics.filter((d: { code: string }) => d.code === 'section.missing'), []);
});

test('postmortem new never overwrites, and rejects bad input with exit 2', () => {
  const dir = tempFiles({ 'pm/2024-08-20-dns.md': 'mine' });
  const again = cli(['new', 'DNS', '--dir', 'pm'], { cwd: dir, env });
  assert.equal(again.code, 2);
  assert.equal(again.stderr.trim(), 'postmortem: pm/2024-08-20-dns.md already exists; not overwriting it');
  assert.equal(readFileSync(join(dir, 'pm', '2024-08-20-dns.md'), 'utf8'), 'mine');
  assert.equal(cli(['new', 'X', '--severity', 'SEV9'], { cwd: dir, env }).code, 2);
  assert.equal(cli(['new', 'X', '--timezone', 'Mars/Olympus'], { cwd: dir, env }).code, 2);
  assert.equal(cli(['new'], { cwd: dir, env }).code, 2);
});

test('postmortem new "404": a title YAML would read as a number (or a boolean, or null) is quoted, and our schema accepts it (issue 17)', () => {
  const dir = tempFiles({});
  const r = cli(['new', '404'], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(join(dir, r.stdout.trim()), 'utf8');
  assert.match(text, /^title: "404"$/m);
  const lint = JSON.parse(cli(['lint', '--format', 'json', r.stdout.trim()], { cwd: dir }).stdout);
  assert.deepEqual(lint[0].diagnostics.filter((d: { code: string }) => d.code.startsWith('frontmatter.')), []);
  for (const title of ['2024', '1.5', '0x1F', '1e3', '.5', '+1', 'True', 'no', 'NULL', '~', '.inf', 'Checkout outage', 'Outage: DB', '#1 incident', '- dash', '@here', "'quoted'", 'a # b', 'x: y', '[a]', '{a}', '&anchor', '*alias', '!tag', '%x', '`x`', 'é', 'Déjà vu']) {
    const { text: t } = newPostMortem({ title, severity: 'SEV3', date: '2024-08-20', timezone: 'UTC' });
    const analysis = analyze(t, { force: true });
    assert.equal(analysis.model.frontmatter?.data?.['title'], title, `${JSON.stringify(title)} read back as the title`);
    assert.deepEqual(analysis.findings.filter((f) => f.code.startsWith('frontmatter.')).map((f) => f.message), [], JSON.stringify(title));
  }
});
