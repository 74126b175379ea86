// Every session the differential ever caught the simulator disagreeing with smtpd on (stored
// under test/server/postfix/simulator/regressions with smtpd's own replies) is simulated again and
// must now give smtpd's reply at every stage. Offline: the stored replies are the oracle.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { OracleTranscript } from '../../../support/smtpdOracle';
import { difference, OracleCase, simulateCase } from './oracleComparison';

const STORED = resolve(__dirname, 'regressions');

describe('stored simulator-vs-smtpd disagreements', () => {
  const files = readdirSync(STORED).filter((f) => f.endsWith('.json')).sort();

  it('has stored sessions to replay', () => {
    assert.ok(files.length >= 5, `only ${files.length} stored sessions`);
  });

  it("the simulator now gives smtpd's reply at every stage of each", () => {
    const failures = files.flatMap((f) => {
      const c = JSON.parse(readFileSync(join(STORED, f), 'utf8')) as OracleCase & { real: OracleTranscript };
      const d = difference(c, c.real, simulateCase(c));
      return d ? [`${f}: ${d}`] : [];
    });
    assert.deepEqual(failures, []);
  });
});
