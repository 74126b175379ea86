// Runs one property with fast-check and sums it up: runs, failures with the shrunk input, and the
// worst parse time per KB. The time budget applies only in `npm run fuzz`, never in unit tests.
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import type { FuzzProperty } from './property';

/** Parsing may take at most this long per KB of input (and per input under 1 KB). */
export const MS_PER_KB = 50;

export interface PropertySummary {
  parser: string;
  name: string;
  runs: number;
  ok: boolean;
  /** The shrunk failing input and the error it raised. */
  counterexample?: unknown;
  error?: string;
  seed: number;
  /** Worst observed time per KB, in ms (inputs under 1 KB count as 1 KB). */
  worstMsPerKb: number;
  /** Size in bytes of the input with the worst time per KB. */
  worstSize: number;
  seconds: number;
}

export interface CheckOptions {
  runs: number;
  seed: number;
  /** Enforce the per-KB budget (the fuzz run), or only record times (unit tests). */
  timed: boolean;
}

export function checkProperty<T>(p: FuzzProperty<T>, o: CheckOptions): PropertySummary {
  let worstMsPerKb = 0;
  let worstSize = 0;
  const started = performance.now();
  const timeOnce = (input: T) => {
    const t0 = performance.now();
    const result = p.run(input);
    return { result, ms: performance.now() - t0 };
  };
  const predicate = (input: T) => {
    let { result, ms } = timeOnce(input);
    const bytes = p.size ? p.size(input) : 0;
    const kb = Math.max(1, bytes / 1024);
    if (o.timed && p.timed !== false && ms / kb > MS_PER_KB) {
      // A garbage collection or a busy neighbour can stall one run: only a repeatable time counts.
      for (let i = 0; i < 4 && ms / kb > MS_PER_KB; i++) ms = Math.min(ms, timeOnce(input).ms);
      if (ms / kb > MS_PER_KB) throw new Error(`took ${ms.toFixed(1)} ms for ${(bytes / 1024).toFixed(1)} KB (budget ${MS_PER_KB} ms per KB)`);
    }
    if (ms / kb > worstMsPerKb) {
      worstMsPerKb = ms / kb;
      worstSize = bytes;
    }
    p.verify?.(input, result);
  };
  const details = fc.check(fc.property(p.arbitrary, predicate), { numRuns: o.runs, seed: o.seed, endOnFailure: false });
  const summary: PropertySummary = {
    parser: p.parser,
    name: p.name,
    runs: details.numRuns,
    ok: !details.failed,
    seed: o.seed,
    worstMsPerKb,
    worstSize,
    seconds: (performance.now() - started) / 1000,
  };
  if (details.failed) {
    summary.counterexample = details.counterexample?.[0];
    const err = details.errorInstance as Error | undefined;
    summary.error = err ? (err.stack ?? err.message).split('\n').slice(0, 6).join('\n') : 'failed';
  }
  return summary;
}

/** Runs a property's code and checks on one given input (a stored regression). */
export function replay<T>(p: FuzzProperty<T>, input: T): void {
  const result = p.run(input);
  p.verify?.(input, result);
}
