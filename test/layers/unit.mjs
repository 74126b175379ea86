// Layer 1: unit and LSP-protocol tests on Node's own test runner. TypeScript runs through tsx.
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runProcess, ROOT } from '../support/process.mjs';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

export async function unitLayer({ filter }) {
  const files = ['test/server', 'test/client', 'test/neovim', 'test/scripts']
    .flatMap((d) => {
      try {
        return findTests(join(ROOT, d));
      } catch {
        return [];
      }
    })
    .filter((f) => !filter || f.includes(filter));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const tap = join(ROOT, 'test-results', 'unit.tap');
  await runProcess(process.execPath, [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const summary = readFileSync(tap, 'utf8');
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
  // A file that fails to load counts as a failure even when it declared no tests.
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}
