// Failing inputs the fuzzer found, kept as JSON under regressions/<parser>/ and replayed before
// every fuzz run (and in the unit tests), so a fixed bug stays fixed. A stored input may be marked
// "open" (with who owns the fix): it is replayed and reported, but does not fail the run until its
// owner fixes the bug and removes the mark, so a new finding can be kept without breaking CI.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { replay } from './check';
import { ROOT } from './corpus';
import { ALL_PROPERTIES } from './properties';
import type { FuzzProperty } from './property';

export const REGRESSIONS = join(__dirname, 'regressions');

interface Stored {
  parser: string;
  property: string;
  input: unknown;
  /** Still failing, on purpose: why, and whose fix it waits for. */
  open?: string;
}

// JSON has no undefined inside arrays; inputs such as [mainCf, undefined, mode] need it.
const encode = (v: unknown) => JSON.stringify(v, (_k, x) => (x === undefined ? { $undefined: true } : x), 1);
const decode = (s: string) => JSON.parse(s, (_k, x) => (x && typeof x === 'object' && x.$undefined === true ? undefined : x));

export function saveRegression(p: FuzzProperty<any>, input: unknown): string {
  const body: Stored = { parser: p.parser, property: p.name, input };
  const text = encode(body);
  const dir = join(REGRESSIONS, p.parser);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`);
  writeFileSync(file, text + '\n');
  return relative(ROOT, file);
}

export function storedRegressions(): Array<Stored & { file: string }> {
  const out: Array<Stored & { file: string }> = [];
  let dirs: string[] = [];
  try {
    dirs = readdirSync(REGRESSIONS);
  } catch {
    return out;
  }
  for (const d of dirs.sort()) {
    let files: string[] = [];
    try {
      files = readdirSync(join(REGRESSIONS, d)).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files.sort()) out.push({ ...decode(readFileSync(join(REGRESSIONS, d, f), 'utf8')), file: join('test/fuzz/regressions', d, f) });
  }
  return out;
}

/**
 * Replays every stored input against its property: `failed` are the ones that fail again, `open`
 * the marked ones that still fail, `fixed` the marked ones that pass now (remove their mark).
 */
export function replayRegressions(): { count: number; failed: string[]; open: string[]; fixed: string[] } {
  const failed: string[] = [];
  const open: string[] = [];
  const fixed: string[] = [];
  const stored = storedRegressions();
  for (const s of stored) {
    const p = ALL_PROPERTIES.find((x) => x.parser === s.parser && x.name === s.property);
    if (!p) {
      failed.push(`${s.file}: no property '${s.property}' for ${s.parser}`);
      continue;
    }
    try {
      replay(p, s.input);
      if (s.open) fixed.push(s.file);
    } catch (err) {
      (s.open ? open : failed).push(`${s.file}: ${(err as Error).message.split('\n')[0]}${s.open ? ` (open: ${s.open})` : ''}`);
    }
  }
  return { count: stored.length, failed, open, fixed };
}
