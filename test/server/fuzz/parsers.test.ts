// The deterministic slice of `npm run fuzz` that runs with the unit tests: every parser's
// properties on a few hundred generated inputs from a fixed seed, and every stored regression
// input replayed. Times are not checked here (that is the fuzz run's job, never a unit test's).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProperty } from '../../fuzz/check';
import { ALL_PROPERTIES, PARSERS } from '../../fuzz/properties';
import { replayRegressions } from '../../fuzz/regressions';

const SEED = 20261124;
const RUNS = 300;

/**
 * Properties that still fail, with the minimised input: reported as todo (run, shown, not failing
 * the suite) until their owners fix them. Remove an entry once its property passes.
 */
const KNOWN_FAILURES: Record<string, string> = {
};

describe('fuzz slice (fixed seed)', () => {
  for (const parser of PARSERS) {
    describe(parser, () => {
      for (const p of ALL_PROPERTIES.filter((x) => x.parser === parser)) {
        // Large-input properties get a handful of runs; the rest a few hundred.
        const runs = Math.max(p.share !== undefined && p.share < 0.01 ? 3 : 20, Math.round(RUNS * Math.min(1, p.share ?? 1)));
        const todo = KNOWN_FAILURES[`${parser}/${p.name}`];
        it(`${p.name} (${runs} inputs)`, { todo }, () => {
          const s = checkProperty(p, { runs, seed: SEED, timed: false });
          assert.ok(s.ok, `${s.error}\ninput: ${JSON.stringify(s.counterexample)?.slice(0, 2000)}`);
          assert.equal(s.runs, runs);
        });
      }
    });
  }

  it('replays every stored regression input without a failure', () => {
    const r = replayRegressions();
    assert.deepEqual(r.failed, []);
  });
});
