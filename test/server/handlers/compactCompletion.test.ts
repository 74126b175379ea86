// Parameter-name completion over stdio, as VS Code asks for it (compactCompletion): small answers,
// the documentation through completionItem/resolve; other clients still get full items.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../support/lspClient';

const URI = 'file:///lab/main.cf';
const NAMES = { textDocument: { uri: URI }, position: { line: 1, character: 0 } };

describe('compact parameter completion', { timeout: 30_000 }, () => {
  let compact: LspClient;
  let full: LspClient;

  before(async () => {
    compact = new LspClient();
    full = new LspClient();
    const init = await compact.initialize({}, { initializationOptions: { compactCompletion: true } });
    assert.equal(init.capabilities.completionProvider.resolveProvider, true);
    await full.initialize();
    for (const c of [compact, full]) c.open(URI, 'postfix-main', 'myhostname = smtp.mail1.org\n\n');
  });
  after(async () => {
    await compact.shutdown();
    await full.shutdown();
  });

  it('answers every parameter name in under 50 KB, each without its documentation', async () => {
    const times: number[] = [];
    let answer: any[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      answer = await compact.request('textDocument/completion', NAMES);
      times.push(performance.now() - t0);
    }
    const bytes = Buffer.byteLength(JSON.stringify(answer));
    times.sort((a, b) => a - b);
    console.log(`# ${answer.length} items, ${bytes} bytes, p50 ${times[10].toFixed(1)} ms, p95 ${times[18].toFixed(1)} ms over stdio`);
    assert.ok(answer.length > 800, `${answer.length} items`);
    assert.ok(bytes <= 50_000, `${bytes} bytes`);
    const item = answer.find((i) => i.label === 'smtpd_tls_wrappermode');
    assert.deepEqual(item, { label: 'smtpd_tls_wrappermode', kind: 10 });
  });

  it('resolves an item to its default and documentation', async () => {
    const resolved = await compact.request('completionItem/resolve', { label: 'smtpd_tls_wrappermode', kind: 10 });
    assert.equal(resolved.detail, 'default: no');
    assert.match(resolved.documentation.value, /smtpd_tls_wrappermode/);
  });

  it('keeps the sort text of the names the target release lacks, and the client restores the others', async () => {
    const answer: any[] = await compact.request('textDocument/completion', NAMES);
    const fullAnswer: any[] = await full.request('textDocument/completion', NAMES);
    const restored = answer.map((i) => ({ ...i, sortText: i.sortText ?? `0${i.label}` }));
    const sortTexts = (items: any[]) => Object.fromEntries(items.map((i) => [i.label, i.sortText]));
    assert.deepEqual(sortTexts(restored), sortTexts(fullAnswer));
    assert.ok(answer.some((i) => i.sortText?.startsWith('1')), 'some names come later in the target release');
  });

  it('still gives other clients full items with their insert text', async () => {
    const item = (await full.request('textDocument/completion', NAMES)).find((i: any) => i.label === 'smtpd_tls_wrappermode');
    assert.equal(item.insertText, 'smtpd_tls_wrappermode = $0');
    assert.ok(item.documentation);
  });
});
