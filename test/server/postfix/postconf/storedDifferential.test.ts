// Every main.cf the differential fuzzer ever caught the emulation disagreeing on (stored under
// test/fuzz/regressions/postconf-differential) goes through the real `postconf -n` and the
// emulation again, all in one batch: stdout, exit status and stderr must agree (stderr line for
// line: postconf runs with NORANDOMIZE=1, so its hash-table order is fixed). A real
// postconf that crashes on an input (exit by signal) is not something to emulate: such inputs stay
// stored as documented examples (183cbb07ff94: a value that compares itself) and are not compared.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { describeMismatch, emulatedPostconf, realCrashed, realPostconf } from '../../../fuzz/differential/postconf';
import { requirePeer } from '../../../support/peers';

const ROOT = resolve(__dirname, '../../../..');
const STORED = join(ROOT, 'test/fuzz/regressions/postconf-differential');
const skip = requirePeer('postconf', ['postfix']);

describe('stored postconf differential mismatches', { skip }, () => {
  const files = readdirSync(STORED)
    .filter((f) => f.endsWith('.main.cf'))
    .sort();
  const masterCf = readFileSync(join(ROOT, 'examples/lab/master.cf'), 'utf8');

  it('has stored inputs to replay', () => {
    assert.ok(files.length >= 40, `only ${files.length} stored inputs`);
  });

  it('the emulation agrees with the real postconf -n on every stored main.cf', async () => {
    const mains = files.map((f) => readFileSync(join(STORED, f), 'utf8'));
    // Several shells: postconf sleeps a second before it exits on a fatal error.
    const real = await realPostconf(mains, masterCf, 8);
    const failures: string[] = [];
    let crashes = 0;
    mains.forEach((m, i) => {
      if (realCrashed(real[i])) return void crashes++;
      const diff = describeMismatch(real[i], emulatedPostconf(m, masterCf));
      if (diff) failures.push(`${files[i]}:\n${diff}`);
    });
    assert.equal(failures.length, 0, `${failures.length} of ${files.length} differ:\n${failures.slice(0, 5).join('\n')}`);
    // One stored input documents a real postconf crash (a value that compares itself recurses
    // without bound); if Postfix ever stops crashing there, it becomes an ordinary comparison.
    assert.ok(crashes <= 1, `${crashes} crashes of the real postconf`);
  });
});
