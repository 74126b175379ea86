// The workspace files behind workspace diagnostics: walked again at most every 10 s, looked at on
// every pull, so a client pulling every 2 s costs a few stats, not a directory walk.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { workspaceFiles } from '../../../server/src/handlers/workspaceFiles';

describe('workspace files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-wsfiles-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const names = (t: number) => workspaceFiles([dir], t).map((f) => `${f.language} ${f.path.slice(dir.length + 1)}`).sort();

  it('finds files by name and by first line, and sees new ones after the next walk only', () => {
    writeFileSync(join(dir, 'main.cf'), 'biff = no\n');
    writeFileSync(join(dir, 'zone.txt'), '$ORIGIN x.org.\n');
    writeFileSync(join(dir, 'notes.md'), '# notes\n');
    assert.deepEqual(names(1_000_000), ['dns-zone zone.txt', 'postfix-main main.cf']);
    writeFileSync(join(dir, 'master.cf'), 'smtp inet n - y - - smtpd\n');
    assert.deepEqual(names(1_005_000), ['dns-zone zone.txt', 'postfix-main main.cf'], 'within 10 s, the last walk');
    assert.deepEqual(names(1_010_000), ['dns-zone zone.txt', 'postfix-main main.cf', 'postfix-master master.cf']);
  });

  it('drops a removed file at once', () => {
    unlinkSync(join(dir, 'zone.txt'));
    assert.deepEqual(names(1_011_000), ['postfix-main main.cf', 'postfix-master master.cf']);
  });
});
