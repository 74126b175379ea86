// `npm run fuzz`: at least 100,000 generated inputs per parser (see properties/), the stored
// regressions replayed first, and the postconf emulation compared with the real postconf on a few
// thousand generated main.cf files. Parsers run in parallel child processes, one per core.
//   --parser NAME   run one parser in this process (what the children do)
//   --runs N        inputs for each parser's main property (default 100000)
//   --seed N        fast-check seed (default: time-based, printed so a run can be repeated)
//   --configs N     generated configurations for the postconf differential (default 3000; 0 skips)
//   --json          print one JSON summary line (for the parent process)
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { checkProperty, PropertySummary } from './check';
import { ALL_PROPERTIES, PARSERS } from './properties';
import { replayRegressions, saveRegression } from './regressions';
import { runDifferential, DifferentialSummary } from './differential/postconf';

const { values } = parseArgs({
  options: {
    parser: { type: 'string' },
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    configs: { type: 'string', default: '3000' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;

function runParser(parser: string): PropertySummary[] {
  const out: PropertySummary[] = [];
  for (const p of ALL_PROPERTIES.filter((x) => x.parser === parser)) {
    const n = Math.max(50, Math.round(runs * (p.fullRunShare ?? p.share ?? 1)));
    const s = checkProperty(p, { runs: n, seed, timed: true });
    if (!s.ok) s.error += `\n  saved as ${saveRegression(p, s.counterexample)}`;
    out.push(s);
  }
  return out;
}

function child(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', __filename, ...args, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('close', (code) => resolve(code === 0 || out ? out : JSON.stringify({ crashed: args.join(' '), code })));
  });
}

function printSummaries(rows: PropertySummary[]): void {
  for (const r of rows) {
    const status = r.ok ? 'ok  ' : 'FAIL';
    const timing = r.worstMsPerKb > 0 ? `worst ${r.worstMsPerKb.toFixed(2)} ms/KB (at ${(r.worstSize / 1024).toFixed(1)} KB)` : '';
    console.log(`${status} ${r.parser.padEnd(10)} ${String(r.runs).padStart(7)} inputs  ${r.seconds.toFixed(1).padStart(6)} s  ${r.name}  ${timing}`);
    if (!r.ok) console.log(`     ${r.error}\n     input: ${JSON.stringify(r.counterexample)?.slice(0, 400)}`);
  }
}

function printDifferential(d: DifferentialSummary): void {
  if (d.skipped) return void console.log(`skip postconf   differential: ${d.skipped}`);
  const status = d.mismatches.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`${status} postconf   ${String(d.configs).padStart(7)} configs ${d.seconds.toFixed(1).padStart(6)} s  postconf -n emulation equals the real postconf -n (${d.batches} batches${d.crashes ? `; the real postconf crashed on ${d.crashes}, not compared` : ''})`);
  for (const m of d.mismatches.slice(0, 5)) console.log(`     mismatch, saved as ${m.saved}\n${m.diff}`);
}

async function main(): Promise<void> {
  if (values.parser === 'postconf-differential') {
    const d = await runDifferential(Number(values.configs), seed);
    console.log(JSON.stringify({ differential: d }));
    return;
  }
  if (values.parser) {
    const rows = runParser(values.parser);
    if (values.json) console.log(JSON.stringify({ rows }));
    else printSummaries(rows);
    process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
    return;
  }
  console.log(`fuzzing ${PARSERS.length} parsers with ${runs} inputs each, seed ${seed}`);
  const replayed = replayRegressions();
  console.log(`${replayed.failed.length === 0 ? 'ok  ' : 'FAIL'} regressions ${replayed.count} stored inputs replayed`);
  for (const f of replayed.failed) console.log(`     ${f}`);
  for (const f of replayed.open) console.log(`open ${f}`);
  for (const f of replayed.fixed) console.log(`ok   ${f} passes now: remove its "open" mark`);

  const jobs = [...PARSERS.map((p) => ['--parser', p, '--runs', String(runs), '--seed', String(seed)])];
  if (Number(values.configs) > 0) jobs.unshift(['--parser', 'postconf-differential', '--configs', String(values.configs), '--seed', String(seed)]);
  const rows: PropertySummary[] = [];
  let differential: DifferentialSummary | undefined;
  let crashed = 0;
  const workers = Math.max(2, Math.min(availableParallelism(), 4));
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const out = await child(job);
        const parsed = JSON.parse(out.trim().split('\n').pop() || '{}');
        if (parsed.rows) {
          rows.push(...parsed.rows);
          printSummaries(parsed.rows);
        } else if (parsed.differential) {
          differential = parsed.differential;
          printDifferential(parsed.differential);
        } else {
          crashed++;
          console.log(`FAIL ${job.join(' ')}: the worker crashed (${out.trim().slice(0, 300)})`);
        }
      }
    }),
  );
  const failed = rows.filter((r) => !r.ok).length + replayed.failed.length + (differential?.mismatches.length ? 1 : 0) + crashed;
  console.log(`\n${rows.length} properties over ${PARSERS.length} parsers, ${rows.reduce((a, r) => a + r.runs, 0)} inputs; ${failed === 0 ? 'no failures' : `${failed} failed`} (seed ${seed})`);
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
