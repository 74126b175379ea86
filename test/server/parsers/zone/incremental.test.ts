// The incremental re-parse must give exactly what a full parse gives: every base zone (the
// fixtures and the lab) gets many random edits, each checked against parseZone on the new text,
// some chained so that a re-parse of a re-parse is checked too.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseZone, RecordTable, ZoneFile } from '../../../../server/src/parsers/zone';
import { reparseZone } from '../../../../server/src/parsers/zone/incremental';

const FIXTURES = resolve(__dirname, '../../../fixtures/zones');
const LAB = resolve(__dirname, '../../../../examples/lab');

function rows(t: RecordTable): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < t.count; i++) {
    out.push([t.owner[i], t.typeCode[i], t.typeWritten.get(i), t.ttl[i], t.start[i], t.ownerEnd[i], t.typeStart[i], t.rdataStart[i], t.rdataEnd[i], t.flags[i], t.target[i], t.targetStart[i], t.targetEnd[i], t.rrclass.get(i), t.generated.get(i), t.sources[t.sourceIndex[i]]?.text === undefined]);
  }
  return out;
}

/** Everything a parse tells, as plain data. */
function summary(z: ZoneFile): unknown {
  return {
    origin: z.origin,
    lines: [...z.source.lineStarts.subarray(0, z.source.lineCount)],
    table: rows(z.table),
    outOfZone: rows(z.outOfZone),
    errors: z.errors.map((e) => [e.code, e.message, e.severity, e.range, e.source === z.source]),
    directives: z.directives.map((d) => [d.name, d.line, d.start, d.end, d.args, d.source === z.source]),
    parens: z.parens,
  };
}

/** A small deterministic generator (the test must fail the same way twice). */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const PIECES = ['\n', ' ', '\t', 'a', 'mail', '.', '@', '1', '10', ' IN ', 'A ', 'MX 10 ', 'CNAME ', '192.0.2.7', ';', '"', '(', ')', '$', 'host IN A 10.0.0.1\n', '  IN AAAA ::1\n', 'x'];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const removed = rnd() < 0.5 ? Math.floor(rnd() * 6) : 0;
  let inserted = '';
  for (let k = Math.floor(rnd() * 3); k > 0; k--) inserted += PIECES[Math.floor(rnd() * PIECES.length)];
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

const bases: Array<[string, string]> = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.zone')).map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')] as [string, string]),
  ...readdirSync(LAB).filter((f) => f.endsWith('.zone')).map((f) => [f, readFileSync(join(LAB, f), 'utf8')] as [string, string]),
  ['blank-lines-first.zone', '\n\n$TTL 1h\n\n@ IN SOA ns h 1 1h 1h 1w 1h\n\n@ IN NS ns\n\nns IN A 192.0.2.1\n'],
  ['crlf.zone', '$TTL 1h\r\n@ IN SOA ns h 1 1h 1h 1w 1h\r\n@ IN NS ns\r\nns IN A 192.0.2.1\r\n  IN AAAA ::1\r\nwww IN CNAME ns\r\n'],
];

describe('incremental zone re-parse', () => {
  it('agrees with a full parse after random edits of every fixture zone', () => {
    let shortcuts = 0;
    let edits = 0;
    for (const [name, base] of bases) {
      const options = { uri: `file:///z/${name}`, origin: 'example.org.' };
      const rnd = random(name.length * 7919 + base.length);
      for (let round = 0; round < 40; round++) {
        let text = base;
        let previous = parseZone(text, options);
        // Chains of up to three edits, each re-parsed from the previous answer.
        for (let step = 0; step < 3; step++) {
          const next = edit(text, rnd);
          const quick = reparseZone(previous, next, options);
          const full = parseZone(next, options);
          edits++;
          if (quick) {
            shortcuts++;
            assert.deepEqual(summary(quick), summary(full), `${name}: ${JSON.stringify(text)} → ${JSON.stringify(next)}`);
          }
          text = next;
          previous = quick ?? full;
        }
      }
    }
    // The shortcut must actually be taken, or this test checks nothing.
    assert.ok(shortcuts > edits / 4, `only ${shortcuts} of ${edits} edits were re-parsed incrementally`);
  });

  it('takes the shortcut for a one-character edit in a large zone, and not across parentheses', () => {
    const lines = ['$ORIGIN big.example.', '$TTL 1h', '@ IN SOA ns h ( 1 1h 1h 1w 1h )', '@ IN NS ns', 'ns IN A 192.0.2.1'];
    for (let i = 0; i < 2000; i++) lines.push(`host${i} IN A 10.0.${i >> 8}.${i & 255}`, '  IN TXT "x"');
    const text = lines.join('\n') + '\n';
    const options = { uri: 'file:///z/big.example.zone' };
    const before = parseZone(text, options);
    const after = text.replace('host1000 IN A 10.0.3.232', 'host1000 IN A 10.0.3.233');
    const quick = reparseZone(before, after, options);
    assert.ok(quick, 'the shortcut is taken');
    assert.deepEqual(summary(quick), summary(parseZone(after, options)));
    assert.equal(reparseZone(before, text.replace('1w 1h )', '1w 2h )'), options), undefined);
  });
});
