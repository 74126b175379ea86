// The emulation against the real Postfix postconf, on every configuration directory under
// test/fixtures/postconf: stdout byte for byte, stderr as a set of lines (postconf repeats some
// warnings), the exit status too. Both run with the same host facts (this machine's name and
// interfaces), so even the host-dependent defaults must agree; only process_id differs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { interfaceAddresses, postconf, PostconfOptions } from '../../../../server/src/postfix/postconf';
import { FLAGS } from '../../../../server/src/cli/commands/postconf';
import { requirePeer } from '../../../support/peers';

const FIXTURES = resolve(__dirname, '../../../fixtures/postconf');
const skip = requirePeer('postconf', ['postfix']);

// The modes compared on every directory; NAME arguments and patterns are part of some.
const MODES: string[][] = [
  ['-n'],
  ['-nx'],
  ['-nf'],
  [],
  ['-x'],
  ['-d'],
  ['-dx'],
  ['-M'],
  ['-Mf'],
  ['-Mx'],
  ['-F'],
  ['-Fx'],
  ['-P'],
  ['-Px'],
  ['-H'],
  ['-h', 'myhostname', 'mydomain', 'relayhost'],
  ['-n', 'relayhost', 'biff', 'no_such_parameter'],
  ['-M', 'smtp', 'relay/unix', 'nosuch/inet'],
  ['-F', 'smtp/inet/command', '*/unix/process_limit', 'submission'],
  ['-P', 'submission/inet/syslog_name', 'smtp'],
  ['-Mn'],
  ['-dn'],
  ['-n', '-o', 'relayhost=[override.example]', '-o', 'my_new=1'],
  ['-nx', '-o', 'mydomain=override.example'],
];


function options(dir: string, args: string[]): PostconfOptions {
  const o: PostconfOptions = { configDir: dir, names: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o') (o.overrides ??= []).push(args[++i]);
    else if (a.startsWith('-')) for (const c of a.slice(1)) (o[FLAGS[c]] as boolean) = true;
    else o.names!.push(a);
  }
  o.host = { hostname: hostname(), interfaces: interfaceAddresses(networkInterfaces()) };
  return o;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const withoutPid = (s: string) => s.replace(/^process_id =.*\n/m, '');
function firstDifference(mine: string, real: string): string {
  const m = mine.split('\n');
  const r = real.split('\n');
  const i = m.findIndex((line, k) => line !== r[k]);
  const at = i < 0 ? m.length : i;
  return `line ${at + 1}:\n  mine: ${JSON.stringify(m[at])}\n  real: ${JSON.stringify(r[at])}`;
}

const lineSet = (s: string) => [...new Set(s.split('\n').filter(Boolean))].sort();

describe('postconf emulation vs the real postconf', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'mailconf-postconf-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  const dirs = readdirSync(FIXTURES).sort();

  it('has at least 12 configuration directories', () => {
    assert.ok(dirs.length >= 12, `only ${dirs.length}`);
  });

  for (const name of dirs) {
    it(name, () => {
      // A copy with old timestamps: postconf re-reads a main.cf modified within the last second
      // and then repeats its warnings, which a fresh checkout would trigger.
      const dir = join(work, name);
      cpSync(join(FIXTURES, name), dir, { recursive: true });
      const old = new Date(Date.now() - 3600_000);
      for (const f of readdirSync(dir)) utimesSync(join(dir, f), old, old);
      const input = { mainCf: read(join(dir, 'main.cf')), masterCf: read(join(dir, 'master.cf')), readFile: read };
      // Postfix sleeps a second before exiting on a fatal error, so those directories get two modes.
      // Without master.cf, -M/-F/-P are fatal too: one of them is enough.
      const noMaster = input.masterCf === undefined;
      const modes = name.startsWith('fatal-') ? [['-n'], ['-M']] : MODES.filter((m, i) => !noMaster || i === MODES.findIndex((x) => /[MFP]/.test(x[0] ?? '')) || !/[MFP]/.test(m[0] ?? ''));
      for (const args of modes) {
        const real = spawnSync('postconf', ['-c', dir, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
        const mine = postconf(input, options(dir, args));
        const what = `postconf -c ${name} ${args.join(' ')}`;
        const [a, b] = [withoutPid(mine.stdout), withoutPid(real.stdout)];
        if (a !== b) assert.fail(`${what}: stdout differs first at ${firstDifference(a, b)}`);
        assert.deepEqual(lineSet(mine.stderr), lineSet(real.stderr), `${what}: stderr`);
        assert.equal(mine.exitCode, real.status, `${what}: exit status`);
      }
    });
  }
});
