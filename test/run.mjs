// `npm test`: builds, installs every missing peer in one up-front phase, runs every layer and
// closes with one line "N passed, N failed[, N skipped (reasons)]" summed over the layers.
//   --only types,unit,grammar,extension,ui   run some layers (for development; CI runs all)
//   --filter TEXT                      only unit test files whose path contains TEXT
//   --desktop                          extension-host tests in desktop VS Code (@vscode/test-electron)
import { parseArgs } from 'node:util';
import { cleanNpmEnv } from '../scripts/setup/cleanNpmEnv.mjs';
import { preparePeers } from './support/peerSetup.mjs';
import { runProcess } from './support/process.mjs';
import { typesLayer } from './layers/types.mjs';
import { unitLayer } from './layers/unit.mjs';
import { grammarLayer } from './layers/grammar.mjs';
import { extensionLayer } from './layers/extension.mjs';
import { uiLayer } from './layers/ui.mjs';

const { values } = parseArgs({
  options: { only: { type: 'string' }, filter: { type: 'string' }, desktop: { type: 'boolean', default: false } },
});

const LAYERS = {
  types: typesLayer,
  unit: unitLayer,
  grammar: grammarLayer,
  extension: extensionLayer,
  ui: uiLayer,
};

const wanted = values.only ? values.only.split(',') : Object.keys(LAYERS);
for (const name of wanted) if (!LAYERS[name]) throw new Error(`unknown layer '${name}'`);

const peers = await preparePeers({ browser: wanted.some((l) => l === 'extension' || l === 'ui') });
if (peers.fatal) {
  console.error(`\n${peers.fatal}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if ((await runProcess('npm', ['run', '--silent', 'build'], { env: cleanNpmEnv() })) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = new Map();
const rows = [];
for (const name of wanted) {
  console.log(`\n=== ${name} ===`);
  let r;
  try {
    r = await LAYERS[name]({ filter: values.filter, desktop: values.desktop, browserMissing: peers.browser });
  } catch (err) {
    console.error(`layer ${name} could not run: ${err.stack ?? err}`);
    r = { passed: 0, failed: 1, skipped: 0 };
  }
  rows.push(`  ${name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  for (const k of Object.keys(totals)) totals[k] += r[k] ?? 0;
  for (const [reason, n] of r.skipReasons ?? []) skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + n);
}
console.log(`\n${rows.join('\n')}`);
// Skips are never silent: the closing line names why, most frequent reason first.
const why = [...skipReasons].sort((a, b) => b[1] - a[1]).map(([reason]) => reason);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped${why.length ? ` (${why.join('; ')})` : ''}` : ''}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
