// `npm run bench` (under tsx, so suites may be TypeScript): builds the development bundles, runs
// every suite in bench/suites, prints one table and writes bench/results.json.
// A suite is a module exporting `run(): Promise<Figure[]>`, where a Figure is
//   { suite, name, unit, median, spread, anchor?: { name, median }, budget?: { max, text } }
// `spread` is the interquartile range over the repeats; `budget.max` is checked against `median`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const dir = new URL('./suites/', import.meta.url);
const files = readdirSync(dir).filter((f) => /\.(m?ts|mjs)$/.test(f) && (!values.only || f.includes(values.only)));

// Several suites time dist/ as a user runs it: a missing build would time a process that only
// fails to start, and an old one the code as it was, so the suites always get a fresh one.
if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: new URL('..', import.meta.url), stdio: 'inherit' }).status !== 0) {
  console.error('[bench] the build failed; see above (npm run build)');
  process.exit(1);
}

// Each suite gets an empty mailconf cache folder (XDG_CACHE_HOME, inherited by every process it
// starts, code-server and its language servers included). Its unmeasured first runs then write the
// code caches of the very commands it times: a bundle's cache holds what the run that wrote it
// compiled, and one written by a broader run (a test's `check --root`, 1,045 KB against 776) made
// the lab's `mailconf check` 2.5-4.4 ms slower than one written by that check, so figures
// followed history.
const figures = [];
const userCache = process.env.XDG_CACHE_HOME;
for (const f of files.sort()) {
  process.stderr.write(`[bench] ${f}\n`);
  const cache = mkdtempSync(join(tmpdir(), 'mailconf-bench-cache-'));
  process.env.XDG_CACHE_HOME = cache;
  try {
    const mod = await import(pathToFileURL(join(dir.pathname, f)).href);
    figures.push(...(await mod.run()));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
if (userCache === undefined) delete process.env.XDG_CACHE_HOME;
else process.env.XDG_CACHE_HOME = userCache;

const red = (s) => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const fmt = (v, unit) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ${unit}`;
const rows = figures.map((x) => {
  const within = x.budget ? x.median <= x.budget.max : true;
  return [
    x.suite,
    x.name,
    fmt(x.median, x.unit),
    `±${fmt(x.spread, x.unit)}`,
    x.anchor ? `${x.anchor.name}: ${fmt(x.anchor.median, x.unit)} (×${(x.median / x.anchor.median).toFixed(2)})` : '',
    x.budget ? (within ? `ok (≤ ${x.budget.text})` : red(`MISSED (≤ ${x.budget.text})`)) : '',
  ];
});
const header = ['suite', 'figure', 'median', 'spread', 'anchor', 'budget'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].replace(/\x1b\[\d+m/g, '').length)));
const line = (r) => r.map((c, i) => c + ' '.repeat(widths[i] - c.replace(/\x1b\[\d+m/g, '').length)).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), figures }, null, 2));
