// DNS master files: records, directives ($ORIGIN, $TTL, $INCLUDE, $GENERATE), parentheses, quoted
// strings, escapes and every record type's data.
import assert from 'node:assert/strict';
import { ownerRange, parseZone, rdataRange, recordRange, targetRange, typeRange, ZoneFile } from '../../../server/src/parsers/zone';
import { corpus } from '../corpus';
import { assertRangeInside, lineLengths } from '../property';
import { standardProperties } from '../standard';

const TOKENS = ['$ORIGIN ', '$TTL ', '$INCLUDE ', '$GENERATE ', '1-10 ', '@', 'IN', ' A ', ' AAAA ', ' MX 10 ', ' TXT ', ' SOA ', ' CNAME ', ' NS ', ' PTR ', ' SRV ', ' CAA ', ' DNSKEY ', ' DS ', ' TLSA ', ' HTTPS ', ' SVCB ', ' LOC ', ' HINFO ', ' NAPTR ', ' TYPE65534 ', ' \\# ', ' CH ', '(', ')', ';', '"', '\\', '\\0', '\\255', '\\.', '.', '1h', '3600', '2w', '10', '192.0.2.1', '2001:db8::1', '"v=spf1 -all"', '${0,3,d}', '$', 'mail.example.org.', ' ', '\t'];

let included = 0;
/** Every $INCLUDE reads the same small file, under a fresh name so that no cycle is reported. */
function include(): { uri: string; text: string } {
  return { uri: `file:///fuzz/include-${++included}.zone`, text: 'inc 300 IN A 192.0.2.9\n' };
}

/**
 * The shared formatting property compares text without JavaScript's \s, which also takes a
 * vertical tab, form feed or no-break space for a blank. BIND does not (they are token
 * characters), so gluing the type to data that starts with one (`SRV\v10`, type "SRV10" to
 * named-checkzone) would pass it. Here words are split the way the zone lexer splits them, and
 * each must survive, in any order (the TTL and class may swap) and case (types are upper-cased).
 */
const zoneWords = (t: string) => t.split(/[ \t\r\n();"]+/).filter((w) => w !== '').map((w) => w.toUpperCase()).sort();


export const properties = standardProperties({
  parser: 'zone',
  flavour: { lines: corpus('zone').lines, tokens: TOKENS },
  parse: (text) => parseZone(text, { uri: 'file:///fuzz/doc.zone', include, maxGenerate: 200 }),
  model: 'editor',
  languageId: 'dns-zone',
  // Types and classes are case-insensitive; the formatter writes them upper-case.
  caseInsensitiveTokens: true,
  // Errors of $INCLUDEd files carry ranges in those files; they are checked below, per source.
  skip: ['source', 'includes', 'includedFrom', 'errors', 'outOfZone'],
  verify: (text, result) => {
    const z = result as ZoneFile;
    const main = lineLengths(text, 'editor');
    assert.equal(z.source.lineCount, main.length, `the parser counts ${z.source.lineCount} lines, the editor ${main.length}`);
    for (const e of z.errors) assertRangeInside(e.range, e.source === z.source ? main : lineLengths(e.source.text, 'editor'), `error ${e.code}`);
    for (const r of z.records) {
      if (r.source !== z.source) continue;
      for (const [what, f] of [['owner', ownerRange], ['type', typeRange], ['rdata', rdataRange], ['record', recordRange], ['target', targetRange]] as const) {
        assertRangeInside(f(r), main, `${r.owner} ${r.type} ${what}`);
      }
    }
  },
  formattingKeeps: { of: zoneWords, message: 'formatting joined or split a zone token' },
});
