// Words of a restriction list as smtpd's mystrtokq() cuts them: at blanks and commas, with { }
// groups and $( ) references whole; the same offsets whether or not the value has either.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitWords } from '../../../../server/src/postfix/simulator/restrictionList';

const words = (text: string) => splitWords(text).map((w) => [w.text, w.start, w.end]);

describe('restriction words', () => {
  it('cuts at blank, comma, tab, CR and LF only', () => {
    assert.deepEqual(words(' permit_mynetworks,\treject\r\n x\vy\fz,,'), [
      ['permit_mynetworks', 1, 18],
      ['reject', 20, 26],
      ['x\vy\fz', 29, 34],
    ]);
    assert.deepEqual(words(''), []);
    assert.deepEqual(words(' , '), []);
  });

  it('keeps { } groups and $( ) references whole, and other parentheses are plain characters', () => {
    assert.deepEqual(words('check_policy_service { inet:127.0.0.1:10023, default_action=DUNNO }, $(name with blanks) a(b c)'), [
      ['check_policy_service', 0, 20],
      ['{ inet:127.0.0.1:10023, default_action=DUNNO }', 21, 67],
      ['$(name with blanks)', 69, 88],
      ['a(b', 89, 92],
      ['c)', 93, 95],
    ]);
  });
});
