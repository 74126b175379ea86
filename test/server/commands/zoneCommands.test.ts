import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { SERVER_COMMANDS } from '../../../server/src/commands';
import type { CommandContext } from '../../../server/src/commands/command';

const LAB1 = readFileSync(resolve(__dirname, '../../../examples/lab/mail1.org.zone'), 'utf8');
const LAB2 = readFileSync(resolve(__dirname, '../../../examples/lab/mail2.org.zone'), 'utf8');
const REVERSE = '$ORIGIN 255.168.192.in-addr.arpa.\n$TTL 1d\n@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h\n@ IN NS ns.mail1.org.\n';

const files: Record<string, string> = {
  'file:///lab/mail1.org.zone': LAB1,
  'file:///lab/mail2.org.zone': LAB2,
  'file:///lab/db.192.168.255': REVERSE,
};

const ctx = {
  locale: 'en',
  workspace: { readText: (uri: string) => files[uri] },
  document: () => undefined,
  token: { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) },
  log: () => undefined,
} as unknown as CommandContext;

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
