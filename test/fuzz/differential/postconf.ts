// Differential fuzzing of the postconf emulation: generated main.cf files (with the lab's
// master.cf) go through both the emulation and the real `postconf -c DIR -n` under LANG=C, and
// stdout, stderr and the exit status must match byte for byte. Configurations are written to
// directories and run by one shell per batch, so the cost is postconf's own start-up, not ours.
// Batches run side by side: postconf sleeps a second after every fatal error (Postfix's guard
// against process storms), a third of the generated files end that way, and one shell at a time
// spent ~17 minutes asleep for 3,000 files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { postconf } from '../../../server/src/postfix/postconf';
import { requirePeer } from '../../support/peers';
import { ROOT } from '../corpus';
import { mainCfConfig } from './generator';
import { saveMismatch } from './mismatches';

export interface DifferentialSummary {
  configs: number;
  batches: number;
  seconds: number;
  mismatches: Array<{ saved: string; diff: string }>;
  skipped?: string;
}

const BATCH = 50;
/** Shells at once: they mostly sleep, so many more than the cores. */
const CONCURRENT_BATCHES = 16;

export interface RealResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs the real postconf -n on each main.cf (with the given master.cf), one shell per batch. */
export async function realPostconf(mains: string[], masterCf: string): Promise<RealResult[]> {
  const base = mkdtempSync(join(tmpdir(), 'mailconf-fuzz-'));
  try {
    mains.forEach((m, i) => {
      const dir = join(base, String(i));
      mkdirSync(dir);
      writeFileSync(join(dir, 'main.cf'), m);
      writeFileSync(join(dir, 'master.cf'), masterCf);
    });
    const script = `for d in "$@"; do postconf -c "$d" -n >"$d/out" 2>"$d/err"; echo $? >"$d/rc"; done`;
    const dirs = mains.map((_, i) => join(base, String(i)));
    await new Promise<void>((resolve, reject) => {
      const sh = spawn('sh', ['-c', script, 'sh', ...dirs], { env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      sh.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      sh.on('error', reject);
      sh.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the batch shell failed: ${stderr}`))));
    });
    return dirs.map((d) => ({
      stdout: readFileSync(join(d, 'out'), 'latin1').split(d).join('DIR'),
      stderr: readFileSync(join(d, 'err'), 'latin1').split(d).join('DIR'),
      exitCode: Number(readFileSync(join(d, 'rc'), 'utf8').trim()),
    }));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

export function emulatedPostconf(mainCf: string, masterCf: string): RealResult {
  const r = postconf({ mainCf, masterCf }, { nonDefault: true, configDir: 'DIR' });
  // The real postconf prints bytes; compare in latin1 like the files are read.
  const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  return { stdout: bytes(r.stdout), stderr: bytes(r.stderr), exitCode: r.exitCode };
}

export function describeMismatch(real: RealResult, emulated: RealResult): string | undefined {
  const parts: string[] = [];
  if (real.exitCode !== emulated.exitCode) parts.push(`exit ${real.exitCode} (real) vs ${emulated.exitCode} (emulated)`);
  if (real.stdout !== emulated.stdout) parts.push(`stdout differs:\n--- real\n${real.stdout}--- emulated\n${emulated.stdout}`);
  const sort = (s: string) => s.split('\n').sort().join('\n');
  // postconf prints the unused-parameter warnings in hash-table order; only the set is meaningful.
  if (sort(real.stderr) !== sort(emulated.stderr)) parts.push(`stderr differs:\n--- real\n${real.stderr}--- emulated\n${emulated.stderr}`);
  return parts.length ? parts.map((p) => '       ' + p.split('\n').join('\n       ')).join('\n') : undefined;
}

export async function runDifferential(configs: number, seed: number): Promise<DifferentialSummary> {
  const started = performance.now();
  const skipped = requirePeer('postconf', ['postfix']);
  if (skipped) return { configs: 0, batches: 0, seconds: 0, mismatches: [], skipped };
  const masterCf = readFileSync(join(ROOT, 'examples/lab/master.cf'), 'utf8');
  const mains = fc.sample(mainCfConfig, { numRuns: configs, seed });
  const mismatches: DifferentialSummary['mismatches'] = [];
  const pending: string[][] = [];
  for (let i = 0; i < mains.length; i += BATCH) pending.push(mains.slice(i, i + BATCH));
  const batches = pending.length;
  const worker = async () => {
    for (let batch = pending.shift(); batch; batch = pending.shift()) {
      const real = await realPostconf(batch, masterCf);
      batch.forEach((m, k) => {
        const diff = describeMismatch(real[k], emulatedPostconf(m, masterCf));
        if (diff && mismatches.length < 50) mismatches.push({ saved: saveMismatch(m, diff), diff });
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, worker));
  return { configs: mains.length, batches, seconds: (performance.now() - started) / 1000, mismatches };
}
