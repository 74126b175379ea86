import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { skipReasons } from '../../layers/nodeTests.mjs';

describe('skip reasons in the closing summary', () => {
  it('are counted per reason from the TAP stream, nested or not', () => {
    const tap = [
      'ok 1 - agreement # SKIP no named-checkzone: apt-get install bind9-utils',
      '    ok 2 - one # SKIP no named-checkzone: apt-get install bind9-utils',
      'ok 3 - sshd # SKIP no sshd: apt-get install openssh-server openssh-client',
      'ok 4 - passes',
      'ok 5 - bare # SKIP',
    ].join('\n');
    assert.deepEqual(
      [...skipReasons(tap)],
      [
        ['no named-checkzone: apt-get install bind9-utils', 2],
        ['no sshd: apt-get install openssh-server openssh-client', 1],
        ['no reason given', 1],
      ],
    );
  });
});
