// `npm test`: builds, makes sure the real peers are installed, runs every layer and closes with
// one line "N passed, N failed" summed over the layers.
//   --only unit,grammar,extension,ui   run some layers (for development; CI runs all)
//   --filter TEXT                      only unit test files whose path contains TEXT
//   --desktop                          extension-host tests in desktop VS Code (@vscode/test-electron)
import { parseArgs } from 'node:util';
import { runProcess } from './support/process.mjs';
import { unitLayer } from './layers/unit.mjs';
import { grammarLayer } from './layers/grammar.mjs';
import { extensionLayer } from './layers/extension.mjs';
import { uiLayer } from './layers/ui.mjs';

const { values } = parseArgs({
  options: { only: { type: 'string' }, filter: { type: 'string' }, desktop: { type: 'boolean', default: false } },
});

const LAYERS = {
  unit: unitLayer,
  grammar: grammarLayer,
  extension: extensionLayer,
  ui: uiLayer,
};

const wanted = values.only ? values.only.split(',') : Object.keys(LAYERS);
for (const name of wanted) if (!LAYERS[name]) throw new Error(`unknown layer '${name}'`);

if ((await runProcess('npm', ['run', '--silent', 'build'])) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
for (const name of wanted) {
  console.log(`\n=== ${name} ===`);
  let r;
  try {
    r = await LAYERS[name]({ filter: values.filter, desktop: values.desktop });
  } catch (err) {
    console.error(`layer ${name} could not run: ${err.stack ?? err}`);
    r = { passed: 0, failed: 1, skipped: 0 };
  }
  rows.push(`  ${name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  for (const k of Object.keys(totals)) totals[k] += r[k] ?? 0;
}
console.log(`\n${rows.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
