// The 38 real-world Postfix configurations in ../shared/wild/postfix (mail-server projects,
// configuration-management roles, distributions, deployments; Postfix 3.7 accepts every one).
// They are read in place, never copied into the project. Two promises are held on each:
// - the postconf emulation prints what the installed postconf prints, in the five modes people
//   use (-n, -nx, -M, -F, -P): stdout byte for byte, stderr as a set of lines, the exit status;
// - `mailconf check` raises no error, since Postfix itself accepts them all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkCommand } from '../../../server/src/cli/commands/check';
import { FLAGS } from '../../../server/src/cli/commands/postconf';
import { interfaceAddresses, postconf, PostconfOptions } from '../../../server/src/postfix/postconf';
import { requirePeer } from '../../support/peers';

const WILD = resolve(__dirname, '../../../../shared/wild/postfix');
const cases = existsSync(WILD) ? readdirSync(WILD).filter((d) => existsSync(join(WILD, d, 'main.cf'))).sort() : [];
const noData = cases.length === 0 ? `no real-world configurations at ${WILD}` : undefined;
const noPostconf = noData ?? requirePeer('postconf', ['postfix']);
const MODES = [['-n'], ['-nx'], ['-M'], ['-F'], ['-P']];

const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const lineSet = (s: string) => [...new Set(s.split('\n').filter(Boolean))].sort();

/** The options of `postconf -c dir args`, on this host, as the process `processId` (some values expand $process_id). */
function options(dir: string, args: string[], processId: number): PostconfOptions {
  const o: PostconfOptions = { configDir: dir, names: [] };
  for (const a of args) for (const c of a.slice(1)) (o[FLAGS[c]] as boolean) = true;
  o.host = { hostname: hostname(), interfaces: interfaceAddresses(networkInterfaces()), processId };
  return o;
}

/** `mailconf check main.cf master.cf` in this process; the findings of severity error. */
async function checkErrors(dir: string): Promise<string[]> {
  let text = '';
  const files = ['main.cf', 'master.cf'].filter((f) => existsSync(join(dir, f)));
  // Postfix 3.7 is the release that accepts them all.
  await checkCommand.run(['--postfix-version', '3.7', ...files], { cwd: dir, env: {}, stdout: (s: string) => void (text += s), stderr: () => undefined } as never);
  return text.split('\n').filter((l) => / error: /.test(l));
}

describe('real-world Postfix configurations (../shared/wild/postfix)', () => {
  it('has the 38 configurations', { skip: noData }, () => {
    assert.ok(cases.length >= 38, `only ${cases.length}`);
  });

  describe('postconf emulation vs the installed postconf (-n, -nx, -M, -F, -P)', { skip: noPostconf }, () => {
    const work = mkdtempSync(join(tmpdir(), 'mailconf-wild-'));
    after(() => rmSync(work, { recursive: true, force: true }));
    for (const name of cases) {
      it(name, () => {
        // A copy an hour old: postconf re-reads (and warns twice about) a main.cf changed within the last second.
        const dir = join(work, name);
        cpSync(join(WILD, name), dir, { recursive: true });
        const old = new Date(Date.now() - 3600_000);
        for (const f of readdirSync(dir)) utimesSync(join(dir, f), old, old);
        const input = { mainCf: read(join(dir, 'main.cf')), masterCf: read(join(dir, 'master.cf')), readFile: read };
        for (const args of MODES) {
          const real = spawnSync('postconf', ['-c', dir, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C', NORANDOMIZE: '1' } });
          const mine = postconf(input, options(dir, args, real.pid));
          const what = `postconf -c ${name} ${args.join(' ')}`;
          assert.equal(mine.stdout, real.stdout, `${what}: stdout`);
          assert.deepEqual(lineSet(mine.stderr), lineSet(real.stderr), `${what}: stderr`);
          assert.equal(mine.exitCode, real.status, `${what}: exit status`);
        }
      });
    }
  });

  describe('mailconf check raises no error on any of them', { skip: noData }, () => {
    for (const name of cases) {
      it(name, async () => {
        assert.deepEqual(await checkErrors(join(WILD, name)), []);
      });
    }
  });
});
