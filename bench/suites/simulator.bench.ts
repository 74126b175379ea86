// Session simulator (issue 19) on the lesson's main.cf and master.cf: one session in process,
// configuration parsing included (port 587, authenticated, two recipients; budget 2 ms), and
// re-checking 50 scenarios after an edit (the lab's seven, repeated; budget 30 ms): the scenario
// file's diagnostics in process, and as an editor gets them, over stdio from `node dist/server.js`
// (an edit of main.cf, then the pull of the scenario file's diagnostics).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scenarioDiagnostics } from '../../server/src/languageservice/scenarios/diagnostics';
import { simulate } from '../../server/src/postfix/simulator';
import { LspClient } from '../../test/support/lspClient';
import { Figure, summarize, timeIt } from '../measure';
import { ensureFreshServer } from './lsp.bench';

const LAB = resolve(__dirname, '../../examples/lab');
const BUDGET = { max: 30, text: '30 ms' };

/** The lab's scenarios repeated to 50, one in seven with a broken expectation (so diagnostics with related information go out too). */
function fiftyScenarios(): string {
  const lab = JSON.parse(readFileSync(`${LAB}/mailflow.scenarios.json`, 'utf8')).scenarios;
  const scenarios = Array.from({ length: 50 }, (_, i) => ({ ...lab[i % lab.length], name: `${lab[i % lab.length].name} #${i}` }));
  scenarios[0] = { ...scenarios[0], expect: { 'usuario@mail2.org': 'accepted' } };
  return JSON.stringify({ scenarios }, null, 2);
}

async function overLsp(mainCf: string, masterCf: string, scenarios: string): Promise<number[]> {
  ensureFreshServer();
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-bench-scenarios-'));
  const uri = (f: string) => pathToFileURL(join(dir, f)).href;
  writeFileSync(join(dir, 'main.cf'), mainCf);
  writeFileSync(join(dir, 'master.cf'), masterCf);
  writeFileSync(join(dir, 'bench.scenarios.json'), scenarios);
  const client = new LspClient();
  try {
    await client.initialize({ textDocument: { diagnostic: {} } }, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }] });
    client.open(uri('main.cf'), 'postfix-main', mainCf);
    client.open(uri('bench.scenarios.json'), 'json', scenarios);
    let version = 1;
    const edit = async () => {
      version++;
      // Typing in main.cf: a new comment line each time, then the pull of the scenario file.
      client.notify('textDocument/didChange', { textDocument: { uri: uri('main.cf'), version }, contentChanges: [{ text: `${mainCf}# edit ${version}\n` }] });
      const r = await client.request('textDocument/diagnostic', { textDocument: { uri: uri('bench.scenarios.json') } });
      if (r.items.length !== 1) throw new Error(`expected the one broken expectation, got ${r.items.length} diagnostics`);
    };
    return await timeIt(edit, 40, 5);
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  const mainCf = readFileSync(`${LAB}/main.cf`, 'utf8');
  const masterCf = readFileSync(`${LAB}/master.cf`, 'utf8');
  const session = () =>
    simulate({ mainCf, masterCf, port: 587, client: { address: '192.0.2.1' }, helo: 'pc.example', sasl: 'usuario', tls: true, sender: 'usuario@mail1.org', recipients: ['a@mail2.org', 'b@mail1.org'] });
  const s = summarize(await timeIt(session, 200, 20));
  const scenarios = fiftyScenarios();
  const files: Record<string, string> = { 'main.cf': mainCf, 'master.cf': masterCf };
  const doc = TextDocument.create('file:///bench/bench.scenarios.json', 'json', 1, scenarios);
  const ctx = { workspace: { readText: (u: string) => files[u.slice('file:///bench/'.length)] }, locale: 'en' as const };
  const inProcess = summarize(await timeIt(() => scenarioDiagnostics(doc, ctx), 30, 5));
  const lsp = summarize(await overLsp(mainCf, masterCf, scenarios));
  return [
    { suite: 'simulator', name: 'one session (parse + simulate)', unit: 'ms', median: s.median, spread: s.spread, budget: { max: 2, text: '2 ms' } },
    { suite: 'simulator', name: 're-check 50 scenarios (scenario file diagnostics, in process)', unit: 'ms', median: inProcess.median, spread: inProcess.spread, budget: BUDGET },
    { suite: 'simulator', name: 're-check 50 scenarios after a main.cf edit (LSP: edit, then pull)', unit: 'ms', median: lsp.median, spread: lsp.spread, budget: BUDGET },
  ];
}
