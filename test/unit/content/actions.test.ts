import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions } from '../../../server/src/service.js';
import { buildModel } from '../../../server/src/model/document.js';
import { extractActionItems } from '../../../server/src/content/actions.js';
import { vaguePhrase } from '../../../server/src/content/vague.js';
import { fullPostMortem, md } from '../../helpers/docs.js';

const ACTIONS = '- [ ] Canary configuration changes — owner: @ops, due 2024-09-01, OPS-12';
const withActions = (...lines: string[]) => fullPostMortem().replace(ACTIONS, lines.join('\n'));
const items = (text: string) => extractActionItems(buildModel(text));
const actionFindings = (text: string) =>
  analyze(text, { force: true })
    .findings.filter((f) => f.code.startsWith('action.'))
    .map((f) => `${f.code}@${f.range.start.line} ${(f.data as { missing: string[] }).missing}`);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

test('done when: "Improve monitoring" has no owner, "Be more careful…" is vague, the owned and dated item gets nothing', () => {
  const text = withActions('- Improve monitoring', '- Be more careful when changing quotas', '- [ ] Alert at 80% of quota — owner: @storage, due 2024-08-30, STO-3');
  const improve = lineOf(text, 'Improve monitoring');
  const careful = lineOf(text, 'Be more careful');
  // One finding per action, naming everything it lacks.
  assert.deepEqual(actionFindings(text), [`action.owner-missing@${improve} owner,outcome,due`, `action.owner-missing@${careful} owner,outcome,due`]);
  const vague = analyze(text, { force: true }).findings.find((f) => f.range.start.line === careful)!;
  assert.equal(vague.message, 'This action lacks an owner, a measurable outcome and a due date. "be more careful" is not a specific measure.');
  assert.deepEqual(vague.range, { start: { line: careful, character: 2 }, end: { line: careful, character: 38 } }, 'the item without its marker');
});

test('extractActionItems: line, text, owner, due, ticket, link and done per item', () => {
  const text = withActions(
    '- [ ] Alert at 80% of quota — owner: @storage, due 2024-08-30, STO-3',
    '- [x] Rotate the expired certificate (@sec)',
    '- Split pool settings per environment, assigned to Kim, by end of September, see [CFG-1](https://jira.example.com/CFG-1)',
    '- ~~Drop the legacy resolver~~',
    '- Add a canary stage',
    '  - https://github.com/acme/deploy/issues/42',
  );
  const got = items(text).map(({ line, text: t, owner, due, ticket, link, done }) => ({ line, t, owner, due, ticket, link, done }));
  const l = (needle: string) => lineOf(text, needle);
  assert.deepEqual(got, [
    { line: l('Alert at 80%'), t: 'Alert at 80% of quota — owner: @storage, due 2024-08-30, STO-3', owner: '@storage', due: '2024-08-30', ticket: 'STO-3', link: undefined, done: false },
    { line: l('Rotate'), t: 'Rotate the expired certificate (@sec)', owner: '@sec', due: undefined, ticket: undefined, link: undefined, done: true },
    { line: l('Split pool'), t: 'Split pool settings per environment, assigned to Kim, by end of September, see CFG-1', owner: 'Kim', due: 'end of September', ticket: 'CFG-1', link: 'https://jira.example.com/CFG-1', done: false },
    { line: l('Drop the legacy'), t: 'Drop the legacy resolver', owner: undefined, due: undefined, ticket: undefined, link: undefined, done: true },
    { line: l('canary stage'), t: 'Add a canary stage https://github.com/acme/deploy/issues/42', owner: undefined, due: undefined, ticket: undefined, link: 'https://github.com/acme/deploy/issues/42', done: false },
  ]);
});

test('a table: owner, due and ticket from the columns their headers name; an empty or TBD cell is no value', () => {
  const text = withActions(
    '| Action | Owner | Due | Ticket | Status |',
    '| --- | --- | --- | --- | --- |',
    '| Split the pool settings per environment | @bo | 2024-09-06 | CFG-311 | open |',
    '| Canary configuration releases | TBD | | | |',
    '| Alert on connection waits | @ana | Q4 2024 | | done |',
  );
  const got = items(text).map(({ text: t, owner, due, ticket, done, source }) => ({ t, owner, due, ticket, done, source }));
  assert.deepEqual(got, [
    { t: 'Split the pool settings per environment', owner: '@bo', due: '2024-09-06', ticket: 'CFG-311', done: false, source: 'table' },
    { t: 'Canary configuration releases', owner: undefined, due: undefined, ticket: undefined, done: false, source: 'table' },
    { t: 'Alert on connection waits', owner: '@ana', due: 'Q4 2024', ticket: undefined, done: true, source: 'table' },
  ]);
  const row = lineOf(text, 'Canary configuration releases');
  assert.deepEqual(actionFindings(text), [`action.owner-missing@${row} owner,due`]);
});

test('a sub-heading\'s quarter, ticket or "Completed" applies to the items under it', () => {
  const text = fullPostMortem().replace(
    `## Preventive Actions\n\n${ACTIONS}`,
    md('## Preventive Actions', '', '### Immediate (completed)', '', '- Raise the pool back to 50', '', '### Long-term (Q4 2025, [tracking](https://example.com/epic/7))', '', '- Load test the pool under contention — owner: @db').trimEnd(),
  );
  const got = items(text).map(({ text: t, due, link, done }) => ({ t, due, link, done }));
  assert.deepEqual(got, [
    { t: 'Raise the pool back to 50', due: undefined, link: undefined, done: true },
    { t: 'Load test the pool under contention — owner: @db', due: 'Q4 2025', link: 'https://example.com/epic/7', done: false },
  ]);
  assert.deepEqual(actionFindings(text), []);
});

test('a label item ("Short term:") stands for the items nested under it; other nested bullets are details', () => {
  const text = withActions('- Short term:', '  - Raise the limit — owner: @a, OPS-1', '  - Add an alert — owner: @b, OPS-2', '- Rework the resolver cache', '  - Owner: @dns', '  - Due: 2024-10-01');
  assert.deepEqual(items(text).map((i) => [i.text.slice(0, 20), i.owner, i.due ?? i.ticket]), [
    ['Raise the limit — ow', '@a', 'OPS-1'],
    ['Add an alert — owner', '@b', 'OPS-2'],
    ['Rework the resolver ', '@dns', '2024-10-01'],
  ]);
});

test('done items need no owner and no date, but may still be vague', () => {
  const text = withActions('- [x] Improve monitoring', '- Fixed the resolver memory limit (done)', '- We have added an alert on cache size');
  assert.deepEqual(actionFindings(text), [`action.vague@${lineOf(text, 'Improve monitoring')} outcome`]);
});

test('owners: @handles, owner:/assignee:/owned by, teams; e-mail addresses and code are not owners', () => {
  const owner = (s: string) => items(withActions(`- ${s}`))[0]!.owner;
  assert.equal(owner('Fix it @storage-team'), '@storage-team');
  assert.equal(owner('Fix it (assignee: Platform team)'), 'Platform team');
  assert.equal(owner('Fix it, owned by Kim Lee, due Friday'), 'Kim Lee');
  assert.equal(owner('Fix it @acme/sre'), '@acme/sre');
  assert.equal(owner('Mail ana@example.com about it'), undefined);
  assert.equal(owner('Bump `@scope/pkg` to 2.0'), undefined);
  assert.equal(owner('Fix it — owner: TBD'), undefined);
});

test('tickets: keys, issue numbers, "issue created"; SEV-1, UTF-8 and CVE ids are not tickets', () => {
  const ticket = (s: string) => items(withActions(`- ${s}`))[0]!.ticket;
  assert.equal(ticket('Patch it (OPS-77)'), 'OPS-77');
  assert.equal(ticket('Patch it, see #512'), '#512');
  assert.equal(ticket('Setup alerts (issue created)'), 'issue created');
  assert.equal(ticket('Treat SEV-1 pages in UTF-8 for CVE-2021-44228'), undefined);
});

test('no Preventive Actions section: no items; a placeholder bullet is no item', () => {
  assert.deepEqual(items(md('# T', '## Summary', 'x')), []);
  assert.deepEqual(items(withActions('- [ ] ', '-')), []);
});

test('done: shipped work, "Already …", a tick at the end, "(merged)", and a pull request under "Fixes"', () => {
  const done = (s: string) => items(withActions(`- ${s}`))[0]!.done;
  assert.equal(done('Fixed bugs with attestation aggregation #15027'), true);
  assert.equal(done('Added `--invalid-block-roots` flag to invalidate bad blocks'), true);
  assert.equal(done('Already added the fix to avoid this route being deleted.'), true);
  assert.equal(done('Reverting the version update and deploying again. ✔️'), true);
  assert.equal(done('Drop the legacy resolver (merged)'), true);
  assert.equal(done('We need to destroy all TLS certs and re-create them'), false, '"need" is no past tense');
  assert.equal(done('Add a canary stage'), false);
  const fixes = fullPostMortem().replace(`## Preventive Actions\n\n${ACTIONS}`, md('## Preventive Actions', '', '### Fixes', '', '- Cap the pool size in [#88](https://github.com/acme/db/pull/88)', '- Cap the queue size').trimEnd());
  assert.deepEqual(items(fixes).map((i) => i.done), [true, false]);
});

test('owners: a name as the subject ("Nóva to send…"), a named group label, a team in the list\'s introduction', () => {
  assert.equal(items(withActions('- Nóva to send the list of domains'))[0]!.owner, 'Nóva');
  assert.equal(items(withActions('- We need a better ACME challenge'))[0]!.owner, undefined);
  const grouped = withActions('- Lighthouse', '  - Developing hot tree-states', '- Short term', '  - Raise the pool size');
  assert.deepEqual(items(grouped).map((i) => i.owner), ['Lighthouse', undefined]);
  const intro = withActions('The Hachyderm infrastructure team will take the following actions:', '', '- Bind Redis to the private network');
  assert.deepEqual(items(intro).map((i) => i.owner), ['The Hachyderm infrastructure team']);
});

test('not actions: timeline entries, accounts of what was, a "What went wrong" beside the actions, lessons learned', () => {
  const text = withActions('- 4:09: parithosh announces the blog post', '- The mapper knows that the set is append-only', '- `iasql_upgrade` didn\'t have a test case', '- Add a test case for the upgrade');
  assert.deepEqual(items(text).map((i) => i.text), ['Add a test case for the upgrade']);
  const beside = fullPostMortem().replace(
    `## Preventive Actions\n\n${ACTIONS}`,
    md('## Preventive Actions', '', '### What went wrong', '', '- Only testing the proxy in production is dangerous', '', '### Action items', '', '- Load test the proxy').trimEnd(),
  );
  assert.deepEqual(items(beside).map((i) => i.text), ['Load test the proxy']);
  const lessons = md('# Outage', '## Summary', 'It broke for an hour.', '## Lessons learned', '- Check the heaviest endpoints first');
  assert.deepEqual(items(lessons), []);
});

test('vague: a one-word topic, "we need better…", "familiarise themselves", "carefully monitor", a bare "investigate"', () => {
  const vague = (s: string) => vaguePhrase(s);
  assert.equal(vague('caching'), 'caching');
  assert.equal(vague('We need better alerting.'), 'better alerting');
  assert.equal(vague('Admins should refamiliarize themselves with the deployment policy'), 'familiarise themselves');
  assert.equal(vague('Carefully monitor the allocation rules for our services'), 'monitor carefully');
  assert.equal(vague('Investigate k8s training'), 'investigate');
  assert.equal(vague('optimizing performance'), 'optimizing performance');
  assert.equal(vague('Don’t forget to check the dashboards'), 'remember to', 'a typographic apostrophe');
  assert.equal(vague('Let’s be more careful'), 'be more careful');
  for (const s of ['Rotate the TLS keys', 'Investigate why the pool drains under load and cap it at 50', 'Alert when disk use passes 80%']) assert.equal(vague(s), undefined, s);
});

test('quick fixes: "Add an owner" and "Add a due date" only insert a field to fill in; none on a table row', () => {
  const text = withActions('- Improve monitoring');
  const a = analyze(text, { force: true });
  const f = a.findings.find((x) => x.code.startsWith('action.'))!;
  const fixes = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).filter((x) => x.title.startsWith('Add'));
  assert.deepEqual(fixes.map((x) => x.title), ['Add an owner', 'Add a due date']);
  const owned = applyEdits(text, fixes[0]!.edits, a);
  assert.ok(owned.includes('\n- Improve monitoring — owner: @\n'), owned);
  assert.equal(owned.replace(' — owner: @', ''), text, 'nothing lost');
  // An empty "owner: @" is no owner yet: the finding stays until a name is typed.
  assert.deepEqual((analyze(owned, { force: true }).findings.find((x) => x.code.startsWith('action.'))!.data as { missing: string[] }).missing, ['owner', 'outcome', 'due']);
  const dated = applyEdits(text, fixes[1]!.edits, a);
  assert.ok(dated.includes('\n- Improve monitoring — due: YYYY-MM-DD\n'), dated);
  const table = withActions('| Action | Owner |', '| --- | --- |', '| Cap the pool | |');
  const t = analyze(table, { force: true });
  const row = t.findings.find((x) => x.code.startsWith('action.'))!;
  assert.deepEqual(codeActions(t, [{ code: row.code, range: row.range, data: row.data }], ['quickfix']).filter((x) => x.title.startsWith('Add')), []);
});

test('quick fixes: not offered again once the field is written, even empty', () => {
  const text = withActions('- Improve monitoring — owner: @');
  const a = analyze(text, { force: true });
  const f = a.findings.find((x) => x.code.startsWith('action.'))!;
  assert.deepEqual(codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).filter((x) => x.title.startsWith('Add')).map((x) => x.title), ['Add a due date']);
});

test('a lower-case handle in brackets opening an item names its owner; a bracketed state or priority does not', async () => {
  const { ownerIn } = await import('../../../server/src/content/action-fields.js');
  assert.equal(ownerIn('[dustin] finish the provisioner patch'), 'dustin');
  assert.equal(ownerIn('[garndt?] more clarity on AMI configuration'), 'garndt');
  assert.equal(ownerIn('[ ] [jhford] dry-run a configuration before running the provisioner'), 'jhford');
  assert.equal(ownerIn('[wip] dry-run a configuration'), undefined);
  assert.equal(ownerIn('[P1] dry-run a configuration'), undefined);
  assert.equal(ownerIn('dry-run a configuration [see notes]'), undefined);
});

test('a Bugzilla reference tracks an item: "bug 1604925", "Bug #1587511"; "bug 2" is prose', async () => {
  const { ticketIn } = await import('../../../server/src/content/action-fields.js');
  assert.equal(ticketIn('bug 1604925 - make running capacity visible in the UI'), 'bug 1604925');
  assert.equal(ticketIn('Bug #1587511 - hard kill instances after 96 hours'), '#1587511'); // the issue number reads it first
  assert.equal(ticketIn('fix bug 2 of the list'), undefined);
});

test('owners in the other usual forms: a trailing "(Kim)", "— Kim Lee", "[SRE team]", "The SRE team will…", "Infra team: …", an Owner in the list\'s introduction', () => {
  const owner = (s: string) => items(withActions(`- ${s}`))[0]!.owner;
  assert.equal(owner('Add an alert on disk use (Kim)'), 'Kim');
  assert.equal(owner('Add an alert on disk use (Kim, Bo)'), 'Kim, Bo');
  assert.equal(owner('Add an alert on disk use — Kim Lee'), 'Kim Lee');
  assert.equal(owner('Add an alert on disk use [SRE team]'), 'SRE team');
  assert.equal(owner('Add an alert on disk use (infra team).'), 'infra team');
  assert.equal(owner('The SRE team will add an alert on disk use'), 'The SRE team');
  assert.equal(owner('Infra team: add an alert on disk use'), 'Infra team');
  // Asides that name no one: a state, a priority, an acronym, what is left of a link, "the team".
  for (const s of ['Add an alert (Optional)', 'Add an alert (High Priority)', 'Add an alert (DNS)', 'Add an alert [Issue](https://example.com/i/1)', 'The team will add an alert', 'Add an alert - see above']) {
    assert.equal(owner(s), undefined, s);
  }
  // Names in capitals, as some teams sign their actions, with the ticket after them; acronyms are not names.
  assert.equal(owner('Alert to the right address (GIORGIO) [ELPP-3148](https://example.com/browse/ELPP-3148)'), 'GIORGIO');
  assert.equal(owner('Alert on RDS space [GIORGIO, LUKE]'), 'GIORGIO, LUKE');
  assert.equal(owner('Define the cut-off point (PAUL S)'), 'PAUL S');
  for (const s of ['Serve it over TLS (HTTPS)', 'Publish the records (DMARC)', 'Add an alert [TODO]', 'Add an alert (NGINX)']) assert.equal(owner(s), undefined, s);
  assert.equal(owner('Developer to take responsibility for merging their own PRs'), undefined, 'a role said of everyone names no one');
  assert.equal(owner('Reviewers to verify the changes in review environments'), undefined);
  // An aside with who and when, or who said as who: "(Alice, Q3)", "(by Alice)", "(owner Kim)", "(Kim to follow up)"; not a list of things.
  for (const [s, who] of [['Add an alert (Alice, Q3)', 'Alice'], ['Add an alert (Alice; #123)', 'Alice'], ['Add an alert (by Alice)', 'Alice'], ['Add an alert (owner Kim)', 'Kim'], ['Add an alert (Kim to follow up)', 'Kim']]) assert.equal(owner(s!), who, s);
  for (const s of ['Upgrade the caches (Postgres, 2 nodes)', 'Upgrade the caches (see Runbook, Docs)', 'Upgrade the cluster (Kubernetes to 1.29)']) assert.equal(owner(s), undefined, s);
  const intro = withActions('All of these are owned by @platform:', '', '- Add an alert on disk use');
  assert.deepEqual(items(intro).map((i) => i.owner), ['@platform']);
  const ourTeam = withActions('Our team will take the following actions:', '', '- Add an alert on disk use');
  assert.deepEqual(items(ourTeam).map((i) => i.owner), [undefined], '"our team" names no one');
});

test('done in the other usual forms: "(Done!)", "[DONE]", "… Done.", "fixed in #12", a state written as done, a purpose then what was done, "Actions taken"', () => {
  const done = (s: string) => items(withActions(`- ${s}`))[0]!.done;
  for (const s of [
    'Delete the old nodes (Done!)',
    'Delete the old nodes (completed 2024-03-02)',
    'Delete the old nodes [DONE]',
    'Delete the old nodes. Done.',
    'Delete the old nodes **Completed**',
    'Delete the old nodes, fixed in #123',
    'Use in-progress metrics for feedback. _done in grafana_.',
    'EIP-6110 is updated to add events filtering',
    'Execution clients implemented a fix for parsing deposit logs',
    'To deal with the load, the team created a larger node',
    // A commit is a change made; a pull request may still be open.
    '[Write tests](https://github.com/o/r/commit/bdcdd5f39a2c) to ensure tinting does not regress',
  ]) assert.equal(done(s), true, s);
  assert.equal(done('[Reduce the interval](https://github.com/o/r/pull/12) to one minute'), false, 'an imperative with its pull request may still be open');
  assert.equal(done('[ ] [Write tests](https://github.com/o/r/commit/bdcdd5f39a2c) for the loader'), false, 'an unticked box is open');
  for (const s of ['Delete the old nodes; this will be fixed in #123', 'Ensure alerts are routed to the on-call', 'Monitoring is needed for the queue', 'Check that nodes are drained', 'Make sure the migration is completed before the release']) {
    assert.equal(done(s), false, s);
  }
  const taken = fullPostMortem().replace(`## Preventive Actions\n\n${ACTIONS}`, md('## Preventive Actions', '', '### Actions taken', '', '- Raise the pool back to 50').trimEnd());
  assert.deepEqual(items(taken).map((i) => i.done), [true]);
  // What could or is still to be done is open: "What could be done to avoid this in future?", "Actions to be taken".
  for (const heading of ['What could be done to avoid this in future?', 'Actions to be taken', 'Next steps (yet to be done)']) {
    const open = fullPostMortem().replace(`## Preventive Actions\n\n${ACTIONS}`, md(`## ${heading}`, '', '- Raise the pool back to 50').trimEnd());
    assert.deepEqual(items(open).map((i) => i.done), [false], heading);
  }
});

test('tickets in the other usual forms: "tracked in …", gh-123, a merge request !12, "PR 7"; "by 3/12" is a due date', () => {
  const item = (s: string) => items(withActions(`- ${s}`))[0]!;
  assert.equal(item('Add an alert, tracked in our internal tracker').ticket, 'tracked in');
  assert.equal(item('Add an alert (gh-123)').ticket, 'gh-123');
  assert.equal(item('Add an alert in !42').ticket, '!42');
  assert.equal(item('Add an alert, see PR 7').ticket, 'PR 7');
  assert.equal(item('Add an alert by 3/12').due, '3/12');
  assert.equal(item('Add an alert! It matters').ticket, undefined);
});

test('a month named as the time to do it is a due date ("we\'ll try this out in June", "by early March"); "may" the verb is not', () => {
  const item = (s: string) => items(withActions(`- ${s}`))[0]!;
  assert.equal(item('Change to the auto-scale option - we\'ll try this out in June').due, 'June');
  assert.equal(item('Move the cron jobs by early March').due, 'early March');
  assert.equal(item('Add an alert so that we may notice it sooner').due, undefined);
  assert.equal(item('Add an alert for the May release train').due, undefined, 'a month as a name, not a time to do it');
});

test('accounts in the past tense are no actions; a part named for nothing among kinds of improvements is a group of actions', () => {
  const text = withActions(
    "- Didn't experience major issues with performance",
    '- Even when the block was invalid, it was added to fork choice',
    '- After the network finalized, the client took a while to catch up',
    '- When there are several reports of failed starts, check whether the pods ran on one node',
  );
  assert.deepEqual(items(text).map((i) => i.text), ['When there are several reports of failed starts, check whether the pods ran on one node']);
  const groups = fullPostMortem().replace(
    `## Preventive Actions\n\n${ACTIONS}`,
    md('## Preventive Actions', '', '### Process improvements', '', '- Write a runbook (OPS-1)', '', '### Code and configuration changes', '', '- Lower the launch timeout to 5 minutes').trimEnd(),
  );
  assert.deepEqual(items(groups).map((i) => i.text), ['Write a runbook (OPS-1)', 'Lower the launch timeout to 5 minutes']);
});

test('done: the new state written with "now" ("The deploy script now checks…"); items under a Resolution part inside the actions', () => {
  const done = (s: string) => items(withActions(`- ${s}`))[0]!.done;
  assert.equal(done('The deploy script now checks the quota before it applies'), true);
  assert.equal(done('The alert now pages the on-call at 80% of the quota'), true);
  assert.equal(done('We should now add an alert at 80%'), false);
  assert.equal(done('Fix it now before the release'), false);
  assert.equal(done('Make sure the script now checks the quota'), false);
  const resolution = fullPostMortem().replace(`## Preventive Actions\n\n${ACTIONS}`, md('## Preventive Actions', '', '- Add a canary stage', '', '### Resolution', '', '- Roll back the release').trimEnd());
  assert.deepEqual(items(resolution).map((i) => [i.text, i.done]), [['Add a canary stage', false], ['Roll back the release', true]]);
});

test('an unticked box is open under any part: "Immediate Actions (0-7 days)" inside the actions lists work to do', () => {
  const grouped = fullPostMortem().replace(`## Preventive Actions\n\n${ACTIONS}`, md('## Action Items', '', '### Immediate Actions (0-7 days)', '', '- [ ] **Configure monitoring alerts**: Set up alerts for Clickhouse', '- [x] **Reactivate the database**', '- Roll back the release').trimEnd());
  assert.deepEqual(items(grouped).map((i) => [i.text, i.done]), [
    ['Configure monitoring alerts: Set up alerts for Clickhouse', false],
    ['Reactivate the database', true],
    ['Roll back the release', true],
  ]);
  const findings = analyze(grouped, { force: true }).findings.filter((f) => f.code.startsWith('action.'));
  assert.deepEqual(findings.map((f) => f.range.start.line), [items(grouped)[0]!.line], 'only the open item lacks an owner');
});

test('owners and columns by their other names: "Lead:", "POC:", "Assigned:", "Owner(s):", a Lead column, a Timeframe column, a GitHub column', () => {
  const owner = (s: string) => items(withActions(`- ${s}`))[0]!.owner;
  assert.equal(owner('Add a canary stage (lead: Kim)'), 'Kim');
  assert.equal(owner('Add a canary stage, POC: @ops'), '@ops');
  assert.equal(owner('Add a canary stage. Assigned: Kim Lee'), 'Kim Lee');
  assert.equal(owner('Add a canary stage (Owner(s): Kim)'), 'Kim');
  assert.equal(owner('Add a canary stage (unassigned: none yet)'), undefined);
  // Underscore emphasis around a field does not hide it: "_due 2024-03-05_", "__ABC-12__", "_@kim_lee_".
  const item = (s: string) => items(withActions(`- ${s}`))[0]!;
  assert.equal(item('Add a canary stage _due 2024-03-05_').due, '2024-03-05');
  assert.equal(item('Add a canary stage __ABC-12__').ticket, 'ABC-12');
  assert.equal(item('_@kim_lee_ to add a canary stage').owner, '@kim_lee');
  // An account written with a typographic apostrophe is no action either; the item is shown as written.
  assert.deepEqual(items(withActions('- The queue didn’t have alerts on its length')), []);
  assert.equal(item('Don’t page the secondary for warnings').text, 'Don’t page the secondary for warnings');
  const table = withActions('| Action | Lead | Timeframe | GitHub |', '| --- | --- | --- | --- |', '| Add a canary stage | Kim | next sprint | [link](https://github.com/a/b/issues/1) |');
  assert.deepEqual(items(table).map(({ owner: o, due }) => [o, due]), [['Kim', 'next sprint']]);
});

test('a list of observations is no list of actions; one statement among actions, or a list that asks for something, still is', () => {
  const observations = withActions('- The proxy is written in JavaScript and leaks ports under load', '- The CPU allocation on the core node was also spiking', '- Only testing the fork in production is dangerous');
  assert.deepEqual(items(observations), []);
  const mixed = withActions('- The proxy is written in JavaScript', '- Move the proxy to its own node');
  assert.deepEqual(items(mixed).map((i) => i.text), ['The proxy is written in JavaScript', 'Move the proxy to its own node']);
  const asks = withActions('- The proxy is slow and should be replaced', '- The runbook is missing; it needs a section on restarts');
  assert.equal(items(asks).length, 2);
  const imperative = withActions('- Determine how many nodes are not mounting the disk', '- Find out which nodes are old');
  assert.equal(items(imperative).length, 2);
});

test('a past tense or a gerund before "to" is no name: "Optimized `BlocksByRange` to load…" has no owner', () => {
  assert.equal(items(withActions('- Optimized `BlocksByRange` to load from fork choice'))[0]!.owner, undefined);
  assert.equal(items(withActions('- Upgrading `nginx` to fix the leak'))[0]!.owner, undefined);
  assert.equal(items(withActions('- Fred to rotate the keys'))[0]!.owner, 'Fred');
});

test('done: an irregular past tense ("Wrote a runbook", "Held a retrospective"); a Status cell that says Merged or Deployed', () => {
  const done = (s: string) => items(withActions(`- ${s}`))[0]!.done;
  assert.equal(done('Wrote a runbook for restoring the database'), true);
  assert.equal(done('Held a retrospective with the on-call team'), true);
  assert.equal(done('Write a runbook for restoring the database'), false);
  const table = withActions('| Action | Status |', '| --- | --- |', '| Cap the pool | Merged |', '| Alert on waits | Deployed to prod |', '| Load test | Not started |', '| Split the pool | Not done yet |');
  assert.deepEqual(items(table).map((i) => i.done), [true, true, false, false]);
  // Google's template writes the state in its Bug column: "**DONE**" is done and tracks nothing, "**TODO**" is open, "ABC-13 **DONE**" is both.
  const google = withActions('| Action Item | Type | Owner | Bug |', '| --- | --- | --- | --- |', '| Add a canary | prevent | RT | **TODO** |', '| Fix the alert | mitigate | Core-1 team | **DONE** |', '| Write a runbook | process | Kim | ABC-12 |', '| Rotate keys | process | Kim | ABC-13 **DONE** |');
  assert.deepEqual(items(google).map((i) => [i.done, i.ticket]), [[false, undefined], [true, undefined], [false, 'ABC-12'], [true, 'ABC-13']]);
});

test('a short line inside the timeline that happens to hold an action word is part of the story: the list after it holds no actions', async () => {
  const { buildModel } = await import('../../../server/src/model/document.js');
  const { extractActionItems } = await import('../../../server/src/content/actions.js');
  const m = buildModel(['# 2019-02-06', '', '## Timeline', '', '10:42 ticket created by Hem', '', 'Inadvertently added in the Todo column', '', '20:26: Hannah requests a revert, since:', '', '- we are out of hours', '- unclear time to repair', '', '## Corrective Actions', '', '- 2 reviewers as a minimum for merge', ''].join('\n'));
  assert.deepEqual(extractActionItems(m).map((a) => a.text), ['2 reviewers as a minimum for merge']);
});

test('owners: an emphasised label ("- **Owner**: Alice", "_Owner_: Kim"), and teams known by their initials ("(SRE)", "— DevOps", "QA to verify…", "SRE: add…")', () => {
  const owner = (s: string) => items(withActions(`- ${s}`))[0]!.owner;
  assert.equal(owner('Add an alert on latency - **Owner**: Alice'), 'Alice');
  assert.equal(owner('Add an alert on latency - **Owner:** Alice'), 'Alice');
  assert.equal(owner('Add an alert on latency. _Owner_: Kim'), 'Kim');
  assert.equal(owner('Add an alert on latency - **Owner**: TBD'), undefined, 'a placeholder is no owner');
  assert.equal(owner('Add an alert on latency (SRE)'), 'SRE');
  assert.equal(owner('Add an alert on latency [SRE]'), 'SRE');
  assert.equal(owner('Add an alert on latency - DevOps'), 'DevOps');
  assert.equal(owner('QA to verify the release'), 'QA');
  assert.equal(owner('SRE: add an alert on latency'), 'SRE');
  assert.equal(owner('Use QA builds for the canary'), undefined);
  assert.equal(owner('Move the alert to the SRE runbook'), undefined);
  assert.equal(owner('Add an alert on latency (DNS)'), undefined, 'an acronym of a technology is no one');
});

test('a question is no action; an imperative with a question mark is one; "Improve X:" over its details is one action', () => {
  const texts = (...lines: string[]) => items(withActions(...lines)).map((i) => i.text);
  assert.deepEqual(texts('- Should we use PRs for status updates?', '- Maybe using a bot to simplify the update?', '- Systematically cordon and cull nodes older than 3-5 days?'), ['Systematically cordon and cull nodes older than 3-5 days?']);
  assert.deepEqual(texts('- Improve the status.jenkins.io update:', '  - Auto-generate the incident issues', '  - Check the build before publishing'), ['Improve the status.jenkins.io update: Auto-generate the incident issues Check the build before publishing']);
  assert.deepEqual(texts('- Monitoring:', '  - Add an alert on queue depth', '  - Page on error rate'), ['Add an alert on queue depth', 'Page on error rate'], 'a label over actions still groups them');
});

test('an item that links a pull request or commit is a specific measure, however short its words ("Stable: <…/pull/164>")', () => {
  const text = withActions('- Configuration fixes', '  - Stable: <https://github.com/jenkins-infra/release/pull/164>', '  - Weekly: <https://github.com/jenkins-infra/release/pull/165>', '  - Caching');
  const vague = analyze(text, { force: true }).findings.filter((f) => (f.data as { missing?: string[] } | undefined)?.missing?.includes('outcome'));
  assert.deepEqual(vague.map((f) => (f.data as { phrase?: string }).phrase), ['caching']);
});

test('who proposed, commented or was copied is no owner: "as proposed by @x", "(proposal from @timja)", a reply "* @olblak: …" under the item', () => {
  const owner = (...lines: string[]) => items(withActions(...lines))[0]!.owner;
  assert.equal(owner('- Remove the Azure Commons plugin as proposed by @zvW [INFRA-3010]'), undefined);
  assert.equal(owner('- Create a runbook for status.jenkins.io (proposal from @timja), a static VM [INFRA-3009]'), undefined);
  assert.equal(owner('- Mount no volume in the packaging pod', '  - Why a mounted volume?', '    * @olblak : The motivation is to hide that abstraction.'), undefined);
  assert.equal(owner('- Remove the plugin, proposed by @zvW, owner @kim'), '@kim', 'a later handle still owns it');
  assert.equal(owner('- Mount no volume in the packaging pod', '  - @dduportal to try it next week'), '@dduportal', 'a nested line that is no reply still names the owner');
  assert.equal(owner('- @alice: add an alert on latency'), '@alice', 'a handle opening the item itself is its owner');
});

test('hindsight is no action: "The only thing we could have done was…", "We should have noticed the queue sooner"', () => {
  const texts = (...lines: string[]) => items(withActions(...lines)).map((i) => i.text);
  assert.deepEqual(
    texts(
      '- The only thing we could have done to mitigate the incident was to update the DNS record; it is better to just wait.',
      '- We should have noticed the queue sooner',
      '- The cookie column should have UNIQUE and NOT NULL constraints',
      '- Add an alert on the queue; we should have noticed it sooner',
    ),
    ['The cookie column should have UNIQUE and NOT NULL constraints', 'Add an alert on the queue; we should have noticed it sooner'],
  );
});

test('a change told as a thing with its pull request is done ("Adding a note on the status page: <…/pull/18>"); an imperative with one may be open', () => {
  const done = (s: string) => items(withActions(`- ${s}`))[0]!.done;
  assert.equal(done('Configuration fix for the release controller (UNC paths): <https://github.com/jenkins-infra/charts/pull/1196>'), true);
  assert.equal(done('Adding a note on status.jenkins.io: <https://github.com/jenkins-infra/status/pull/18>'), true);
  assert.equal(done('Reduce the interval at which the hub checks the proxy. [PR](https://github.com/data-8/jupyterhub-k8s/pull/123)'), false);
  assert.equal(done('Adding a note on status.jenkins.io'), false, 'without the pull request, a gerund is a plan');
  assert.equal(done('Bring the cache back: <https://github.com/a/b/pull/9>'), false);
});
