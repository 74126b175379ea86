// The simulator's mail flow against the real Postfix's own delivery reports: generated
// configurations (mailFlowScenarioGenerator.ts) are loaded into a private Postfix, `sendmail -bv`
// asks where each generated address goes, and for every address the delivered addresses with
// their transport and next hop must be the simulator's. Disagreements are stored under
// regressions/mailflow and replayed offline by storedMailFlow.test.ts. MAILFLOW_DIFF_CONFIGS,
// MAILFLOW_DIFF_ADDRESSES and MAILFLOW_DIFF_SEED widen or move the run.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requirePeer } from '../../../support/peers';
import { generateMailFlowCase } from '../../../support/mailFlowScenarioGenerator';
import { SENDMAIL_BV_PACKAGES, SendmailBvOracle } from '../../../support/sendmailBvOracle';
import { differences, storeMailFlowRegression } from './mailFlowComparison';

const STORED = resolve(__dirname, 'regressions/mailflow');
const skip = requirePeer('sendmail', SENDMAIL_BV_PACKAGES);
// A configuration costs a few seconds (a fresh master each); CI compares three times as many.
const CONFIGS = Number(process.env.MAILFLOW_DIFF_CONFIGS ?? (process.env.CI === 'true' ? 75 : 25));
const ADDRESSES = Number(process.env.MAILFLOW_DIFF_ADDRESSES ?? 14);
const SEED = Number(process.env.MAILFLOW_DIFF_SEED ?? 1900);

// Configurations run in parallel lanes, one private Postfix each: most of a configuration's time
// is Postfix starting and stopping, not CPU.
const LANES = 4;

describe('the mail flow agrees with sendmail -bv', { skip }, () => {
  const oracles: SendmailBvOracle[] = [];
  before(() => {
    for (let i = 0; i < LANES; i++) oracles.push(SendmailBvOracle.start(`/tmp/mailconf-sendmail-bv-${process.pid}-${i}`));
  });
  after(async () => {
    await Promise.all(oracles.map((o) => o.stop()));
  });

  it('gives every address the final addresses, transports and next hops Postfix reports', async () => {
    const failures: string[] = [];
    const oracleFailures: string[] = [];
    let addresses = 0;
    let deliveries = 0;
    let deferred = 0;
    const lane = async (oracle: SendmailBvOracle, seeds: number[]) => {
      for (const seed of seeds) {
        const g = generateMailFlowCase(seed, oracle.tablesDir, ADDRESSES);
        const mainCf = oracle.baseMainCf() + g.mainCf;
        const answer = await oracle.ask(mainCf, g.files, g.addresses);
        if (answer.failure || answer.deliveries.some((d) => d.transport === '?')) {
          oracleFailures.push(`configuration ${seed}: ${answer.failure ?? `no log line for ${JSON.stringify(answer.deliveries.filter((d) => d.transport === '?'))}`}`);
          continue;
        }
        const c = { mainCf, files: g.files, addresses: g.addresses, real: answer.deliveries, ...(answer.deferred?.length ? { deferred: answer.deferred } : {}) };
        const d = differences(c);
        addresses += g.addresses.length;
        deliveries += answer.deliveries.length;
        deferred += answer.deferred?.length ?? 0;
        if (d.length > 0) failures.push(`${storeMailFlowRegression(STORED, c)} (seed ${seed}):\n  ${d.join('\n  ')}`);
      }
    };
    const seeds = Array.from({ length: CONFIGS }, (_, i) => SEED + i);
    await Promise.all(oracles.map((o, k) => lane(o, seeds.filter((_, i) => i % LANES === k))));
    console.log(`mail flow: ${addresses} addresses in ${CONFIGS - oracleFailures.length} configurations, ${deliveries} deliveries reported, ${deferred} addresses deferred by cleanup, ${failures.length} configurations differ`);
    assert.deepEqual(oracleFailures, []);
    assert.ok(addresses >= 300 || CONFIGS < 25, `only ${addresses} addresses compared`);
    assert.deepEqual(failures, []);
  });
});
