// Inputs the fuzzer found that broke the zone parser, minimised, kept so the fixes stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseZone, positionAt, recordRange } from '../../../server/src/parsers/zone';

describe('zone parser regressions', () => {
  it('counts the line break after a backslash: "@ IN NS ns.mail1.org.\\\\\\n"', () => {
    const text = '@       IN  NS     ns.mail1.org.\\\n';
    const z = parseZone(text, { origin: 'mail1.org.' });
    // The editor sees two lines; every range must be on one of them, within its length.
    assert.equal(z.source.lineCount, 2);
    const r = recordRange(z.records[0]);
    assert.deepEqual(r.start, { line: 0, character: 0 });
    assert.ok(r.end.line < 2 && (r.end.line === 1 ? r.end.character === 0 : r.end.character <= 33), JSON.stringify(r));
  });

  it('keeps the lines after an escaped line break where the editor has them', () => {
    const text = 'a IN TXT "x\\\ny"\nb IN A 192.0.2.1\n';
    const z = parseZone(text, { origin: 'example.org.' });
    const b = z.records.find((r) => r.owner.startsWith('b.'));
    assert.ok(b, 'the record after the escaped break is read');
    assert.deepEqual(positionAt(z.source, b.start), { line: 2, character: 0 });
  });
});
