// The small TXT policies of mail transport security: MTA-STS at _mta-sts (RFC 8461 §3.1) and
// TLS reporting at _smtp._tls (RFC 8460 §3).
import { parseTags, RecordProblem } from './problem';

export function checkMtaSts(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'mta-sts', out);
  if (tags.length === 0 || tags[0].name !== 'v' || tags[0].value !== 'STSv1') {
    out.push({ code: 'mta-sts-version', severity: 'warning', message: "An MTA-STS record must start with 'v=STSv1'" });
    return out;
  }
  const id = tags.find((t) => t.name === 'id');
  if (!id) out.push({ code: 'mta-sts-no-id', severity: 'warning', message: "The 'id=' tag is required; change it whenever the policy file changes" });
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id.value)) out.push({ code: 'mta-sts-bad-id', severity: 'warning', message: `'id=${id.value}' must be 1 to 32 letters or digits`, start: id.valueStart, end: id.valueEnd });
  return out;
}

export function checkTlsRpt(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'tlsrpt', out);
  if (tags.length === 0 || tags[0].name !== 'v' || tags[0].value !== 'TLSRPTv1') {
    out.push({ code: 'tlsrpt-version', severity: 'warning', message: "A TLSRPT record must start with 'v=TLSRPTv1'" });
    return out;
  }
  const rua = tags.find((t) => t.name === 'rua');
  if (!rua) {
    out.push({ code: 'tlsrpt-no-rua', severity: 'warning', message: "The 'rua=' tag (where reports go) is required" });
    return out;
  }
  for (const uri of rua.value.split(',').map((u) => u.trim())) {
    if (!/^(mailto:[^\s@]+@[^\s@]+\.[^\s@]+|https:\/\/[^\s]+)$/i.test(uri)) {
      out.push({ code: 'tlsrpt-bad-uri', severity: 'warning', message: `'${uri}' in 'rua=' must be a mailto: or https: URI`, start: rua.valueStart, end: rua.valueEnd });
    }
  }
  return out;
}

/** TLSA (RFC 6698 §2.1, RFC 7672 for SMTP): field ranges and data length per matching type. */
export function checkTlsa(usage: number, selector: number, matchingType: number, hex: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (usage > 3) out.push({ code: 'tlsa-usage', severity: 'warning', message: `Certificate usage ${usage} is not defined (0-3; SMTP uses 3 DANE-EE or 2 DANE-TA)` });
  else if (usage < 2) out.push({ code: 'tlsa-usage', severity: 'warning', message: `Certificate usage ${usage} (PKIX) is not used for SMTP; RFC 7672 §3.1.3 says to use 3 or 2` });
  if (selector > 1) out.push({ code: 'tlsa-selector', severity: 'warning', message: `Selector ${selector} is not defined (0 full certificate, 1 public key)` });
  if (matchingType > 2) out.push({ code: 'tlsa-matching-type', severity: 'warning', message: `Matching type ${matchingType} is not defined (0 exact, 1 SHA-256, 2 SHA-512)` });
  const bytes = hex.length / 2;
  const expected = matchingType === 1 ? 32 : matchingType === 2 ? 64 : undefined;
  if (expected !== undefined && bytes !== expected) {
    out.push({ code: 'tlsa-length', severity: 'warning', message: `Matching type ${matchingType} needs ${expected} bytes (${expected * 2} hex digits); this has ${bytes}` });
  }
  if (matchingType === 0 && bytes < 32) out.push({ code: 'tlsa-length', severity: 'warning', message: `Matching type 0 holds a whole certificate or key; ${bytes} bytes is too short` });
  return out;
}
