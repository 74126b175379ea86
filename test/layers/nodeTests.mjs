// Runs test files on Node's test runner (TypeScript through tsx) and counts the results from TAP.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runProcess } from '../support/process.mjs';

export async function runNodeTests(files, name, { concurrency = 2 } = {}) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  // One file per run: two runs at once (two developers' terminals) must not read each other's counts.
  const tap = join(ROOT, 'test-results', `${name}-${process.pid}.tap`);
  await runProcess(process.execPath, [
    '--import', 'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A hung test must fail, not stall the run: tests that need longer say so themselves.
    '--test-timeout=300000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const summary = readFileSync(tap, 'utf8');
  rmSync(tap);
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
  // A file that fails to load counts as a failure even when it declared no tests.
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo'), skipReasons: skipReasons(summary) };
}

/** How many tests each skip reason in a TAP stream covers: the closing summary names them. */
export function skipReasons(tap) {
  const reasons = new Map();
  for (const m of tap.matchAll(/^\s*ok \d+ - .*? # SKIP ?(.*)$/gm)) {
    const reason = m[1].trim() || 'no reason given';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return reasons;
}
