// The mailconf.zone settings over the protocol, the way Neovim sends them: init_options at
// initialize, `settings` through workspace/didChangeConfiguration.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../support/lspClient';

const URI = 'file:///lsp/zones/lab-zone';
const TEXT = '$TTL 1d\n@ IN SOA ns hostmaster 1 3h 1h 1w 1h\n@ IN NS ns\nns IN A 192.168.255.1\n';
const all = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };

describe('zone settings over LSP', () => {
  let client: LspClient;
  const labels = async (): Promise<string[]> =>
    ((await client.request('textDocument/inlayHint', { textDocument: { uri: URI }, range: all })) as Array<{ label: string }>).map((h) => h.label);

  before(async () => {
    client = new LspClient();
    const init = await client.initialize({}, { initializationOptions: { zone: { inlayHints: true } } });
    assert.equal(init.capabilities.inlayHintProvider, true);
    client.open(URI, 'dns-zone', TEXT);
  });
  after(async () => client.shutdown());

  it('shows inlay hints when initializationOptions switch them on', async () => {
    // No origin in the name or the text: names are relative to the root.
    assert.ok((await labels()).includes('.'));
  });

  it('takes an origin per file from didChangeConfiguration, and stops hinting when told to', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { mailconf: { zone: { inlayHints: true, origins: { 'zones/lab-zone': 'mail1.org' } } } } });
    assert.ok((await labels()).includes('.mail1.org.'));
    client.notify('workspace/didChangeConfiguration', { settings: { mailconf: { zone: { inlayHints: false } } } });
    assert.deepEqual(await labels(), []);
  });
});
