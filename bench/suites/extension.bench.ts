// Extension figures (issue 9): the size of the packaged .vsix, and the language server's memory
// (V8 heap and resident set) after opening the lab files and a generated 100k-record zone over
// stdio, as an editor would. The time from activation to server-ready needs a running VS Code and
// is measured by the extension test layer, not here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticsFor, LspClient } from '../../test/support/lspClient';
import { Figure, summarize } from '../measure';
import { generateZone } from './zone.bench';

const ROOT = resolve(__dirname, '../..');
const LAB = join(ROOT, 'examples/lab');
const SUITE = 'extension';
const REPEATS = 3;

/** Packs the extension with `npm run package` and returns the .vsix size in KB, or undefined when packing fails. */
function vsixKb(): number | undefined {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const file = join(ROOT, `mailconf-${version}.vsix`);
  const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(`[bench] npm run package failed, no .vsix size:\n${r.stderr.slice(-2000)}\n`);
    return undefined;
  }
  const kb = statSync(file).size / 1024;
  // The package build is minified; leave the development build the tests use in dist/.
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  return kb;
}

/**
 * A module preloaded into the server (through NODE_OPTIONS) that writes process.memoryUsage() to
 * a file on SIGUSR2: the only way to read the heap of a process that speaks nothing but LSP.
 */
function memoryProbe(dir: string): { preload: string; out: string } {
  const out = join(dir, 'memory.json');
  const preload = join(dir, 'memoryProbe.cjs');
  writeFileSync(
    preload,
    `process.on('SIGUSR2', () => {
  if (global.gc) global.gc();
  require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.memoryUsage()));
});\n`,
  );
  return { preload, out };
}

/** Asks the server for its memory and waits for the answer file. */
async function serverMemory(pid: number, out: string): Promise<NodeJS.MemoryUsage> {
  rmSync(out, { force: true });
  const dir = join(out, '..');
  const written = new Promise<void>((resolveWritten) => {
    const w = watch(dir, () => {
      try {
        JSON.parse(readFileSync(out, 'utf8'));
        w.close();
        resolveWritten();
      } catch {
        // Not there yet, or half written.
      }
    });
  });
  process.kill(pid, 'SIGUSR2');
  await written;
  return JSON.parse(readFileSync(out, 'utf8')) as NodeJS.MemoryUsage;
}

function vmRssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? NaN) / 1024;
}

/** The V8 heap in use plus what buffers and typed arrays hold outside it (the zone table's columns). */
const heapMb = (m: NodeJS.MemoryUsage) => (m.heapUsed + m.external) / 2 ** 20;

interface Sample {
  labHeap: number;
  labRss: number;
  zoneHeap: number;
  zoneRss: number;
}

/** One server: opens the lab, measures, opens the 100k-record zone, measures. */
async function sample(zoneText: string, probe: { preload: string; out: string }): Promise<Sample> {
  const previous = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${previous ?? ''} --expose-gc --require ${probe.preload}`.trim();
  const client = new LspClient();
  process.env.NODE_OPTIONS = previous;
  if (previous === undefined) delete process.env.NODE_OPTIONS;
  try {
    const init = await client.initialize();
    const pid: number = init.capabilities.experimental.mailconf.pid;
    const lab = readdirSync(LAB).map((f) => ({
      uri: pathToFileURL(join(LAB, f)).href,
      lang: f.endsWith('.zone') ? 'dns-zone' : f === 'master.cf' ? 'postfix-master' : 'postfix-main',
      text: readFileSync(join(LAB, f), 'utf8'),
    }));
    for (const f of lab) client.open(f.uri, f.lang, f.text);
    for (const f of lab) await client.waitFor(diagnosticsFor(f.uri));
    const labMemory = await serverMemory(pid, probe.out);
    const labRss = vmRssMb(pid);
    const zoneUri = pathToFileURL(join(tmpdir(), 'bench.example.zone')).href;
    client.open(zoneUri, 'dns-zone', zoneText);
    await client.waitFor(diagnosticsFor(zoneUri));
    const zoneMemory = await serverMemory(pid, probe.out);
    return { labHeap: heapMb(labMemory), labRss, zoneHeap: heapMb(zoneMemory), zoneRss: vmRssMb(pid) };
  } finally {
    client.kill();
  }
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const kb = vsixKb();
  if (kb !== undefined) figures.push({ suite: SUITE, name: '.vsix size', unit: 'KB', median: kb, spread: 0 });

  const dir = mkdtempSync(join(tmpdir(), 'mailconf-bench-ext-'));
  try {
    const probe = memoryProbe(dir);
    const zoneText = generateZone(100_000);
    const samples: Sample[] = [];
    for (let i = 0; i < REPEATS; i++) samples.push(await sample(zoneText, probe));
    const fig = (name: string, unit: string, values: number[]): Figure => ({ suite: SUITE, name, unit, ...summarize(values) });
    figures.push(
      fig('server heap + external after opening the lab (after GC)', 'MB', samples.map((s) => s.labHeap)),
      fig('server RSS after opening the lab', 'MB', samples.map((s) => s.labRss)),
      fig('server heap + external with the lab and a 100k-record zone open (after GC)', 'MB', samples.map((s) => s.zoneHeap)),
      fig('server RSS with the lab and a 100k-record zone open', 'MB', samples.map((s) => s.zoneRss)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
