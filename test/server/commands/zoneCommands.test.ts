import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { SERVER_COMMANDS } from '../../../server/src/commands';
import type { CommandContext } from '../../../server/src/commands/command';
import { zoneService } from '../../../server/src/languageservice/zone';
import { requirePeer } from '../../support/peers';
import { commandContext } from '../../support/commandContext';

const LAB1 = readFileSync(resolve(__dirname, '../../../examples/lab/mail1.org.zone'), 'utf8');
const LAB2 = readFileSync(resolve(__dirname, '../../../examples/lab/mail2.org.zone'), 'utf8');
const REVERSE = '$ORIGIN 255.168.192.in-addr.arpa.\n$TTL 1d\n@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h\n@ IN NS ns.mail1.org.\n';

const files: Record<string, string> = {
  'file:///lab/mail1.org.zone': LAB1,
  'file:///lab/mail2.org.zone': LAB2,
  'file:///lab/db.192.168.255': REVERSE,
};

const ctx = commandContext({ readText: (uri) => files[uri] });

const command = (id: string) => SERVER_COMMANDS.find((c) => c.id === id)!;
const applyTo = (uri: string, edit: WorkspaceEdit) => TextDocument.applyEdits(TextDocument.create(uri, 'dns-zone', 0, files[uri]), edit.changes![uri]);

describe('mailconf.lsp.zone.bumpSerial', () => {
  it('is registered', () => assert.ok(command('mailconf.lsp.zone.bumpSerial')));
  it('rolls a YYYYMMDDnn serial to today and returns a WorkspaceEdit on the serial only', async () => {
    const edit = (await command('mailconf.lsp.zone.bumpSerial').run(['file:///lab/mail1.org.zone', '2026-12-01'], ctx)) as WorkspaceEdit;
    assert.deepEqual(edit.changes!['file:///lab/mail1.org.zone'], [{ range: { start: { line: 4, character: 17 }, end: { line: 4, character: 27 } }, newText: '2026120101' }]);
  });
  it('increments nn on the same day', async () => {
    const edit = (await command('mailconf.lsp.zone.bumpSerial').run(['file:///lab/mail1.org.zone', '2026-11-24'], ctx)) as WorkspaceEdit;
    assert.match(applyTo('file:///lab/mail1.org.zone', edit), /2026112402 ; serial/);
  });
  it('fails clearly without an SOA or a readable file', async () => {
    files['file:///lab/nosoa.zone'] = '$ORIGIN x.org.\n$TTL 1h\n@ IN NS ns\n';
    await assert.rejects(command('mailconf.lsp.zone.bumpSerial').run(['file:///lab/nosoa.zone'], ctx), /no SOA/);
    await assert.rejects(command('mailconf.lsp.zone.bumpSerial').run(['file:///lab/missing.zone'], ctx), /Cannot read/);
    await assert.rejects(command('mailconf.lsp.zone.bumpSerial').run([], ctx), /URI/);
  });
});

describe('mailconf.lsp.zone.generatePtr', () => {
  it('appends one PTR per address of the forward zones that falls in the reverse zone', async () => {
    const edit = (await command('mailconf.lsp.zone.generatePtr').run(['file:///lab/db.192.168.255', 'file:///lab/mail1.org.zone', 'file:///lab/mail2.org.zone'], ctx)) as WorkspaceEdit;
    const text = applyTo('file:///lab/db.192.168.255', edit);
    assert.match(text, /\n1\tIN\tPTR\tns\.mail1\.org\.\n129\tIN\tPTR\tmail\.mail2\.org\.\n$/);
  });
  it('skips addresses that already have a PTR', async () => {
    files['file:///lab/db.192.168.255'] = REVERSE + '1 IN PTR mail.mail1.org.\n';
    const edit = (await command('mailconf.lsp.zone.generatePtr').run(['file:///lab/db.192.168.255', ['file:///lab/mail1.org.zone']], ctx)) as WorkspaceEdit;
    assert.deepEqual(edit.changes!['file:///lab/db.192.168.255'], []);
    files['file:///lab/db.192.168.255'] = REVERSE;
  });
  it('refuses a forward zone as the target', async () => {
    await assert.rejects(command('mailconf.lsp.zone.generatePtr').run(['file:///lab/mail1.org.zone', 'file:///lab/mail2.org.zone'], ctx), /not a reverse zone/);
  });
});

describe('mailconf.lsp.zone.reverseZones', () => {
  const plans = (uri: string, locale = 'en') =>
    command('mailconf.lsp.zone.reverseZones').run([uri, '2026-12-03'], { ...ctx, locale } as CommandContext) as Promise<{ origin: string; network: string; text: string; ptrCount: number }[]>;

  it("makes the lab's reverse zone from mail1.org: SOA and NS of the forward zone, the mail host's PTR", async () => {
    const [plan, ...more] = await plans('file:///lab/mail1.org.zone');
    assert.deepEqual(more, []);
    assert.equal(plan.origin, '255.168.192.in-addr.arpa.');
    assert.equal(plan.network, '192.168.255.0/24');
    assert.equal(plan.ptrCount, 1);
    assert.match(plan.text, /^\$ORIGIN 255\.168\.192\.in-addr\.arpa\.$/m);
    assert.match(plan.text, /^@ +IN {2}SOA {2}ns\.mail1\.org\. hostmaster\.mail1\.org\. \($/m);
    assert.match(plan.text, /^ +2026120301 ; serial/m);
    assert.match(plan.text, /^@ +IN {2}NS {3}ns\.mail1\.org\.$/m);
    // 192.168.255.1 is both ns and mail; the MX host names it.
    assert.match(plan.text, /^1 +IN {2}PTR {2}mail\.mail1\.org\.$/m);
  });

  it('is a zone mailconf finds nothing wrong with, and BIND loads', { skip: requirePeer('named-checkzone', ['bind9-utils']) }, async () => {
    const [plan] = await plans('file:///lab/mail1.org.zone');
    const doc = TextDocument.create('file:///lab/255.168.192.in-addr.arpa.zone', 'dns-zone', 1, plan.text);
    assert.deepEqual(zoneService.diagnostics(doc, ctx).map((d) => `${d.code}: ${d.message}`), []);
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-reverse-'));
    try {
      writeFileSync(join(dir, 'reverse.zone'), plan.text);
      const r = spawnSync('named-checkzone', ['-i', 'local', plan.origin, join(dir, 'reverse.zone')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes its comments in Spanish with docsLanguage es, and answers null for a reverse zone', async () => {
    const [plan] = await plans('file:///lab/mail1.org.zone', 'es');
    assert.match(plan.text, /^; Zona inversa de 192\.168\.255\.0\/24, hecha con los registros A de mail1\.org\.zone\.$/m);
    assert.equal(await plans('file:///lab/db.192.168.255'), null);
  });
});
