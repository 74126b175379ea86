import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { phaseLog } from '../../../scripts/setup/phases.mjs';

describe('set-up phases', () => {
  it('print one line per phase, with its time and the time since the start', async () => {
    const lines: string[] = [];
    let clock = 1000;
    const { phase } = phaseLog('start', { write: (l) => lines.push(l), now: () => clock });
    const result = await phase('Node 24', () => {
      clock += 4300;
      return 'installed';
    });
    await phase('code-server', async () => {
      clock += 84_200;
      return { url: 'http://127.0.0.1:8080' };
    }, (s) => s.url);
    assert.equal(result, 'installed');
    assert.deepEqual(lines, [
      '[start] Node 24: installed (4.3 s; 4.3 s since start)',
      '[start] code-server: http://127.0.0.1:8080 (84.2 s; 88.5 s since start)',
    ]);
  });
});
