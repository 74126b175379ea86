// Differential fuzzing of the postconf emulation: generated main.cf files (with the lab's
// master.cf) go through both the emulation and the real `postconf -c DIR -n` under LANG=C, and
// stdout, stderr and the exit status must match byte for byte. Configurations are written to
// directories and run by one shell per batch, so the cost is postconf's own start-up, not ours.
// Batches run side by side: postconf sleeps a second after every fatal error (Postfix's guard
// against process storms), a third of the generated files end that way, and one shell at a time
// spent ~17 minutes asleep for 3,000 files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { interfaceAddresses, postconf } from '../../../server/src/postfix/postconf';
import { requirePeer } from '../../support/peers';
import { ROOT } from '../corpus';
import { mainCfConfig } from './generator';
import { saveMismatch } from './mismatches';

export interface DifferentialSummary {
  configs: number;
  batches: number;
  seconds: number;
  mismatches: Array<{ saved: string; diff: string }>;
  /** Inputs on which the real postconf crashed (killed by a signal): nothing to emulate there. */
  crashes: number;
  skipped?: string;
}

const BATCH = 50;
/** Shells at once: they mostly sleep, so many more than the cores. */
const CONCURRENT_BATCHES = 24;

export interface RealResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs the real postconf -n on each main.cf (with the given master.cf), spread over `shells`
 * shells. NORANDOMIZE=1 turns off Postfix's per-process hash seed, so its tables iterate in one
 * fixed order (the order the emulation follows, which decides what comes before a fatal error).
 * The files get an old modification time: postconf re-reads a main.cf changed within the last
 * second and then repeats its warnings.
 */
export async function realPostconf(mains: string[], masterCf: string, shells = 1): Promise<RealResult[]> {
  const base = mkdtempSync(join(tmpdir(), 'mailconf-fuzz-'));
  try {
    const old = new Date(Date.now() - 3600_000);
    const dirs = mains.map((m, i) => {
      const dir = join(base, String(i));
      mkdirSync(dir);
      for (const [name, text] of [['main.cf', m], ['master.cf', masterCf]]) {
        writeFileSync(join(dir, name), text);
        utimesSync(join(dir, name), old, old);
      }
      return dir;
    });
    const script = `for d in "$@"; do postconf -c "$d" -n >"$d/out" 2>"$d/err"; echo $? >"$d/rc"; done`;
    const env = { ...process.env, LANG: 'C', LC_ALL: 'C', NORANDOMIZE: '1' };
    const runShell = (some: string[]) =>
      new Promise<void>((resolve, reject) => {
        const sh = spawn('sh', ['-c', script, 'sh', ...some], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        sh.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        sh.on('error', reject);
        sh.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the batch shell failed: ${stderr}`))));
      });
    const per = Math.ceil(dirs.length / Math.max(1, shells));
    const groups: string[][] = [];
    for (let i = 0; i < dirs.length; i += per) groups.push(dirs.slice(i, i + per));
    await Promise.all(groups.map(runShell));
    return dirs.map((d) => ({
      stdout: readFileSync(join(d, 'out'), 'latin1').split(d).join('DIR'),
      stderr: readFileSync(join(d, 'err'), 'latin1').split(d).join('DIR'),
      exitCode: Number(readFileSync(join(d, 'rc'), 'utf8').trim()),
    }));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** The shell reports a process killed by a signal as 128 + the signal number. */
export function realCrashed(real: RealResult): boolean {
  return real.exitCode >= 128;
}

/** The emulation with this machine's host facts, which the real postconf's defaults depend on. */
const host = { hostname: hostname(), interfaces: interfaceAddresses(networkInterfaces()), resolve: hostsFileLookup };

/** Names in inet_interfaces resolve through /etc/hosts only: the fuzzing machine has no DNS. */
function hostsFileLookup(name: string): string[] {
  let text = '';
  try {
    text = readFileSync('/etc/hosts', 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (addr && names.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(addr);
  }
  return out;
}

export function emulatedPostconf(mainCf: string, masterCf: string): RealResult {
  const r = postconf({ mainCf, masterCf }, { nonDefault: true, configDir: 'DIR', host });
  // The real postconf prints bytes; compare in latin1 like the files are read.
  const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  return { stdout: bytes(r.stdout), stderr: bytes(r.stderr), exitCode: r.exitCode };
}

/** What differs, or undefined when they agree (or the real postconf crashed: see realCrashed). */
export function describeMismatch(real: RealResult, emulated: RealResult): string | undefined {
  if (realCrashed(real)) return undefined;
  const parts: string[] = [];
  if (real.exitCode !== emulated.exitCode) parts.push(`exit ${real.exitCode} (real) vs ${emulated.exitCode} (emulated)`);
  if (real.stdout !== emulated.stdout) parts.push(`stdout differs:\n--- real\n${real.stdout}--- emulated\n${emulated.stdout}`);
  // With NORANDOMIZE=1 postconf walks its hash tables in a fixed order, which the emulation
  // follows: the warnings must come in the same order too.
  if (real.stderr !== emulated.stderr) parts.push(`stderr differs:\n--- real\n${real.stderr}--- emulated\n${emulated.stderr}`);
  return parts.length ? parts.map((p) => '       ' + p.split('\n').join('\n       ')).join('\n') : undefined;
}

export async function runDifferential(configs: number, seed: number): Promise<DifferentialSummary> {
  const started = performance.now();
  const skipped = requirePeer('postconf', ['postfix']);
  if (skipped) return { configs: 0, batches: 0, seconds: 0, mismatches: [], crashes: 0, skipped };
  const masterCf = readFileSync(join(ROOT, 'examples/lab/master.cf'), 'utf8');
  const mains = fc.sample(mainCfConfig, { numRuns: configs, seed });
  const mismatches: DifferentialSummary['mismatches'] = [];
  const pending: string[][] = [];
  for (let i = 0; i < mains.length; i += BATCH) pending.push(mains.slice(i, i + BATCH));
  const batches = pending.length;
  let crashes = 0;
  const worker = async () => {
    for (let batch = pending.shift(); batch; batch = pending.shift()) {
      const real = await realPostconf(batch, masterCf);
      batch.forEach((m, k) => {
        if (realCrashed(real[k])) crashes++;
        let diff: string | undefined;
        try {
          diff = describeMismatch(real[k], emulatedPostconf(m, masterCf));
        } catch (err) {
          // An exception is a bug whatever the real postconf did: keep the input, go on.
          diff = `       the emulation threw: ${(err as Error).stack?.split('\n').slice(0, 4).join('\n       ')}`;
        }
        if (diff && mismatches.length < 50) mismatches.push({ saved: saveMismatch(m), diff });
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, worker));
  return { configs: mains.length, batches, seconds: (performance.now() - started) / 1000, mismatches, crashes };
}
