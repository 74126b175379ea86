// The standalone claim: Debian's Neovim attaches `node dist/server.js --stdio` with the README's
// configuration and receives a diagnostic.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { requirePeer } from '../support/peers';

const ROOT = resolve(__dirname, '../..');

describe('Neovim as an LSP client', () => {
  const skip = requirePeer('nvim', ['neovim']);

  it('runs the configuration the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /```lua\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(shown, 'the README has a lua block');
    const tested = readFileSync(join(ROOT, 'test/neovim/init.lua'), 'utf8').replace("os.getenv('MAILCONF_SERVER')", "'/path/to/mailconf/dist/server.js'");
    assert.ok(tested.includes(shown), 'test/neovim/init.lua starts with the README block');
  });

  it('shows the server\'s unknown-parameter diagnostic', { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-nvim-'));
    const file = join(dir, 'main.cf');
    const out = join(dir, 'diagnostics.json');
    writeFileSync(file, 'myhostname = smtp.mail1.org\nmyhostnme = typo\n');
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(ROOT, 'test/neovim/init.lua'), file], {
      env: { ...process.env, MAILCONF_SERVER: join(ROOT, 'dist/server.js'), MAILCONF_NVIM_OUT: out },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(result.ok, true, 'a diagnostic arrived');
    const d = result.diagnostics.find((x: any) => x.code === 'unknown-parameter');
    assert.ok(d, JSON.stringify(result.diagnostics));
    assert.equal(d.lnum, 1);
    assert.equal(d.col, 0);
    assert.match(d.message, /myhostnme/);
  });
});
