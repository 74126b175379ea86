// Parser and postconf speed: a 20,000-line main.cf (and master.cf) parsed from scratch, the
// in-process `postconf -n` emulation the live preview runs on every edit, and `mailconf postconf -n`
// as a whole process on the lab and on a generated 20,000-line main.cf; the real Postfix postconf
// on the same directory is the anchor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMainCf } from '../../server/src/parsers/maincf';
import { parseMasterCf } from '../../server/src/parsers/mastercf';
import { postconf } from '../../server/src/postfix/postconf';
import { summarize, timeIt, timeProcess, type Figure } from '../measure';
import { bigMainCf } from './maincf.bench';

const SUITE = 'postconf';
const LAB = resolve(__dirname, '../../examples/lab');
const CLI = resolve(__dirname, '../../dist/cli.js');

function bigMasterCf(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(`s${i}      inet  n       -       y       -       -       smtpd`, `  -o syslog_name=postfix/s${i}`, `  -o smtpd_client_restrictions=$tenant${i}_restrictions`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A scratch copy of a configuration directory with hour-old timestamps (postconf re-reads a just-written main.cf). */
function scratchConfig(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-bench-postconf-'));
  const old = new Date(Date.now() - 3600_000);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    utimesSync(join(dir, name), old, old);
  }
  return dir;
}

/** Wall-clock milliseconds of the same command under each environment, the runs taken in turns (one unmeasured round first). */
function timeProcessesInTurn(command: string, args: string[], envs: NodeJS.ProcessEnv[], repeats: number): number[][] {
  const out = envs.map((): number[] => []);
  for (let i = 0; i < repeats + 1; i++) {
    envs.forEach((env, k) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, ...env } });
      if (r.error) throw r.error;
      if (i > 0) out[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    });
  }
  return out;
}

/** User + system CPU milliseconds of a whole process, repeated (10 ms resolution). */
function cpuOfProcess(command: string, args: string[], repeats: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', command, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    out.push((user + sys) * 1000);
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const main = bigMainCf(20_000);
  const parse = summarize(await timeIt(() => parseMainCf(main), 15, 3));
  figures.push({ suite: SUITE, name: 'parse 20,000-line main.cf', unit: 'ms', median: parse.median, spread: parse.spread, budget: { max: 150, text: '150 ms' } });
  const master = bigMasterCf(20_000);
  const parseMaster = summarize(await timeIt(() => parseMasterCf(master), 15, 3));
  figures.push({ suite: SUITE, name: 'parse 20,000-line master.cf', unit: 'ms', median: parseMaster.median, spread: parseMaster.spread });

  const dir = scratchConfig(Object.fromEntries(readdirSync(LAB).map((f) => [f, readFileSync(join(LAB, f), 'utf8')])));
  try {
    const hasReal = spawnSync('sh', ['-c', 'command -v postconf']).status === 0;
    const real = hasReal ? summarize(timeProcess('postconf', ['-c', dir, '-n'], 20)) : undefined;
    const anchor = real && { name: 'real postconf -n (process)', median: real.median };

    const input = { mainCf: readFileSync(join(dir, 'main.cf'), 'utf8'), masterCf: readFileSync(join(dir, 'master.cf'), 'utf8') };
    const inProcess = summarize(await timeIt(() => postconf(input, { configDir: dir, nonDefault: true }), 50, 10));
    figures.push({
      suite: SUITE,
      name: 'postconf -n emulation on the lab, in process',
      unit: 'ms',
      median: inProcess.median,
      spread: inProcess.spread,
      anchor,
      budget: real ? { max: real.median, text: `real postconf -n, ${real.median.toFixed(1)} ms` } : undefined,
    });
    // With and without the V8 code cache (server/src/cli/codeCache.ts), run in turns so that the
    // machine's load weighs on both alike and the cache's share stays visible.
    const [cached, uncached] = timeProcessesInTurn(process.execPath, [CLI, 'postconf', '-c', dir, '-n'], [{ MAILCONF_CODE_CACHE: undefined }, { MAILCONF_CODE_CACHE: '0' }], 15).map(summarize);
    figures.push({ suite: SUITE, name: 'mailconf postconf -n on the lab (process)', unit: 'ms', median: cached.median, spread: cached.spread, anchor, budget: { max: 80, text: '80 ms' } });
    figures.push({ suite: SUITE, name: 'mailconf postconf -n on the lab (process), no code cache', unit: 'ms', median: uncached.median, spread: uncached.spread, anchor });
    // CPU time (user + system, from /usr/bin/time) is steadier than wall time on a busy machine.
    if (spawnSync('sh', ['-c', 'test -x /usr/bin/time']).status === 0) {
      const nodeCpu = summarize(cpuOfProcess(process.execPath, ['-e', '0'], 15));
      const cliCpu = summarize(cpuOfProcess(process.execPath, [CLI, 'postconf', '-c', dir, '-n'], 15));
      figures.push({
        suite: SUITE,
        name: 'mailconf postconf -n on the lab (process), CPU time',
        unit: 'ms',
        median: cliCpu.median,
        spread: cliCpu.spread,
        anchor: { name: 'node -e 0, CPU time', median: nodeCpu.median },
        budget: { max: 80, text: '80 ms' },
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A 20,000-line main.cf with the lab's master.cf: here the time goes to the work, not to start-up.
  const big = scratchConfig({ 'main.cf': main, 'master.cf': readFileSync(join(LAB, 'master.cf'), 'utf8') });
  try {
    const hasReal = spawnSync('sh', ['-c', 'command -v postconf']).status === 0;
    const real = hasReal ? summarize(timeProcess('postconf', ['-c', big, '-n'], 10)) : undefined;
    const cli = summarize(timeProcess(process.execPath, [CLI, 'postconf', '-c', big, '-n'], 10));
    figures.push({
      suite: SUITE,
      name: 'mailconf postconf -n on a 20,000-line main.cf (process)',
      unit: 'ms',
      median: cli.median,
      spread: cli.spread,
      anchor: real && { name: 'real postconf -n (process)', median: real.median },
    });
    if (spawnSync('sh', ['-c', 'test -x /usr/bin/time']).status === 0) {
      const realCpu = hasReal ? summarize(cpuOfProcess('postconf', ['-c', big, '-n'], 10)) : undefined;
      const cliCpu = summarize(cpuOfProcess(process.execPath, [CLI, 'postconf', '-c', big, '-n'], 10));
      figures.push({
        suite: SUITE,
        name: 'mailconf postconf -n on a 20,000-line main.cf (process), CPU time',
        unit: 'ms',
        median: cliCpu.median,
        spread: cliCpu.spread,
        anchor: realCpu && { name: 'real postconf -n, CPU time', median: realCpu.median },
      });
    }
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
  return figures;
}
