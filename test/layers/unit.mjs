// Layer 1: unit and LSP-protocol tests on Node's own test runner.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/process.mjs';
import { runNodeTests } from './nodeTests.mjs';

const FOLDERS = ['test/server', 'test/client', 'test/neovim', 'test/scripts'];

function findTests(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
      .map((e) => relative(ROOT, join(e.parentPath ?? e.path, e.name)));
  } catch {
    return [];
  }
}

export async function unitLayer({ filter }) {
  const files = FOLDERS.flatMap((d) => findTests(join(ROOT, d)))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  return runNodeTests(files, 'unit');
}
