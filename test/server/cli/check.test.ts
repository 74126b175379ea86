// `mailconf check` as a whole process, the way CI pipelines run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../../dist/cli.js');
// In English whatever the machine's locale, unless a test asks for Spanish.
const ENGLISH = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: ENGLISH });

function fixture(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-check-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('mailconf check', () => {
  it('prints FILE:LINE:COL: SEVERITY: MESSAGE [CODE] and exits 1 on errors', () => {
    const file = fixture('main.cf', 'myhostnme = x\nfoo\n');
    const r = run('check', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`^${file}:2:1: error: Missing '=' .* \\[syntax/missing-equals\\]$`, 'm'));
    assert.match(r.stdout, new RegExp(`^${file}:1:1: warning: Unknown parameter 'myhostnme'.* \\[unknown-parameter\\]$`, 'm'));
  });

  it('speaks Spanish under LANG=es, with the same codes', () => {
    const file = fixture('main.cf', 'myhostnme = x\nfoo\n');
    const r = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', env: { ...ENGLISH, LANG: 'es_ES.UTF-8' } });
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`^${file}:1:1: warning: Parámetro desconocido 'myhostnme'.* \\[unknown-parameter\\]$`, 'm'));
  });

  it('prints 1-based JSON and exits 0 when there are only warnings', () => {
    const file = fixture('main.cf', 'myhostnme = x\n');
    const r = run('check', '--format', 'json', file);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), [
      {
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 10,
        severity: 'warning',
        code: 'unknown-parameter',
        message: "Unknown parameter 'myhostnme': Postfix ignores it and warns \"unused parameter\". Did you mean 'myhostname'?",
      },
    ]);
  });

  it('exits 2 on an unreadable file, an unknown option and an unknown command', () => {
    assert.equal(run('check', '/nonexistent/main.cf').status, 2);
    assert.equal(run('check', '--bogus', 'x').status, 2);
    const r = run('frobnicate');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
  });

  it('has --help and --version', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    for (const cmd of ['check', 'postconf', 'smtp-test', 'remote']) assert.match(help.stdout, new RegExp(`^  ${cmd} `, 'm'));
    assert.match(run('--version').stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
