import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskNonProse } from '../../../server/src/content/text.js';

test('maskNonProse blanks each non-prose form, keeping the length', () => {
  // Each line with the part that is not prose; the expected text is the line with that part blanked.
  const cases: Array<[string, string]> = [
    ['run `rm -rf /` here', '`rm -rf /`'],
    ['see <!-- note --> this', '<!-- note -->'],
    ['a [link](https://x.io/a) b', '(https://x.io/a)'],
    ['at <https://x.io> now', '<https://x.io>'],
    ['at HTTPS://X.IO/a now', 'HTTPS://X.IO/a'],
  ];
  for (const [line, part] of cases) {
    const masked = line.replace(part, ' '.repeat(part.length));
    assert.equal(maskNonProse(line), masked, line);
  }
  assert.equal(maskNonProse('a <b>bold</b> word'), 'a    bold     word');
});

test('maskNonProse returns a line with nothing to mask unchanged, brackets and colons included', () => {
  for (const line of ['The engineer forgot to renew the certificate.', '[x] done: 14:02 UTC (see below)', 'a > b and c]d', 'http is a protocol']) {
    assert.equal(maskNonProse(line), line);
  }
});
