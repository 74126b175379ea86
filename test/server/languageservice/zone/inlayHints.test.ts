import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { zoneInlayHints } from '../../../../server/src/languageservice/zone/inlayHints';
import { zoneDoc } from './helpers';

const LAB = readFileSync(resolve(__dirname, '../../../../examples/lab/mail1.org.zone'), 'utf8');
const all = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('zone inlay hints', () => {
  it('shows the zone suffix after relative names, and the apex after @', () => {
    const hints = zoneInlayHints(zoneDoc(LAB, 'mail1.org.zone'), all).map((h) => [h.position.line, h.position.character, h.label]);
    assert.deepEqual(hints.slice(0, 3), [[3, 1, ' mail1.org.'], [9, 1, ' mail1.org.'], [9, 21, '.mail1.org.']]);
    assert.ok(hints.some(([line, , label]) => line === 15 && label === '.mail1.org.'));
  });
  it('shows nothing after absolute names', () => {
    const hints = zoneInlayHints(zoneDoc('$ORIGIN a.org.\n$TTL 1h\nwww.a.org. IN CNAME b.a.org.\n', 'a.org.zone'), all);
    assert.deepEqual(hints, []);
  });
  it('makes a forgotten dot visible', () => {
    const hints = zoneInlayHints(zoneDoc('$ORIGIN a.org.\n$TTL 1h\n@ IN MX 10 mail.a.org\n', 'a.org.zone'), all);
    assert.equal(hints[1].label, '.a.org.');
  });
  it('limits hints to the requested range', () => {
    assert.equal(zoneInlayHints(zoneDoc(LAB, 'mail1.org.zone'), { start: { line: 11, character: 0 }, end: { line: 11, character: 40 } }).length, 1);
  });
});
