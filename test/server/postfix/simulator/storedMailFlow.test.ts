// Every mail-flow case the differential caught the simulator disagreeing with sendmail -bv on
// (stored under regressions/mailflow with Postfix's own report) is simulated again and must now
// give what Postfix reported. Offline: the stored report is the oracle.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { differences, StoredMailFlowCase } from './mailFlowComparison';

const STORED = resolve(__dirname, 'regressions/mailflow');

describe('stored mail-flow disagreements with sendmail -bv', () => {
  const files = readdirSync(STORED).filter((f) => f.endsWith('.json')).sort();

  it('has stored cases to replay', () => {
    assert.ok(files.length >= 1, 'nothing stored');
  });

  it("the simulator now gives Postfix's delivered addresses, transports and next hops for each", () => {
    const failures = files.flatMap((f) => differences(JSON.parse(readFileSync(join(STORED, f), 'utf8')) as StoredMailFlowCase).map((d) => `${f}: ${d}`));
    assert.deepEqual(failures, []);
  });
});
