// npm start's lab working copy: made once, kept with the user's edits, replaced on --reset-lab,
// and the examples it comes from never touched.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureLabCopy, labPaths } from '../../scripts/labCopy.mjs';

describe('the lab working copy', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'mailconf-labcopy-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  const examples = join(scratch, 'examples');
  const copy = join(scratch, 'cache', 'lab');
  mkdirSync(examples);
  writeFileSync(join(examples, 'main.cf'), 'myhostname = smtp.mail1.org\n');

  it('lives under .cache/, apart from examples/lab', () => {
    const paths = labPaths('/repo');
    assert.equal(paths.examples, '/repo/examples/lab');
    assert.equal(paths.copy, '/repo/.cache/lab');
  });

  it('is copied on the first start, then kept with the edits made in it', () => {
    assert.deepEqual(ensureLabCopy(examples, copy), { fresh: true });
    writeFileSync(join(copy, 'main.cf'), 'myhostname = edited.mail1.org\n');
    assert.deepEqual(ensureLabCopy(examples, copy), { fresh: false });
    assert.equal(readFileSync(join(copy, 'main.cf'), 'utf8'), 'myhostname = edited.mail1.org\n');
    assert.equal(readFileSync(join(examples, 'main.cf'), 'utf8'), 'myhostname = smtp.mail1.org\n', 'the examples are untouched');
  });

  it('is restored from the examples on --reset-lab, files added to it removed', () => {
    writeFileSync(join(copy, 'extra.zone'), '$ORIGIN x.\n');
    assert.deepEqual(ensureLabCopy(examples, copy, { reset: true }), { fresh: true });
    assert.equal(readFileSync(join(copy, 'main.cf'), 'utf8'), 'myhostname = smtp.mail1.org\n');
    assert.throws(() => readFileSync(join(copy, 'extra.zone')), /ENOENT/);
  });
});
