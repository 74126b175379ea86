// References and rename over the protocol, with main.cf and master.cf open side by side.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../support/lspClient';

describe('references and rename over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.equal(init.capabilities.referencesProvider, true);
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    client.open('file:///lsp/postfix/main.cf', 'postfix-main', 'port25 = reject_unauth_destination\nsmtpd_banner = $myhostname\n');
    client.open('file:///lsp/postfix/master.cf', 'postfix-master', 'smtp inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=$port25\n');
  });
  after(async () => client.shutdown());

  it('finds the uses of a main.cf parameter in master.cf', async () => {
    const refs: any[] = await client.request('textDocument/references', {
      textDocument: { uri: 'file:///lsp/postfix/main.cf' },
      position: { line: 0, character: 2 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => r.uri).sort(), ['file:///lsp/postfix/main.cf', 'file:///lsp/postfix/master.cf']);
  });

  it('renames it in both files, and refuses a built-in name with a reason', async () => {
    const edit: any = await client.request('textDocument/rename', { textDocument: { uri: 'file:///lsp/postfix/master.cf' }, position: { line: 1, character: 37 }, newName: 'mx_rules' });
    assert.equal(Object.keys(edit.changes).length, 2);
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: 'file:///lsp/postfix/main.cf' }, position: { line: 1, character: 17 } }),
      /built-in Postfix parameter/,
    );
  });
});
