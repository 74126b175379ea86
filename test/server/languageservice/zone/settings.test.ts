import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compileOriginRules, originFromRules } from '../../../../server/src/languageservice/zone/origin';
import { parsedZone } from '../../../../server/src/languageservice/zone/parsed';
import { configureZones } from '../../../../server/src/languageservice/zone/settings';
import { zoneService } from '../../../../server/src/languageservice/zone';

const all = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
const ctx = { locale: 'en' as const, workspace: { readText: () => undefined } };

describe('zone origin rules (mailconf.zone.origins)', () => {
  const rules = compileOriginRules({ 'mail1.org.db': 'mail1.org.', 'zones/*.rev': '255.168.192.in-addr.arpa', '/etc/bind/**/internal': 'lab.', 'C:\\dns\\x.db': 'x.org.', bad: 7 });
  it('matches a file name anywhere, but only as a whole name', () => {
    assert.equal(originFromRules('file:///home/u/lab/mail1.org.db', rules), 'mail1.org.');
    assert.equal(originFromRules('file:///home/u/lab/xmail1.org.db', rules), undefined);
  });
  it('matches globs against the end of the path, and absolute paths from the root', () => {
    assert.equal(originFromRules('file:///srv/zones/192.rev', rules), '255.168.192.in-addr.arpa');
    assert.equal(originFromRules('file:///srv/zones/sub/192.rev', rules), undefined);
    assert.equal(originFromRules('file:///etc/bind/a/b/internal', rules), 'lab.');
    assert.equal(originFromRules('file:///tmp/etc/bind/internal', rules), undefined);
  });
  it('matches Windows paths written with backslashes and drive letters', () => {
    assert.equal(originFromRules('file:///c%3A/dns/x.db', rules), 'x.org.');
  });
  it('skips entries that are not strings, and settings that are not objects', () => {
    assert.equal(originFromRules('file:///bad', rules), undefined);
    assert.deepEqual(compileOriginRules(['a']), []);
    assert.deepEqual(compileOriginRules(null), []);
  });
});

describe('zone editor settings', () => {
  const text = '$TTL 1h\n@ IN SOA ns hostmaster 1 1h 1h 1w 1h\n@ IN NS ns\nns IN A 192.0.2.1\n';
  it('gives a file without $ORIGIN the origin its pattern sets, and drops it when the setting goes', () => {
    const doc = TextDocument.create('file:///lab/zonefile', 'dns-zone', 1, text);
    assert.equal(parsedZone(doc).zone.origin, '.');
    assert.equal(configureZones({ origins: { zonefile: 'mail1.org' } }), true);
    assert.equal(parsedZone(doc).zone.origin, 'mail1.org.');
    assert.equal(configureZones({ origins: { zonefile: 'mail1.org' } }), false, 'the same settings change nothing');
    configureZones({});
    assert.equal(parsedZone(doc).zone.origin, '.');
  });
  it('answers inlay hints only when they are switched on', () => {
    const doc = TextDocument.create('file:///lab/mail1.org.zone', 'dns-zone', 1, text);
    configureZones({ inlayHints: false });
    assert.deepEqual(zoneService.inlayHints!(doc, all, ctx), []);
    configureZones({ inlayHints: true });
    assert.ok(zoneService.inlayHints!(doc, all, ctx).some((h) => h.label === '.mail1.org.'));
    configureZones({});
  });
});
