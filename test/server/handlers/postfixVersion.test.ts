// The target Postfix release over the protocol: `postfixVersion` in initializationOptions, then in
// workspace/didChangeConfiguration; the server announces the resolved target and checks by it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../support/lspClient';

const URI = 'file:///lsp/postfix/main.cf';
const TEXT = 'smtpd_hide_client_session = yes\n';
type Message = { method?: string; params?: any };

describe('mailconf.postfixVersion over LSP', () => {
  let client: LspClient;
  const codesAt = (version: number) =>
    client
      .waitFor((m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === URI && m.params.version === version)
      .then((m: Message) => (m.params.diagnostics as Array<{ code: string; message: string }>).map((d) => d.code));

  before(async () => {
    client = new LspClient();
    await client.initialize({}, { initializationOptions: { postfixVersion: '3.7' } });
  });
  after(async () => client.shutdown());

  it('announces the target from initializationOptions and checks against it', async () => {
    const announced = await client.waitFor((m: Message) => m.method === 'mailconf/postfixTarget');
    assert.deepEqual(announced.params, { target: '3.7', setting: '3.7' });
    client.open(URI, 'postfix-main', TEXT, 1);
    assert.deepEqual(await codesAt(1), ['needs-newer-postfix']);
  });

  it('follows a settings change', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { mailconf: { postfixVersion: '3.10' } } });
    const announced = await client.waitFor((m: Message) => m.method === 'mailconf/postfixTarget' && m.params.target === '3.10');
    assert.equal(announced.params.setting, '3.10');
    client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: TEXT }] });
    assert.deepEqual(await codesAt(2), []);
  });
});
