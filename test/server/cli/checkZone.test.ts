// `mailconf check` on zone files, as a whole process: the lesson's zone, --origin, exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('mailconf check on zone files', () => {
  it("reports the lesson's CNAME self-loop and exits 1", () => {
    const file = resolve(__dirname, '../../../examples/lab/mail1.org.zone');
    const r = run('check', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /mail1\.org\.zone:16:20: error: CNAME loop: imap\.mail1\.org\. is an alias of itself.* \[cname-loop\]/);
  });

  it('takes the zone from --origin, and from the file name otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-zone-'));
    const text = '$TTL 1h\n@ IN SOA ns hm 1 3h 1h 1w 1h\n@ IN NS ns\nns IN A 192.0.2.1\n@ IN MX 10 mail.mail9.org\nmail IN A 192.0.2.2\n';
    writeFileSync(join(dir, 'anything.txt'), text);
    writeFileSync(join(dir, 'db.mail9.org'), text);
    const withOrigin = run('check', '--language', 'dns-zone', '--origin', 'mail9.org', join(dir, 'anything.txt'));
    assert.match(withOrigin.stdout, /\[missing-trailing-dot\]/);
    assert.match(run('check', join(dir, 'db.mail9.org')).stdout, /mail\.mail9\.org\.mail9\.org\./);
    assert.doesNotMatch(run('check', '--language', 'dns-zone', '--origin', 'other.org', join(dir, 'anything.txt')).stdout, /missing-trailing-dot/);
  });

  it('exits 0 on a clean zone', () => {
    const r = run('check', resolve(__dirname, '../../../examples/lab/mail2.org.zone'));
    assert.equal(r.stdout, '');
    assert.equal(r.status, 0);
  });
});
