// Shared timing helpers for bench suites.
import { spawnSync } from 'node:child_process';

export interface Figure {
  suite: string;
  name: string;
  unit: string;
  median: number;
  spread: number;
  anchor?: { name: string; median: number };
  budget?: { max: number; text: string };
}

export function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
}

export function summarize(samples: number[]): { median: number; spread: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), spread: quantile(s, 0.75) - quantile(s, 0.25), p95: quantile(s, 0.95) };
}

/** Milliseconds per call of `fn`, over `repeats` calls after `warmup` unmeasured ones. */
export async function timeIt(fn: () => unknown, repeats = 20, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** Wall-clock milliseconds of a whole process, repeated. */
export function timeProcess(command: string, args: string[], repeats = 10, options: { input?: string } = {}): number[] {
  const out: number[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(command, args, { input: options.input, stdio: ['pipe', 'ignore', 'ignore'] });
    if (r.error) throw r.error;
    if (i > 0) out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}
