// The incremental re-check after an edit (checkCache.ts) must give exactly what a check from
// scratch gives. A zone full of lint triggers is edited many times over (lines inserted and
// deleted, owners renamed, CNAME clashes made and fixed, duplicates, $ORIGIN and $TTL lines,
// parenthesised records), and after each edit the editor's diagnostics are compared with those
// of a fresh parse and check of the same text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneService } from '../../../../server/src/languageservice/zone';
import { checkCounts } from '../../../../server/src/languageservice/zone/checkCache';
import { freshZoneDiagnostics } from '../../../../server/src/languageservice/zone/diagnostics';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { seededRandom as random } from '../../../support/seededRandom';

const ctx: ServiceContext = { locale: 'en', workspace: { readText: () => undefined } };
// What the language server passes: the first check already records for the updates.
const editingCtx: ServiceContext = { ...ctx, editing: true };

const HEAD = [
  '$ORIGIN example.org.',
  '$TTL 1h',
  '@ IN SOA ns1 hostmaster (',
  '        2026010101 ; serial',
  '        3h 1h 1w 1h )',
  '@ IN NS ns1',
  '@ IN NS ns2',
  'ns1 IN A 192.0.2.1',
  '@ IN MX 10 mail',
  '@ IN TXT "v=spf1 mx -all"',
];

/** Lines that each trigger a lint, or feed one (names other lines point at). */
function recordLine(rnd: () => number, k: number): string {
  const h = (n: number) => `host${Math.floor(rnd() * n)}`;
  const pick = Math.floor(rnd() * 30);
  switch (pick) {
    case 0: return `${h(40)} IN A 192.0.2.${k % 250}`;
    case 1: return `        IN AAAA 2001:db8::${(k % 4000).toString(16)}`;
    case 2: return `${h(40)} IN CNAME ${h(40)}`;
    case 3: return `${h(40)} IN MX 10 ${h(40)}`;
    case 4: return `${h(40)} 300 IN A 192.0.2.${k % 250}`;
    case 5: return `${h(40)} IN A 192.0.2.7`;
    case 6: return `www${k % 7} IN CNAME host${k % 40}.example.org`;
    case 7: return `${h(40)} IN TXT "v=spf1 a -all"`;
    case 8: return `_dmarc IN TXT "v=DMARC1; p=maybe"`;
    case 9: return `sub IN NS ns.sub`;
    case 10: return `ns${k % 3} IN CNAME ${h(40)}`;
    case 11: return `bad_name${k % 5} IN A 192.0.2.9`;
    case 12: return `${h(40)} IN SRV 0 1 25 ${h(40)}`;
    case 13: return `${h(40)} IN MX 5 192.0.2.1`;
    case 14: return `loop${k % 3} IN CNAME loop${(k + 1) % 3}`;
    case 15: return `${h(40)} IN TXT ( "v=spf1"\n        " -all" )`;
    case 16: return `${h(40)} IN A 192.0.2.${k % 250} ; ${k}`;
    case 17: return `; comment ${k}`;
    case 18: return '';
    case 19: return `$TTL ${1 + (k % 3)}h`;
    case 20: return `$ORIGIN ${k % 2 ? 'sub.' : ''}example.org.`;
    case 21: return `_25._tcp.mail IN TLSA 3 1 1 ${'ab'.repeat(32)}`;
    case 22: return `${h(40)} IN CNAME mail`;
    // What the apex checks look up (issue 15): NS targets under wildcards, DNAMEs and delegations,
    // and CDS records against the DNSKEY algorithms.
    case 23: return `@ IN NS ns.w${k % 3}`;
    case 24: return `*.w${k % 3} IN ${k % 2 ? 'A 192.0.2.3' : 'TXT "no address"'}`;
    case 25: return `w${k % 3} IN ${k % 2 ? 'DNAME example.net.' : 'NS ns.example.net.'}`;
    case 26: return `@ IN DNSKEY 257 3 ${k % 2 ? 8 : 13} AwEAAQ==`;
    case 27: return `@ IN CDS 1 ${k % 3 ? 8 : 13} 2 ${'ab'.repeat(32)}`;
    case 28: return `@ IN CDS 0 0 0 00`;
    default: return `mail IN A 192.0.2.${k % 250}`;
  }
}

function initialZone(rnd: () => number): string[] {
  const lines = [...HEAD, 'loopa IN CNAME loopb', 'loopb IN CNAME loopa'];
  for (let k = 0; lines.length < 220; k++) lines.push(recordLine(rnd, k));
  return lines;
}

/** One edit of the kinds an editor makes, at a random line past the zone head (mostly). */
function edit(lines: string[], rnd: () => number, k: number): string {
  const at = 2 + Math.floor(rnd() * (lines.length - 2));
  const kind = Math.floor(rnd() * 9);
  switch (kind) {
    case 0:
      lines.splice(at, 0, recordLine(rnd, k));
      return 'insert';
    case 1:
      // (Past the head: deleting part of the parenthesised SOA would leave the rest of the file in its parentheses.)
      lines.splice(Math.max(at, HEAD.length), 1 + Math.floor(rnd() * 3));
      return 'delete';
    case 2: {
      // Rename the owner (or give an inherited line one).
      const line = lines[at] ?? '';
      lines[at] = line.replace(/^\S*/, `host${Math.floor(rnd() * 40)}`);
      return 'owner';
    }
    case 3: {
      // A CNAME clash with the owner of an address record, then (often) its fix.
      const owner = /^(host\d+) IN A /.exec(lines.find((l, i) => i >= at && /^host\d+ IN A /.test(l)) ?? '')?.[1] ?? 'mail';
      lines.splice(at, 0, `${owner} IN CNAME ns1`);
      return 'clash';
    }
    case 4: {
      const clash = lines.findIndex((l) => / IN CNAME ns1$/.test(l));
      if (clash >= 0) lines.splice(clash, 1);
      return 'fix';
    }
    case 5:
      // A duplicate of a line, next to it or far away.
      lines.splice(rnd() < 0.5 ? at : lines.length, 0, lines[at] ?? recordLine(rnd, k));
      return 'duplicate';
    case 6:
      lines.splice(at, 0, `multi${k % 4} IN TXT ( "v=spf1 ip4:192.0.2.0/24"\n        "include:_spf.example.net -all" ) ; split`);
      return 'parenthesised';
    case 7:
      lines.splice(at, 0, rnd() < 0.5 ? `$TTL ${k % 5}m` : `$ORIGIN ${rnd() < 0.5 ? 'sub.' : ''}example.org.`);
      return 'directive';
    default: {
      // A keystroke inside a line: a character typed or removed.
      const line = lines[at] ?? '';
      const col = Math.floor(rnd() * (line.length + 1));
      // (Not parentheses or quotes: an unclosed one makes every later edit a full check.)
      if (rnd() < 0.5) lines[at] = line.slice(0, col) + String.fromCharCode(97 + Math.floor(rnd() * 26)) + line.slice(col);
      else if (!/[()"]/.test(line[col] ?? '')) lines[at] = line.slice(0, col) + line.slice(col + 1);
      return 'keystroke';
    }
  }
}

describe('zone re-check after edits', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`gives what a check from scratch gives, after each of 150 edits (seed ${seed})`, () => {
      const rnd = random(seed);
      const uri = `file:///checkcache-test/seed${seed}/example.org.zone`;
      const lines = initialZone(rnd);
      const before = { ...checkCounts };
      const seen = new Set<string>();
      const c = seed % 2 ? ctx : editingCtx;
      for (let k = 0; k <= 150; k++) {
        const what = k === 0 ? 'open' : edit(lines, rnd, k);
        const doc = TextDocument.create(uri, 'dns-zone', k + 1, lines.join('\n') + '\n');
        const incremental = zoneService.diagnostics(doc, c);
        const fresh = freshZoneDiagnostics(doc, ctx);
        assert.deepEqual(incremental, fresh, `edit ${k} (${what}) of seed ${seed} differs from a check from scratch`);
        for (const d of fresh) seen.add(String(d.code));
      }
      // The incremental path must have run, or the comparison proves nothing.
      assert.ok(checkCounts.updated - before.updated > 75, `only ${checkCounts.updated - before.updated} of 150 edits were incremental`);
      // And the zone must have exercised the checks whose findings the cache keeps.
      for (const code of ['cname-and-other-data', 'duplicate-record', 'target-is-cname', 'missing-trailing-dot', 'spf-multiple', 'bad-hostname', 'cname-loop', 'mx-target-is-address']) {
        assert.ok(seen.has(code), `no ${code} seen in seed ${seed}: ${[...seen].join(' ')}`);
      }
    });
  }

  it('records on the first check only for an editor, so its first edit is already an update', () => {
    const lines = [...HEAD, 'www IN CNAME web', 'web IN A 192.0.2.1'];
    const firstEditWays = (c: ServiceContext, uri: string) => {
      zoneService.diagnostics(TextDocument.create(uri, 'dns-zone', 1, lines.join('\n') + '\n'), c);
      const before = { ...checkCounts };
      zoneService.diagnostics(TextDocument.create(uri, 'dns-zone', 2, [...lines, 'mx IN A 192.0.2.2'].join('\n') + '\n'), c);
      return { full: checkCounts.full - before.full, recorded: checkCounts.recorded - before.recorded, updated: checkCounts.updated - before.updated };
    };
    assert.deepEqual(firstEditWays(editingCtx, 'file:///checkcache-test/first/editor.zone'), { full: 0, recorded: 0, updated: 1 });
    assert.deepEqual(firstEditWays(ctx, 'file:///checkcache-test/first/oneshot.zone'), { full: 0, recorded: 1, updated: 0 });
  });

  it('re-checks the records whose target an edit adds or removes, far from the edit', () => {
    const uri = 'file:///checkcache-test/targets/example.org.zone';
    const lines = [...HEAD, 'www IN CNAME web', ...Array.from({ length: 100 }, (_, i) => `h${i} IN A 192.0.2.${i}`), 'x IN MX 10 web'];
    const codesAt = (v: number) => {
      const doc = TextDocument.create(uri, 'dns-zone', v, lines.join('\n') + '\n');
      const d = zoneService.diagnostics(doc, ctx);
      assert.deepEqual(d, freshZoneDiagnostics(doc, ctx));
      // Only the findings about the name the edits add and change.
      return d.filter((x) => String(x.message).includes('web.example.org.')).map((x) => String(x.code));
    };
    assert.ok(codesAt(1).includes('cname-dangling'));
    assert.ok(codesAt(2).includes('mx-target-no-address'));
    lines.splice(60, 0, 'web IN A 192.0.2.200');
    const fixed = codesAt(3);
    assert.ok(!fixed.includes('cname-dangling') && !fixed.includes('mx-target-no-address'), fixed.join(' '));
    lines.splice(60, 1, 'web IN CNAME h1');
    assert.ok(codesAt(4).includes('target-is-cname'));
  });

  it('re-checks the apex NS targets and CDS records when what they look up changes (issue 15)', () => {
    const uri = 'file:///checkcache-test/apex/example.org.zone';
    const pad = Array.from({ length: 40 }, (_, i) => `p${i} IN A 192.0.2.${i}`);
    const lines = [...HEAD, 'ns2 IN A 192.0.2.2', '@ IN NS a.w', ...pad, '*.w IN A 192.0.2.3', '@ IN DNSKEY 257 3 8 AwEAAQ==', `@ IN CDS 1 8 2 ${'ab'.repeat(32)}`];
    let v = 0;
    const codes = (note: string) => {
      const doc = TextDocument.create(uri, 'dns-zone', ++v, lines.join('\n') + '\n');
      const d = zoneService.diagnostics(doc, editingCtx);
      assert.deepEqual(d, freshZoneDiagnostics(doc, ctx), note);
      return d.map((x) => String(x.code));
    };
    assert.deepEqual(codes('open').filter((c) => c.startsWith('ns-target') || c === 'child-copy-mismatch'), []);
    const wildcard = lines.indexOf('*.w IN A 192.0.2.3');
    lines[wildcard] = '*.w IN TXT "no address"';
    assert.ok(codes('the wildcard that answers for a.w loses its address').includes('ns-target-no-address'));
    lines[wildcard] = 'w IN DNAME example.net.';
    assert.ok(codes('a DNAME above the target').includes('ns-target-below-dname'));
    lines[wildcard] = '*.w IN A 192.0.2.3';
    const key = lines.indexOf('@ IN DNSKEY 257 3 8 AwEAAQ==');
    lines[key] = '@ IN DNSKEY 257 3 13 AwEAAQ==';
    assert.ok(codes('the DNSKEY of the CDS algorithm goes').includes('child-copy-mismatch'));
    lines[key] = '@ IN DNSKEY 257 3 8 AwEAAQ==';
    assert.ok(!codes('and comes back').includes('child-copy-mismatch'));
  });

  it('follows edits whose effect reaches past the edited lines', () => {
    const uri = 'file:///checkcache-test/scripted/example.org.zone';
    const pad = Array.from({ length: 60 }, (_, i) => `p${i} IN A 192.0.2.${i}`);
    const lines = [...HEAD, 'mail IN A 192.0.2.3', ...pad, 'bad_x IN A 192.0.2.1', 'bad_x IN A 192.0.2.2', ...pad.map((l) => 'q' + l)];
    const first = lines.indexOf('bad_x IN A 192.0.2.1');
    let v = 0;
    const check = (note: string) => {
      const doc = TextDocument.create(uri, 'dns-zone', ++v, lines.join('\n') + '\n');
      const d = zoneService.diagnostics(doc, ctx);
      assert.deepEqual(d, freshZoneDiagnostics(doc, ctx), note);
      return d.filter((x) => x.code === 'bad-hostname').map((x) => x.range.start.line);
    };
    check('open');
    assert.deepEqual(check('recorded'), [first]);
    // check-names is reported once per run of address records at one owner: renaming the first
    // of the run moves the finding to the second, which the edit did not touch.
    lines[first] = 'good IN A 192.0.2.1';
    assert.deepEqual(check('first renamed'), [first + 1]);
    lines[first] = 'bad_x IN A 192.0.2.1';
    assert.deepEqual(check('first restored'), [first]);
    lines.splice(first, 1);
    assert.deepEqual(check('first deleted'), [first]);
    lines.splice(first, 0, 'bad_x IN AAAA 2001:db8::1');
    assert.deepEqual(check('AAAA before'), [first]);
    // An unclosed parenthesis takes in everything after it, including lines added at the end.
    // (A CNAME next to it, so the open record has a finding whose range runs to the end of the file.)
    lines.splice(20, 0, 'open IN CNAME mail', 'open IN TXT ( "v=spf1"');
    check('unclosed');
    lines.push('late IN TXT "v=spf1 -all"');
    check('line added after an unclosed parenthesis');
    lines.push('later IN MX 10 nowhere');
    check('another');
    lines.splice(21, 1);
    check('closed again');
    lines.push('last IN CNAME nowhere');
    check('after closing');
  });
});
