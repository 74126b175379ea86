// rowChange compares the rows after an edit partly in bulk (firstSameFromEnd); the answer must be
// the one a row-by-row comparison of every column and per-row map gives (sameRowsFromEnd). Zones
// with what the bulk comparison treats apart (lower-case and generic types, classes, $GENERATE,
// targets, $TTL and $ORIGIN lines that change the rows after them) are edited at random, and both
// are asked from every row on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseZone, ZoneFile } from '../../../../server/src/parsers/zone';
import { reparseZone } from '../../../../server/src/parsers/zone/incremental';
import { firstSameFromEnd, rowChange, sameRowsFromEnd } from '../../../../server/src/languageservice/zone/rowChange';
import { seededRandom as random } from '../../../support/seededRandom';

const options = { uri: 'file:///rowchange-test/example.org.zone', origin: 'example.org.' };

const HEAD = ['$ORIGIN example.org.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3h 1h 1w 1h', '@ IN NS ns1', 'ns1 IN A 192.0.2.1'];

function line(rnd: () => number, k: number): string {
  const who = rnd() < 0.2 ? '   ' : `h${Math.floor(rnd() * 20)}`;
  switch (Math.floor(rnd() * 12)) {
    case 0: return `${who} in a 192.0.2.${k % 250}`;
    case 1: return `${who} CH TXT "chaos ${k}"`;
    case 2: return `${who} IN TYPE65534 \\# 2 abcd`;
    case 3: return `$GENERATE 1-3 g$ A 192.0.2.$`;
    case 4: return `${who} IN CNAME h${k % 20}`;
    case 5: return `${who} IN MX 10 h${k % 20}.example.org.`;
    case 6: return `$TTL ${1 + (k % 4)}m`;
    case 7: return `$ORIGIN ${k % 2 ? 'sub.' : ''}example.org.`;
    case 8: return `${who} 300 IN A 192.0.2.${k % 250}`;
    case 9: return `${who} IN TXT ( "a"\n  "b" )`;
    case 10: return `; comment ${k}`;
    default: return `${who} IN AAAA 2001:db8::${k.toString(16)}`;
  }
}

function edit(lines: string[], rnd: () => number, k: number): void {
  const at = HEAD.length + Math.floor(rnd() * (lines.length - HEAD.length));
  const r = Math.floor(rnd() * 5);
  if (r === 0) lines.splice(at, 0, line(rnd, k));
  else if (r === 1) lines.splice(at, 1);
  else if (r === 2) lines[at] = line(rnd, k);
  else if (r === 3) {
    // A character replaced: the text keeps its length, and offsets after the edit do not move.
    const l = lines[at] ?? '';
    const col = Math.floor(rnd() * l.length);
    lines[at] = l.slice(0, col) + 'x1 '[Math.floor(rnd() * 3)] + l.slice(col + 1);
  } else {
    const l = lines[at] ?? '';
    const col = Math.floor(rnd() * (l.length + 1));
    lines[at] = rnd() < 0.5 ? l.slice(0, col) + 'x1 '[Math.floor(rnd() * 3)] + l.slice(col) : l.slice(0, col) + l.slice(col + 1);
  }
}

describe('rows an edit left alone', () => {
  for (const seed of [1, 2, 3]) {
    it(`compared in bulk, agree with a row-by-row comparison (seed ${seed})`, () => {
      const rnd = random(seed);
      const lines = [...HEAD];
      for (let k = 0; lines.length < 80; k++) lines.push(line(rnd, k));
      let zone: ZoneFile = parseZone(lines.join('\n') + '\n', options);
      let sameLength = 0;
      for (let k = 1; k <= 300; k++) {
        edit(lines, rnd, k);
        const text = lines.join('\n') + '\n';
        const next = reparseZone(zone, text, options) ?? parseZone(text, options);
        const a = zone.table;
        const b = next.table;
        const rowDelta = b.count - a.count;
        const delta = text.length - zone.source.text.length;
        if (delta === 0) sameLength++;
        for (let from = Math.max(0, -rowDelta); from <= a.count; from++) {
          const slow = sameRowsFromEnd(a, b, from, rowDelta, delta);
          assert.equal(firstSameFromEnd(a, b, from, rowDelta, delta), slow, `edit ${k}, from row ${from}`);
        }
        // (And the change as a whole holds together.)
        const c = rowChange(zone, next);
        assert.ok(c.cut <= c.resumeOld && c.cut <= c.resumeNew && c.resumeNew - c.resumeOld === rowDelta, `edit ${k}: ${JSON.stringify(c)}`);
        zone = next;
      }
      assert.ok(sameLength > 10, `only ${sameLength} edits kept the text's length`);
    });
  }
});
