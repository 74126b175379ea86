// Cross-file checks against main.cf and sibling zones, with an in-memory workspace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneService } from '../../../../server/src/languageservice/zone';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

const LAB = resolve(__dirname, '../../../../examples/lab');
const lab = (f: string) => readFileSync(resolve(LAB, f), 'utf8');
const MAIN_CF = lab('main.cf');
const REVERSE = '$ORIGIN 255.168.192.in-addr.arpa.\n$TTL 1d\n@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h\n@ IN NS ns.mail1.org.\n';

function codesFor(name: string, text: string, files: Record<string, string>): string[] {
  const ctx: ServiceContext = { locale: 'en', workspace: { readText: (uri) => files[uri.replace('file:///w/', '')] } };
  const doc = TextDocument.create(`file:///w/${name}`, 'dns-zone', Math.random(), text);
  return zoneService.diagnostics(doc, ctx).map((d) => String(d.code));
}

describe('zone workspace checks', () => {
  const zone1 = lab('mail1.org.zone');
  it('workspace-no-mx: a mydestination domain whose zone has no MX', () => {
    const noMx = zone1.replace(/^\s+IN\s+MX.*$/m, '');
    assert.ok(codesFor('mail1.org.zone', noMx, { 'main.cf': MAIN_CF }).includes('workspace-no-mx'));
    assert.ok(!codesFor('mail1.org.zone', zone1, { 'main.cf': MAIN_CF }).includes('workspace-no-mx'));
    assert.ok(!codesFor('mail1.org.zone', noMx, {}).includes('workspace-no-mx'), 'no main.cf, no check');
  });
  it('workspace-myhostname: myhostname without an address in its zone', () => {
    const noSmtp = zone1.replace(/^smtp .*$/m, '');
    assert.ok(codesFor('mail1.org.zone', noSmtp, { 'main.cf': MAIN_CF }).includes('workspace-myhostname'));
    assert.ok(!codesFor('mail1.org.zone', zone1, { 'main.cf': MAIN_CF }).includes('workspace-myhostname'));
  });
  it('workspace-mx-no-ptr: the MX host lacks a PTR in the reverse zone next to it', () => {
    assert.ok(codesFor('mail1.org.zone', zone1, { 'db.192.168.255': REVERSE }).includes('workspace-mx-no-ptr'));
    assert.ok(!codesFor('mail1.org.zone', zone1, { 'db.192.168.255': REVERSE + '1 IN PTR mail.mail1.org.\n' }).includes('workspace-mx-no-ptr'));
  });
  it('ptr-forward-mismatch: a PTR whose name has another address', () => {
    const files = { 'mail1.org.zone': zone1 };
    assert.ok(codesFor('db.192.168.255', REVERSE + '7 IN PTR mail.mail1.org.\n', files).includes('ptr-forward-mismatch'));
    assert.ok(!codesFor('db.192.168.255', REVERSE + '1 IN PTR mail.mail1.org.\n', files).includes('ptr-forward-mismatch'));
  });
});
