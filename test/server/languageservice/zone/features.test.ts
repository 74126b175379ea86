// Editor features of the zone service on small zones: hover, completion, outline, folding,
// formatting, quick fixes and go to definition.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { zoneService as svc } from '../../../../server/src/languageservice/zone';
import { ctx, HEAD, zoneDoc } from './helpers';

const LAB = readFileSync(resolve(__dirname, '../../../../examples/lab/mail1.org.zone'), 'utf8');
const hoverText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');
const hoverAt = (text: string, line: number, character: number) => hoverText(svc.hover!(zoneDoc(text), { line, character }, ctx));

function apply(doc: TextDocument, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return TextDocument.applyEdits(doc, edits);
}

describe('zone hover', () => {
  it('shows the FQDN of a relative target and what is there', () => {
    const h = hoverAt(LAB, 10, 23); // "mail" in "IN  MX     10 mail"
    assert.match(h, /`mail\.mail1\.org\.`: A in this zone/);
    assert.match(h, /MX mail exchanger host/);
  });
  it('shows the FQDN of an owner', () => assert.match(hoverAt(LAB, 11, 1), /`ns\.mail1\.org\.`/));
  it('shows TTLs in human units', () => {
    assert.match(hoverAt(LAB, 2, 6), /86400 seconds = 1 day/);
    assert.match(hoverAt(HEAD + 'a 1w2d IN A 192.0.2.1\n', 5, 3), /777600 seconds = 1 week 2 days/);
  });
  it('labels the SOA fields, with units and the mailbox', () => {
    assert.match(hoverAt(LAB, 4, 20), /SOA serial[\s\S]*date \(YYYYMMDDnn\)/);
    assert.match(hoverAt(LAB, 5, 18), /SOA refresh[\s\S]*10800 seconds = 3 hours/);
    assert.match(hoverAt(LAB, 3, 35), /responsible mailbox[\s\S]*hostmaster@mail1\.org/);
  });
  it('explains the record type', () => assert.match(hoverAt(LAB, 13, 13), /\*\*CNAME\*\* \(type 5\): this name is an alias/));
  it('explains the SPF mechanism and DMARC tag under the cursor', () => {
    const text = HEAD + '@ IN TXT "v=spf1 mx include:_spf.example.net -all"\n_dmarc IN TXT "v=DMARC1; p=reject; rua=mailto:d@example.org"\n';
    assert.match(hoverAt(text, 5, 22), /SPF `include`/);
    assert.match(hoverAt(text, 5, 18), /SPF `mx`/);
    assert.match(hoverAt(text, 6, 27), /DMARC `p=`[\s\S]*reject/);
  });
  it('explains directives', () => assert.match(hoverAt(LAB, 1, 2), /\$ORIGIN/));
  it('returns null on blank space and comments', () => assert.equal(svc.hover!(zoneDoc(LAB), { line: 0, character: 5 }, ctx), null));
});

describe('zone completion', () => {
  const labels = (text: string, line: number, character: number) => svc.completion!(zoneDoc(text), { line, character }, ctx).map((i) => i.label);
  it('offers directives, @, owner names and mail templates at the start of a line', () => {
    const l = labels(LAB + '\n', 16, 0);
    for (const x of ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE', '@', 'mail', 'DMARC record', 'DKIM record', 'SPF record', 'MTA-STS record', 'TLSRPT record', 'TLSA record', 'MX record']) assert.ok(l.includes(x), x);
  });
  it('gives templates the right owner names', () => {
    const items = svc.completion!(zoneDoc(LAB + '\n'), { line: 16, character: 0 }, ctx);
    assert.match(items.find((i) => i.label === 'DMARC record')!.insertText!, /^_dmarc\tIN\tTXT\t"v=DMARC1; p=/);
    assert.match(items.find((i) => i.label === 'TLSA record')!.insertText!, /^_25\._tcp\.\$\{1:mail\}/);
    assert.match(items.find((i) => i.label === 'DKIM record')!.insertText!, /\._domainkey/);
  });
  it('offers only directives after a $', () => assert.deepEqual(labels(LAB + '$', 16, 1), ['$ORIGIN', '$TTL', '$INCLUDE', '$GENERATE']));
  it('offers classes and types after the owner', () => {
    const l = labels(LAB + 'www ', 16, 4);
    assert.ok(l.includes('IN') && l.includes('MX') && l.includes('TLSA'));
    assert.ok(!labels(LAB + 'www IN ', 16, 7).includes('IN'));
  });
  it('offers in-zone hosts with addresses for an MX target, any name for a CNAME', () => {
    assert.deepEqual(labels(LAB + 'x IN MX 10 ', 16, 11).sort(), ['mail', 'ns']);
    assert.ok(labels(LAB + 'x IN CNAME ', 16, 11).includes('smtp'));
  });
  it('offers nothing inside a comment', () => assert.deepEqual(labels(LAB + '; note ', 16, 7), []));
});

describe('zone outline, folding, formatting', () => {
  it('groups records by owner', () => {
    const s = svc.documentSymbols!(zoneDoc(LAB));
    assert.deepEqual(s.map((x) => [x.name, x.children!.map((c) => c.name)]), [['@', ['SOA', 'NS', 'MX']], ['ns', ['A']], ['mail', ['A']], ['smtp', ['CNAME']], ['imap', ['CNAME']]]);
  });
  it('folds the parenthesised SOA', () => {
    assert.deepEqual(svc.foldingRanges!(zoneDoc(LAB)).filter((f) => f.kind === 'region').map((f) => [f.startLine, f.endLine]), [[3, 8]]);
  });
  it('aligns the columns, keeps comments and data, and is idempotent', () => {
    const text = '$ORIGIN example.org.\n$TTL 1h\n@ IN SOA ns hm ( 1 3h 1h 1w 1h ) ; soa\n@ IN NS ns ; name server\nmailhost 300 IN A 192.0.2.1\n   IN AAAA 2001:db8::1 ; v6\n';
    const doc = zoneDoc(text);
    const once = apply(doc, svc.format!(doc, { tabSize: 2, insertSpaces: true }));
    assert.equal(once, '$ORIGIN example.org.\n$TTL 1h\n@              IN  SOA   ns hm ( 1 3h 1h 1w 1h ) ; soa\n@              IN  NS    ns ; name server\nmailhost  300  IN  A     192.0.2.1\n                   IN  AAAA  2001:db8::1 ; v6\n'.replace('                   IN  AAAA', '               IN  AAAA'));
    const again = zoneDoc(once);
    assert.deepEqual(svc.format!(again, { tabSize: 2, insertSpaces: true }), []);
  });
});

describe('zone quick fixes and definition', () => {
  it('adds the missing trailing dot', () => {
    const text = HEAD + '@ IN MX 10 ns.example.org\n';
    const doc = zoneDoc(text);
    const diags = svc.diagnostics(doc, ctx).filter((d) => d.code === 'missing-trailing-dot');
    const [action] = svc.codeActions!(doc, diags[0].range, diags, ctx);
    assert.equal(action.title, 'Add the trailing dot: ns.example.org.');
    assert.equal(apply(doc, action.edit!.changes![doc.uri]).split('\n')[5], '@ IN MX 10 ns.example.org.');
  });
  it('points an MX at the canonical name instead of the alias', () => {
    const doc = zoneDoc(HEAD + '@ IN MX 10 alias\nalias IN CNAME ns\n');
    const diags = svc.diagnostics(doc, ctx).filter((d) => d.code === 'target-is-cname');
    const [action] = svc.codeActions!(doc, diags[0].range, diags, ctx);
    assert.equal(apply(doc, action.edit!.changes![doc.uri]).split('\n')[5], '@ IN MX 10 ns');
  });
  it('rewrites the SPF type as TXT', () => {
    const doc = zoneDoc(HEAD + '@ IN SPF "v=spf1 -all"\n');
    const diags = svc.diagnostics(doc, ctx).filter((d) => d.code === 'spf-record-type');
    const [action] = svc.codeActions!(doc, diags[0].range, diags, ctx);
    assert.equal(apply(doc, action.edit!.changes![doc.uri]).split('\n')[5], '@ IN TXT "v=spf1 -all"');
  });
  it('offers nothing for diagnostics without a fix', () => {
    // (The lab's only finding, its alias of itself, has fixes: actions.test.ts.)
    const doc = zoneDoc(HEAD + 'mx2 IN TXT "x"\n@ IN MX 10 mx2\n');
    const diags = svc.diagnostics(doc, ctx);
    assert.deepEqual(diags.map((d) => d.code), ['mx-target-no-address']);
    assert.deepEqual(svc.codeActions!(doc, diags[0].range, diags, ctx), []);
  });
  it('goes from a target to the records of that name', () => {
    const locs = svc.definition!(zoneDoc(LAB), { line: 13, character: 20 }, ctx);
    assert.deepEqual(locs.map((l) => l.range.start.line), [12]);
    assert.deepEqual(svc.definition!(zoneDoc(LAB), { line: 10, character: 19 }, ctx), [], 'a preference is not a name');
  });
});
