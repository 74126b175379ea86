import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../../scripts/vscode-server.mjs';

// What a launcher of ours passes on: npm's own configuration of the outer run. The user agent is
// the variable that broke code-server's install under `npm start` (it named the outer Node).
const OUTER = { npm_config_user_agent: 'npm/0.0.0 node/v0.0.0 outer', npm_config_mailconf_marker: 'outer' };

describe('the nested npm install', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-nested-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = join(ROOT, 'test/scripts/fixtures/nestedInstall.mjs');
  const launcher = join(dir, 'launcher');
  spawnSync('mkdir', ['-p', launcher]);
  const run = `node ${fixture} ${join(dir, 'probe')} ${join(dir, 'record.json')}`;
  writeFileSync(join(launcher, 'package.json'), JSON.stringify({ private: true, scripts: { start: run, test: run } }));

  const launches: [string, string, string[]][] = [
    ['node directly', 'node', [fixture, join(dir, 'probe'), join(dir, 'record.json')]],
    ['npm start', 'npm', ['start', '--silent']],
    ['npm test', 'npm', ['test', '--silent']],
    ['npm exec', 'npm', ['exec', '--yes', '-c', run]],
    ['npx', 'npx', ['--yes', '-c', run]],
  ];
  for (const [how, command, args] of launches) {
    it(`inherits no npm configuration when launched through ${how}`, { timeout: 120_000 }, () => {
      rmSync(join(dir, 'record.json'), { force: true });
      const r = spawnSync(command, args, { cwd: launcher, env: { ...process.env, ...OUTER }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const seen: Record<string, string> = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8'));
      assert.equal(seen.npm_config_mailconf_marker, undefined);
      assert.doesNotMatch(seen.npm_config_user_agent ?? '', /outer/);
      assert.match(seen.npm_config_user_agent ?? '', new RegExp(`node/${process.version}`));
    });
  }
});
