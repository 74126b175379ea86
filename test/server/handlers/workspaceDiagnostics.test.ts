// Workspace diagnostics over LSP: the problems of the workspace's files that are not open, read
// from disk, so that closing a file does not empty the Problems panel.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../support/lspClient';

describe('workspace diagnostics', { timeout: 20_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-wsdiag-'));
  const main = join(dir, 'main.cf');
  const zone = join(dir, 'zones', 'mail1.org.zone');
  const mainUri = pathToFileURL(main).href;
  const zoneUri = pathToFileURL(zone).href;
  let client: LspClient;
  let init: any;

  before(async () => {
    writeFileSync(main, 'myhostnme = smtp.mail1.org\n');
    mkdirSync(join(dir, 'zones'));
    writeFileSync(zone, '$ORIGIN mail1.org.\n$TTL 1d\n@ IN SOA ns hostmaster 1 3h 1h 1w 1h\n@ IN NS ns\nns IN A 192.168.255.1\nimap IN CNAME imap\n');
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'main.cf'), 'never = checked\n');
    client = new LspClient();
    init = await client.initialize({ textDocument: { diagnostic: {} } }, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'lab' }] });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const pull = (previousResultIds: { uri: string; value: string }[] = []) => client.request('workspace/diagnostic', { previousResultIds });
  const report = (r: any, uri: string) => r.items.find((i: any) => i.uri === uri);

  it('is announced', () => assert.equal(init.capabilities.diagnosticProvider.workspaceDiagnostics, true));

  it("reports the closed files' problems, and skips node_modules", async () => {
    const r = await pull();
    assert.deepEqual(report(r, mainUri).items.map((d: any) => d.code), ['unknown-parameter']);
    assert.ok(report(r, zoneUri).items.some((d: any) => d.code === 'cname-loop'));
    assert.equal(r.items.length, 2, JSON.stringify(r.items.map((i: any) => i.uri)));
  });

  it('answers unchanged for a file that has not changed, and checks it again once it has', async () => {
    const first = report(await pull(), mainUri);
    const again = await pull([{ uri: mainUri, value: first.resultId }]);
    assert.equal(report(again, mainUri).kind, 'unchanged');
    writeFileSync(main, 'myhostname = smtp.mail1.org\n');
    utimesSync(main, new Date(), new Date(Date.now() + 5000));
    const changed = report(await pull([{ uri: mainUri, value: first.resultId }]), mainUri);
    assert.equal(changed.kind, 'full');
    assert.deepEqual(changed.items, []);
  });

  it('leaves open files to the document pull', async () => {
    client.open(zoneUri, 'dns-zone', '$ORIGIN mail1.org.\n');
    const r = await pull();
    assert.equal(report(r, zoneUri), undefined);
  });
});
