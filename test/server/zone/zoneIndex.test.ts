// The name index updated after an edit (ZoneIndex.updated) must answer every query as an index
// built from scratch does. A zone with names of many records, names in mixed case and owners
// inherited from the line before is edited many times; each step's index is updated from the
// previous step's updated one (so a mistake carries forward), and compared with a fresh index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseZone, ZoneFile } from '../../../server/src/parsers/zone';
import { reparseZone } from '../../../server/src/parsers/zone/incremental';
import { rowChange } from '../../../server/src/languageservice/zone/rowChange';
import { HAS_ADDRESS, HAS_CNAME, HAS_NS, HAS_RECORDS, indexCounts, ZoneIndex } from '../../../server/src/zone/zoneIndex';
import { seededRandom as random } from '../../support/seededRandom';

const ORIGIN = 'example.org.';
const options = { uri: 'file:///zoneindex-test/example.org.zone', origin: ORIGIN };

const HEAD = ['$ORIGIN example.org.', '$TTL 1h', '@ IN SOA ns1 hostmaster 1 3h 1h 1w 1h', '@ IN NS ns1', 'ns1 IN A 192.0.2.1'];

/**
 * Names from a pool in random case, so names gather records and compare case-insensitively. A
 * small pool makes long chains; a large one fills the hash table, so that removing a name moves
 * the entries probed past it.
 */
function owner(rnd: () => number, pool: number): string {
  const r = rnd();
  if (r < 0.05) return '@';
  const base = r < 0.3 && pool < 100 ? 'big' : `h${Math.floor(rnd() * pool)}`;
  const name = rnd() < 0.2 ? base.toUpperCase() : base;
  return rnd() < 0.1 ? `${name}.${ORIGIN}` : name;
}

function recordLine(rnd: () => number, k: number, pool: number): string {
  const who = rnd() < 0.15 ? '        ' : owner(rnd, pool);
  switch (Math.floor(rnd() * 6)) {
    case 0: return `${who} IN AAAA 2001:db8::${(k % 4000).toString(16)}`;
    case 1: return `${who} IN CNAME ${owner(rnd, pool)}`;
    case 2: return `${who} IN NS ns1`;
    case 3: return `${who} IN MX 10 ${owner(rnd, pool)}`;
    case 4: return `${who} IN TXT "t${k}"`;
    default: return `${who} IN A 192.0.2.${k % 250}`;
  }
}

/** One edit at a random line past the head: insert, delete, rename, retype, a keystroke. */
function edit(lines: string[], rnd: () => number, k: number, pool: number): void {
  const at = HEAD.length + Math.floor(rnd() * (lines.length - HEAD.length));
  switch (Math.floor(rnd() * 6)) {
    case 0:
      lines.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => recordLine(rnd, k, pool)));
      break;
    case 1:
      lines.splice(at, 1 + Math.floor(rnd() * 3));
      break;
    case 2:
      // Rename, or give a line the owner of the line above (and the reverse).
      lines[at] = rnd() < 0.3 ? lines[at].replace(/^\S*/, '') : lines[at].replace(/^\S*/, owner(rnd, pool));
      break;
    case 3:
      lines[at] = recordLine(rnd, k, pool);
      break;
    case 4:
      // Every line of one name goes (or all but those at the end): a name may vanish.
      for (let i = lines.length - 1, name = lines[at].split(' ')[0]; i >= HEAD.length; i--) if (name && lines[i].startsWith(name + ' ')) lines.splice(i, 1);
      break;
    default: {
      const line = lines[at];
      const col = Math.floor(rnd() * (line.length + 1));
      lines[at] = rnd() < 0.5 ? line.slice(0, col) + 'abcXYZ'[Math.floor(rnd() * 6)] + line.slice(col) : line.slice(0, col) + line.slice(col + 1);
    }
  }
}

/** Every answer the index gives about `names`, in a form deepEqual compares. */
function answers(index: ZoneIndex, names: string[]): unknown {
  const groups: number[][] = [];
  index.forEachGroupRows((rows, n) => groups.push(rows.slice(0, n)));
  groups.sort((a, b) => a[0] - b[0]);
  const viewGroups: number[] = [];
  index.forEachGroup((records) => viewGroups.push(records.length));
  const per = names.flatMap((name) =>
    [name, name.toUpperCase()].map((n) => ({
      n,
      rows: index.rows(n),
      mask: index.mask(n),
      has: index.has(n),
      types: [1, 2, 5, 15, 16, 28].map((c) => index.rowOfType(n, c)),
      hasType: index.hasType(n, 'A', 'AAAA') + ' ' + index.hasType(n, 'CNAME'),
      at: index.at(n).map((r) => r.index),
    })),
  );
  return { size: index.size, names: index.names(), groups, viewGroups: viewGroups.sort((a, b) => a - b), per };
}

describe('zone name index updated after edits', () => {
  // Zones of about 300 lines with few or many names, and of about 12 (16 slots, crowded).
  for (const [seed, pool, size] of [[1, 30, 300], [2, 30, 300], [3, 400, 300], [4, 400, 300], [5, 12, 12], [6, 12, 12], [7, 12, 12]]) {
    it(`answers as a fresh index does, after each of 200 edits (seed ${seed}, ${pool} names, ${size} lines)`, () => {
      const rnd = random(seed);
      const lines = [...HEAD];
      for (let k = 0; lines.length < size; k++) lines.push(recordLine(rnd, k, pool));
      let zone: ZoneFile = parseZone(lines.join('\n') + '\n', options);
      let index = new ZoneIndex(zone.table);
      const before = { ...indexCounts };
      let known = new Set<string>();
      for (let k = 1; k <= 200; k++) {
        edit(lines, rnd, k, pool);
        if (lines.length < HEAD.length + 2) lines.push(recordLine(rnd, k, pool));
        const text = lines.join('\n') + '\n';
        const next = reparseZone(zone, text, options) ?? parseZone(text, options);
        index = index.updated(next.table, rowChange(zone, next));
        zone = next;
        const fresh = new ZoneIndex(zone.table);
        // Names of this step and of every step before it (some gone now), and a few never there.
        const now = fresh.names();
        for (const n of now) known.add(n);
        known = new Set([...known, 'nothere.example.org.', ORIGIN, 'big.example.org.', 'example.com.']);
        assert.deepEqual(answers(index, [...known]), answers(fresh, [...known]), `edit ${k} of seed ${seed}`);
      }
      // The update itself must have run, or the comparison proves nothing.
      assert.ok(indexCounts.updated - before.updated > 150, `only ${indexCounts.updated - before.updated} of 200 indexes were updated`);
    });
  }

  it('keeps the HAS_* bits of a name when its rows before and after an edit differ', () => {
    const text = (middle: string) => [...HEAD, 'www IN CNAME h1', middle, 'www IN NS ns1', 'h1 IN A 192.0.2.1'].join('\n') + '\n';
    const a = parseZone(text('www IN A 192.0.2.2'), options);
    const b = reparseZone(a, text('www IN TXT "x"'), options)!;
    const index = new ZoneIndex(a.table).updated(b.table, rowChange(a, b));
    assert.equal(index.mask('www.example.org.'), HAS_RECORDS | HAS_CNAME | HAS_NS);
    assert.equal(new ZoneIndex(a.table).mask('WWW.example.org.') & HAS_ADDRESS, HAS_ADDRESS);
  });
});
