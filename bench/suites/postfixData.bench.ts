// What the Postfix knowledge base costs a process that uses it: the CLI's start-up budget leaves
// about 40 ms above Node's own start, so loading parameters.json and building every ParameterInfo
// on first use must stay a small part of that. Measured in fresh processes, bundled like dist/:
// the time of the first question, timed inside the process, and the whole process for context.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { summarize, timeIt, timeProcess, type Figure } from '../measure';
import { allParameters, getParameter } from '../../server/src/postfix/parameters';

const SUITE = 'postfixData';
const ROOT = resolve(__dirname, '../..');

async function bundle(dir: string, name: string, body: string): Promise<string> {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, `import { allParameters, getParameter } from '${join(ROOT, 'server/src/postfix/parameters')}';\nvoid allParameters; void getParameter;\n${body}\n`);
  const outfile = join(dir, `${name}.js`);
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return outfile;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-postfix-data-'));
  try {
    const idle = await bundle(dir, 'idle', '');
    const used = await bundle(
      dir,
      'used',
      [
        'const t = process.hrtime.bigint();',
        "if (!getParameter('myhostname') || [...allParameters()].length < 800) process.exit(1);",
        'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
      ].join('\n'),
    );
    const idleRun = summarize(timeProcess(process.execPath, [idle], 20));
    const usedRun = summarize(timeProcess(process.execPath, [used], 20));
    const firstUse = summarize(
      Array.from({ length: 20 }, () => {
        const r = spawnSync(process.execPath, [used], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`bench process failed: ${r.stderr}`);
        return Number(r.stdout);
      }),
    );
    const lookups = summarize(await timeIt(() => {
      for (const p of allParameters()) getParameter(p.name);
    }, 50, 5));
    return [
      { suite: SUITE, name: 'process bundling the knowledge base, never asking', unit: 'ms', median: idleRun.median, spread: idleRun.spread },
      { suite: SUITE, name: 'process asking about all 831 parameters', unit: 'ms', median: usedRun.median, spread: usedRun.spread, anchor: { name: 'never asking', median: idleRun.median } },
      { suite: SUITE, name: 'first use: load parameters.json, build 831 ParameterInfo', unit: 'ms', median: firstUse.median, spread: firstUse.spread, budget: { max: 10, text: '10 ms' } },
      { suite: SUITE, name: 'getParameter for all 831 names, warm', unit: 'ms', median: lookups.median, spread: lookups.spread, budget: { max: 1, text: '1 ms' } },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
