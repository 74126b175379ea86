// Completion and hover as an editor sees them (issue 9): round trips through a real LSP client over
// stdio to `node dist/server.js --stdio`, with the lab main.cf, master.cf and a zone open. The
// positions are the places people complete and hover: parameter names, values, restriction lists,
// map types and $references. Requests go one at a time, completion and hover interleaved so that
// machine load hits both alike.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { diagnosticsFor, LspClient, SERVER_JS } from '../../test/support/lspClient';
import { Figure, summarize } from '../measure';

const SUITE = 'lsp';
const ROOT = resolve(__dirname, '../..');
const LAB = join(ROOT, 'examples/lab');
const REQUESTS = 240;
const WARMUP = 2;

/** Rebuilds dist/ when a server source is newer than the bundle, so the figures are of the code in the tree. */
export function ensureFreshServer(): void {
  const built = (() => {
    try {
      return statSync(SERVER_JS).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  if (newest(join(ROOT, 'server/src')) <= built) return;
  process.stderr.write('[bench] dist/server.js is older than server/src: node esbuild.mjs\n');
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node esbuild.mjs failed');
}

interface Place {
  uri: string;
  line: number;
  character: number;
  what: string;
}

const uriOf = (file: string) => pathToFileURL(join(LAB, file)).href;
const MAIN = uriOf('main.cf');
const MASTER = uriOf('master.cf');
const ZONE = uriOf('mail1.org.zone');

/** Finds `needle` in the lab file and places the cursor `offset` characters into it. */
function at(file: string, needle: string, offset: number, what: string): Place {
  const lines = readFileSync(join(LAB, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${file} no longer contains '${needle}': update the bench positions`);
  return { uri: uriOf(file), line, character: lines[line].indexOf(needle) + offset, what };
}

const MAIN_COMPLETION: Place[] = [
  { uri: MAIN, line: 7, character: 0, what: 'a new parameter on an empty line' },
  at('main.cf', 'biff = no', 2, 'a half-typed parameter name'),
  at('main.cf', 'biff = no', 7, 'a boolean value'),
  at('main.cf', 'smtpd_tls_security_level = may', 27, 'an enum value'),
  at('main.cf', 'smtpd_relay_restrictions =', 27, 'the start of a restriction list'),
  at('main.cf', 'permit_sasl_authenticated defer_unauth_destination', 26, 'the middle of a restriction list'),
  at('main.cf', '                               permit_sasl_authenticated,', 31, 'a continued restriction list'),
  at('main.cf', 'alias_maps = hash:', 13, 'a lookup-table type'),
  at('main.cf', '$myhostname', 1, 'a $reference just after the $'),
  at('main.cf', '$mail_name', 4, 'a half-typed $reference'),
];

const MAIN_HOVER: Place[] = [
  at('main.cf', 'smtpd_banner', 3, 'a parameter name'),
  at('main.cf', 'smtpd_relay_restrictions', 5, 'a restriction-list parameter'),
  at('main.cf', 'smtp_use_tls', 3, 'a deprecated parameter'),
  at('main.cf', 'port25_recipient_restrictions', 5, 'a user-defined parameter'),
  at('main.cf', '$myhostname', 3, 'a $reference defined in main.cf'),
  at('main.cf', '$mail_name', 3, 'a $reference to a default'),
  at('main.cf', 'permit_mynetworks permit_sasl', 4, 'a restriction name'),
  at('main.cf', 'reject_rbl_client', 4, 'a restriction with an argument'),
  at('main.cf', 'hash:/etc/aliases', 1, 'a lookup-table type'),
];

const ZONE_COMPLETION: Place[] = [
  at('mail1.org.zone', 'mail    IN  A', 8, 'the class/type field'),
  at('mail1.org.zone', 'smtp    IN  CNAME', 12, 'a half-typed type'),
  { uri: ZONE, line: readFileSync(join(LAB, 'mail1.org.zone'), 'utf8').split('\n').length - 1, character: 0, what: 'a new line' },
];

const ZONE_HOVER: Place[] = [
  at('mail1.org.zone', 'IN  CNAME  mail', 6, 'a record type'),
  at('mail1.org.zone', 'MX     10 mail', 1, 'MX'),
  at('mail1.org.zone', 'ns.mail1.org.', 3, 'an SOA field'),
  at('mail1.org.zone', '$TTL', 1, 'a directive'),
];

const params = (p: Place) => ({ textDocument: { uri: p.uri }, position: { line: p.line, character: p.character } });

/** A position that answers nothing measures a shortcut, not the feature: refuse it. */
function check(kind: string, p: Place, result: any): void {
  const empty = kind === 'completion' ? (Array.isArray(result) ? result : result?.items ?? []).length === 0 : !result?.contents;
  if (empty) throw new Error(`${kind} at ${p.uri.split('/').pop()}:${p.line + 1}:${p.character + 1} (${p.what}) answered nothing`);
}

async function roundTrip(client: LspClient, method: string, p: Place): Promise<number> {
  const t = process.hrtime.bigint();
  const result = await client.request(method, params(p));
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  check(method === 'textDocument/completion' ? 'completion' : 'hover', p, result);
  return ms;
}

/** `REQUESTS` completions and as many hovers, interleaved, after `WARMUP` unmeasured passes. */
async function measure(client: LspClient, completion: Place[], hover: Place[]): Promise<{ completion: number[]; hover: number[] }> {
  for (let w = 0; w < WARMUP; w++) {
    for (const p of completion) await roundTrip(client, 'textDocument/completion', p);
    for (const p of hover) await roundTrip(client, 'textDocument/hover', p);
  }
  const out = { completion: [] as number[], hover: [] as number[] };
  for (let i = 0; i < REQUESTS; i++) {
    out.completion.push(await roundTrip(client, 'textDocument/completion', completion[i % completion.length]));
    out.hover.push(await roundTrip(client, 'textDocument/hover', hover[i % hover.length]));
  }
  return out;
}

/** Completion of a parameter name on an empty line of main.cf: the longest answer, every name. */
async function parameterNames(client: LspClient): Promise<{ items: number; kb: number; samples: number[] }> {
  const p = MAIN_COMPLETION[0];
  const answer = await client.request('textDocument/completion', params(p));
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) samples.push(await roundTrip(client, 'textDocument/completion', p));
  return { items: answer.length, kb: Buffer.byteLength(JSON.stringify(answer)) / 1024, samples };
}

export async function run(): Promise<Figure[]> {
  ensureFreshServer();
  process.stderr.write(`[bench] lsp: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const client = new LspClient();
  try {
    // What VS Code's client announces for these two requests: markdown docs, snippets, and the
    // compact parameter items it asks for (server/src/handlers/compactCompletion.ts).
    await client.initialize(
      {
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        },
      },
      { initializationOptions: { compactCompletion: true } },
    );
    const open = (uri: string, lang: string, file: string) => client.open(uri, lang, readFileSync(join(LAB, file), 'utf8'));
    open(MAIN, 'postfix-main', 'main.cf');
    open(MASTER, 'postfix-master', 'master.cf');
    open(ZONE, 'dns-zone', 'mail1.org.zone');
    for (const uri of [MAIN, MASTER, ZONE]) await client.waitFor(diagnosticsFor(uri));

    const postfix = await measure(client, MAIN_COMPLETION, MAIN_HOVER);
    const zone = await measure(client, ZONE_COMPLETION, ZONE_HOVER);
    const names = await parameterNames(client);
    await client.shutdown();

    // Issue 4 budgets completion on the lab main.cf at 15 ms p95 and issue 5 zone completion the
    // same; neither names one for hover, which an editor shows on the same keystroke-to-screen
    // path, so hover is held to the same.
    const pair = (name: string, samples: number[], budgetText: string): Figure[] => {
      const s = summarize(samples);
      return [
        { suite: SUITE, name: `${name}, p50`, unit: 'ms', median: s.median, spread: s.spread },
        { suite: SUITE, name: `${name}, p95`, unit: 'ms', median: s.p95, spread: s.spread, budget: { max: 15, text: budgetText } },
      ];
    };
    const n = `${REQUESTS} requests`;
    return [
      ...pair(`completion over stdio, lab main.cf (${n})`, postfix.completion, '15 ms at p95'),
      ...pair(`hover over stdio, lab main.cf (${n})`, postfix.hover, '15 ms at p95, as completion'),
      ...pair(`completion over stdio, lab zone (${n})`, zone.completion, '15 ms at p95'),
      ...pair(`hover over stdio, lab zone (${n})`, zone.hover, '15 ms at p95, as completion'),
      // Issue 16: every parameter name, as VS Code asks for them.
      { suite: SUITE, name: `parameter-name completion, answer size (${names.items} items)`, unit: 'KB', median: names.kb, spread: 0, budget: { max: 50, text: '50 KB per answer' } },
      { suite: SUITE, name: `parameter-name completion over stdio, p95 (${n})`, unit: 'ms', median: summarize(names.samples).p95, spread: summarize(names.samples).spread, budget: { max: 5, text: '5 ms at p95' } },
    ];
  } finally {
    client.kill();
  }
}
