// Layer 4: playwright-core drives Debian's Chromium against the VS Code that `npm start` serves.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { browserLayerSkipped } from '../support/browserPeers.mjs';
import { ROOT } from '../support/process.mjs';
import { runNodeTests } from './nodeTests.mjs';

export async function uiLayer({ filter, browserMissing }) {
  if (browserMissing) return browserLayerSkipped(browserMissing);
  const files = readdirSync(join(ROOT, 'test/ui'))
    .filter((f) => f.endsWith('.test.ts') && (!filter || f.includes(filter)))
    .map((f) => `test/ui/${f}`);
  return runNodeTests(files, 'ui', { concurrency: 1 });
}
