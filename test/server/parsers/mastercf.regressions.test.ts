// Inputs the fuzzer found that broke the master.cf parser (and main.cf's, which shares its line
// reader), minimised, kept so the fixes stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMainCf } from '../../../server/src/parsers/maincf';
import { parseMasterCf } from '../../../server/src/parsers/mastercf';

describe('master.cf parser regressions', () => {
  it('ends ranges before the CR of a CRLF line end: "{#\\r\\n"', () => {
    const f = parseMasterCf('{#\r\n');
    // The editor's line 0 is "{#": no range may reach past column 2.
    const ranges = [...f.errors.map((e) => e.range), ...f.entries.flatMap((e) => e.fields.map((x) => x.range))];
    assert.ok(ranges.length > 0);
    for (const r of ranges) assert.ok(r.end.line === 0 && r.end.character <= 2, JSON.stringify(r));
  });

  it('keeps the fields of a CRLF file inside their lines across a continuation', () => {
    const f = parseMasterCf('smtp inet n - y - - smtpd -o {\r\n  a = b }\r\n');
    const opt = f.entries[0].options[0];
    assert.equal(opt.name, 'a');
    assert.deepEqual(opt.range.end, { line: 1, character: 9 });
  });

  it('a main.cf value ending in CR on the last line stays inside it', () => {
    const f = parseMainCf('x = {\r');
    for (const e of f.errors) assert.ok(e.range.end.character <= 5, JSON.stringify(e.range));
  });
});
