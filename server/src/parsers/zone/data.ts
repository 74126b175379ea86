// Typed data of one record, read on demand: records keep only offsets, so a feature that needs a
// record's data (a hover, an SPF check) re-lexes that record alone.
import { lexSpan, RecordLexer, TokenSpan } from './lexer';
import { parseRdata, Rdata, RdataError } from './rdata';
import type { ZoneRecord } from './tree';

/** The data tokens of a record, with offsets in its source (for generated records, in the expanded text). */
export function recordTokens(r: ZoneRecord): TokenSpan {
  if (r.generated !== undefined) {
    const lex = new RecordLexer(' ' + r.generated, () => undefined);
    lex.next();
    return lex;
  }
  if (r.rdataEnd <= r.rdataStart) return { text: r.source.text, starts: new Int32Array(0), ends: new Int32Array(0), quoted: new Uint8Array(0), count: 0 };
  return lexSpan(r.source.text, r.rdataStart, r.rdataEnd);
}

/** The record's typed data, or undefined when it does not parse (the parser reported why). */
export function recordData(r: ZoneRecord, origin: string): Rdata | undefined {
  const d = parseRdata(r.type, recordTokens(r), 0, origin);
  return d instanceof RdataError ? undefined : d;
}
