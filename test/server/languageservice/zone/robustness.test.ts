// Bad input gets diagnostics, never an exception: every feature of the zone service on random
// zone-like text, at random positions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneService as svc } from '../../../../server/src/languageservice/zone';
import { ctx } from './helpers';

const pieces = [
  '$ORIGIN ', '$TTL ', '$INCLUDE ', '$GENERATE ', '1-3 ', 'h$ ', '@', ' ', '\t', '\n', '\r\n', '(', ')', '"', '\\', '\\#', ';c', '.',
  'example.org.', 'mail', 'IN ', 'CH ', '1h ', '300 ', 'A ', 'AAAA ', 'MX ', '10 ', 'CNAME ', 'NS ', 'SOA ', 'TXT ', 'PTR ', 'SRV ',
  'TLSA ', 'CAA ', 'TYPE65534 ', '192.0.2.1', '2001:db8::1', '"v=spf1 mx -all"', '"v=DMARC1; p=none"', '_dmarc', '_25._tcp',
  'sel._domainkey', '"p=MIIB"', 'ns hm 1 3h 1h 1w 1h', 'x'.repeat(70), '1.0.168.192.in-addr.arpa.',
];

describe('zone service robustness', () => {
  it('never throws from any feature', () => {
    let version = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const doc = TextDocument.create(`file:///fuzz/db.example.org`, 'dns-zone', ++version, text);
        const lines = text.split(/\r\n|\r|\n/);
        const line = a % lines.length;
        const pos = { line, character: b % (lines[line].length + 1) };
        const diags = svc.diagnostics(doc, ctx);
        for (const d of diags) assert.ok(d.range.start.line <= d.range.end.line);
        svc.hover!(doc, pos, ctx);
        svc.completion!(doc, pos, ctx);
        svc.definition!(doc, pos, ctx);
        svc.documentSymbols!(doc);
        svc.foldingRanges!(doc);
        svc.format!(doc, { tabSize: 2, insertSpaces: true });
        svc.codeActions!(doc, { start: pos, end: pos }, diags, ctx);
      }),
      { numRuns: 1500 },
    );
  });
});
