// The small TXT policies of mail transport security: MTA-STS at _mta-sts (RFC 8461 §3.1) and
// TLS reporting at _smtp._tls (RFC 8460 §3).
import { parseTags, problem, RecordProblem } from './problem';

export function checkMtaSts(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'mta-sts', out);
  if (tags.length === 0 || tags[0].name !== 'v' || tags[0].value !== 'STSv1') {
    out.push(problem('mta-sts-version', 'warning', 'zone.mta-sts.version'));
    return out;
  }
  const id = tags.find((t) => t.name === 'id');
  if (!id) out.push(problem('mta-sts-no-id', 'warning', 'zone.mta-sts.no-id'));
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id.value)) out.push(problem('mta-sts-bad-id', 'warning', 'zone.mta-sts.bad-id', [id.value], { start: id.valueStart, end: id.valueEnd }));
  return out;
}

export function checkTlsRpt(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'tlsrpt', out);
  if (tags.length === 0 || tags[0].name !== 'v' || tags[0].value !== 'TLSRPTv1') {
    out.push(problem('tlsrpt-version', 'warning', 'zone.tlsrpt.version'));
    return out;
  }
  const rua = tags.find((t) => t.name === 'rua');
  if (!rua) {
    out.push(problem('tlsrpt-no-rua', 'warning', 'zone.tlsrpt.no-rua'));
    return out;
  }
  for (const uri of rua.value.split(',').map((u) => u.trim())) {
    if (!/^(mailto:[^\s@]+@[^\s@]+\.[^\s@]+|https:\/\/[^\s]+)$/i.test(uri)) {
      out.push(problem('tlsrpt-bad-uri', 'warning', 'zone.tlsrpt.bad-uri', [uri], { start: rua.valueStart, end: rua.valueEnd }));
    }
  }
  return out;
}

/**
 * TLSA (RFC 6698 §2.1): field ranges and data length per matching type; for a mail port (`smtp`),
 * RFC 7672's rule that SMTP uses DANE-TA or DANE-EE, never the PKIX usages.
 */
export function checkTlsa(usage: number, selector: number, matchingType: number, hex: string, smtp: boolean): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (usage > 3) out.push(problem('tlsa-usage', 'warning', 'zone.tlsa.usage-undefined', [usage]));
  else if (usage < 2 && smtp) out.push(problem('tlsa-usage', 'warning', 'zone.tlsa.usage-pkix', [usage]));
  if (selector > 1) out.push(problem('tlsa-selector', 'warning', 'zone.tlsa.selector', [selector]));
  if (matchingType > 2) out.push(problem('tlsa-matching-type', 'warning', 'zone.tlsa.matching-type', [matchingType]));
  const bytes = hex.length / 2;
  const expected = matchingType === 1 ? 32 : matchingType === 2 ? 64 : undefined;
  if (expected !== undefined && bytes !== expected) {
    out.push(problem('tlsa-length', 'warning', 'zone.tlsa.length', [matchingType, expected, expected * 2, bytes]));
  }
  if (matchingType === 0 && bytes < 32) out.push(problem('tlsa-length', 'warning', 'zone.tlsa.too-short', [bytes]));
  return out;
}
