// Start-up budgets (issues 16 and 18): what a person waits for before mailconf says anything.
//   - cold first diagnostics: a fresh language server (`node dist/server.js --stdio`), from didOpen
//     to the pushed diagnostics, for the lab's main.cf (budget 30 ms) and a 20,000-line main.cf
//     (150 ms), each in a folder with the lab's master.cf beside it;
//   - server ready: from spawning the server to its answer to `initialize` (budget 500 ms), what
//     the VS Code client waits for before it logs "Language server ready." (the extension suite
//     measures the same from the extension host's own log in code-server);
//   - `mailconf check main.cf` and `mailconf postconf -n` on the lab against `node -e 0` (budget
//     1.3x each); issue 18's `check --root` is in the sasl suite.
// The anchor, `node -e 0`, is measured in the same run, in turns with each figure, so that the
// load of a shared machine weighs on both alike.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticsFor, LspClient } from '../../test/support/lspClient';
import { summarize, type Figure } from '../measure';
import { bigMainCf } from './maincf.bench';

const SUITE = 'startup';
const ROOT = resolve(__dirname, '../..');
const LAB = join(ROOT, 'examples/lab');
const CLI = join(ROOT, 'dist/cli.js');
const REPEATS = 11;

/** Wall milliseconds of one whole process, which must succeed: a failing run would time nothing. */
function processMs(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with status ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * A fresh server: milliseconds from spawn to the `initialize` answer, and from didOpen to the
 * diagnostics of `file`. `graceful` ends it as an editor does (shutdown, exit), which is when a
 * server writes its code cache for a new build; the measured servers are simply killed.
 */
async function coldServer(file: string, graceful = false): Promise<{ ready: number; diagnostics: number }> {
  const t0 = process.hrtime.bigint();
  const client = new LspClient();
  try {
    await client.initialize();
    const ready = Number(process.hrtime.bigint() - t0) / 1e6;
    const uri = pathToFileURL(file).href;
    const t1 = process.hrtime.bigint();
    client.open(uri, 'postfix-main', readFileSync(file, 'utf8'));
    await client.waitFor(diagnosticsFor(uri));
    return { ready, diagnostics: Number(process.hrtime.bigint() - t1) / 1e6 };
  } finally {
    if (graceful) await client.shutdown();
    else client.kill();
  }
}

export async function run(): Promise<Figure[]> {
  process.stderr.write(`[bench] startup: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-bench-startup-'));
  try {
    const big = join(dir, 'main.cf');
    writeFileSync(big, bigMainCf(20_000));
    copyFileSync(join(LAB, 'master.cf'), join(dir, 'master.cf'));
    const lab = join(LAB, 'main.cf');
    const node: number[] = [];
    const check: number[] = [];
    const postconf: number[] = [];
    const ready: number[] = [];
    const coldLab: number[] = [];
    const coldBig: number[] = [];
    // One unmeasured round: the CLI's and the server's code caches and the postconf version get written.
    processMs([CLI, 'check', lab]);
    processMs([CLI, 'postconf', '-n', '-c', LAB]);
    await coldServer(lab, true);
    for (let i = 0; i < REPEATS; i++) {
      node.push(processMs(['-e', '0']));
      check.push(processMs([CLI, 'check', lab]));
      postconf.push(processMs([CLI, 'postconf', '-n', '-c', LAB]));
      const l = await coldServer(lab);
      const b = await coldServer(big);
      ready.push(l.ready, b.ready);
      coldLab.push(l.diagnostics);
      coldBig.push(b.diagnostics);
    }
    const anchor = { name: 'node -e 0', median: summarize(node).median };
    const figure = (name: string, samples: number[], budget: Figure['budget']): Figure => ({ suite: SUITE, name, unit: 'ms', ...summarize(samples), anchor, budget });
    return [
      figure("cold first diagnostics: the lab's main.cf (fresh server, didOpen to pushed diagnostics)", coldLab, { max: 30, text: '30 ms' }),
      figure('cold first diagnostics: a 20,000-line main.cf (fresh server, didOpen to pushed diagnostics)', coldBig, { max: 150, text: '150 ms' }),
      figure('server ready: spawn to the initialize answer', ready, { max: 500, text: '500 ms' }),
      figure("mailconf check: the lab's main.cf (process)", check, { max: 1.3 * anchor.median, text: '1.3x node -e 0' }),
      figure("mailconf postconf -n: the lab (process)", postconf, { max: 1.3 * anchor.median, text: '1.3x node -e 0' }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
