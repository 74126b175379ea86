// The standalone server over stdio, as any LSP editor would start it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { diagnosticsFor, LspClient } from '../support/lspClient';

describe('language server over stdio', () => {
  let client: LspClient;
  let init: any;
  before(async () => {
    client = new LspClient();
    init = await client.initialize();
  });
  after(async () => client.shutdown());

  it('announces every feature the editors use', () => {
    const caps = init.capabilities;
    for (const cap of [
      'completionProvider',
      'hoverProvider',
      'diagnosticProvider',
      'documentSymbolProvider',
      'codeActionProvider',
      'definitionProvider',
      'foldingRangeProvider',
      'documentFormattingProvider',
    ]) {
      assert.ok(caps[cap], `missing ${cap}`);
    }
    assert.equal(init.serverInfo.name, 'mailconf-language-server');
  });

  it('pushes an unknown-parameter diagnostic to a client without pull support', async () => {
    const uri = 'file:///lab/postfix/main.cf';
    client.open(uri, 'postfix-main', 'myhostname = smtp.mail1.org\nmyhostnme = x\n');
    const { params } = await client.waitFor(diagnosticsFor(uri));
    assert.equal(params.diagnostics.length, 1);
    const [d] = params.diagnostics;
    assert.equal(d.code, 'unknown-parameter');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    assert.match(d.message, /Did you mean 'myhostname'/);
  });

  it('routes files by name when the editor sends its own language id', async () => {
    const uri = 'file:///etc/postfix/main.cf';
    client.open(uri, 'pfmain', 'bogus_parameter_name = 1\n');
    const { params } = await client.waitFor(diagnosticsFor(uri));
    assert.equal(params.diagnostics[0]?.code, 'unknown-parameter');
  });

  it('completes parameter names with their defaults', async () => {
    const uri = 'file:///lab/complete/main.cf';
    client.open(uri, 'postfix-main', 'myhost');
    const items: any[] = await client.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 6 },
    });
    const item = items.find((i) => i.label === 'myhostname');
    assert.ok(item, 'myhostname is offered');
    assert.match(item.detail, /default/);
  });

  it('explains a parameter on hover, with a link to postconf(5)', async () => {
    const uri = 'file:///lab/hover/main.cf';
    client.open(uri, 'postfix-main', 'smtpd_tls_wrappermode = yes\n');
    const hover: any = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    assert.match(hover.contents.value, /smtpd_tls_wrappermode/);
    assert.match(hover.contents.value, /postconf\.5\.html#smtpd_tls_wrappermode/);
  });

  it('answers requests for documents it never saw', async () => {
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri: 'file:///nowhere/main.cf' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
  });
});

describe('language server with a pulling client', () => {
  it('answers textDocument/diagnostic and pushes nothing', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
      const uri = 'file:///pull/main.cf';
      client.open(uri, 'postfix-main', 'no_such_parameter = 1\n');
      const report: any = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.equal(report.items[0].code, 'unknown-parameter');
      assert.equal(client.notifications.filter(diagnosticsFor(uri)).length, 0);
    } finally {
      await client.shutdown();
    }
  });
});
