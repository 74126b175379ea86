// DANE: does a TLSA record match the certificate the SMTP server really presents? Computed as a
// DANE client does (RFC 6698 §2.1, RFC 7671): the usage picks the certificate (3 and 1 the
// server's own, 2 and 0 any certificate of the chain it sent), the selector the part of it (0 the
// whole certificate, 1 its public key), the matching type how it is compared (0 as is, 1 SHA-256,
// 2 SHA-512).
import { createHash, X509Certificate } from 'node:crypto';
import { t } from '../../l10n';
import { fail, pass, type CheckContext, type DnsCheck } from './types';

export interface TlsaRecord {
  usage: number;
  selector: number;
  matchingType: number;
  /** Lower-case hex. */
  data: string;
}

/** A TLSA record from its canonical text "3 1 1 abcd…". */
export function parseTlsa(text: string): TlsaRecord | undefined {
  const m = /^(\d+) (\d+) (\d+) ([0-9a-f]*)$/.exec(text);
  return m ? { usage: Number(m[1]), selector: Number(m[2]), matchingType: Number(m[3]), data: m[4] } : undefined;
}

/** The bytes of `der` a selector names: the certificate, or its SubjectPublicKeyInfo. */
function selected(der: Buffer, selector: number): Buffer | undefined {
  if (selector === 0) return der;
  if (selector !== 1) return undefined;
  try {
    return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return undefined;
  }
}

function digest(bytes: Buffer, matchingType: number): string | undefined {
  if (matchingType === 0) return bytes.toString('hex');
  if (matchingType === 1) return createHash('sha256').update(bytes).digest('hex');
  if (matchingType === 2) return createHash('sha512').update(bytes).digest('hex');
  return undefined;
}

/** The association data `record` would need for `der` (to show what was expected). */
export function associationFor(der: Buffer, record: Pick<TlsaRecord, 'selector' | 'matchingType'>): string | undefined {
  const part = selected(der, record.selector);
  return part && digest(part, record.matchingType);
}

/** Whether `record` matches the chain the server sent (DER, its own certificate first). */
export function tlsaMatches(record: TlsaRecord, chain: Buffer[]): boolean {
  if (chain.length === 0) return false;
  const candidates = record.usage === 3 || record.usage === 1 ? [chain[0]] : record.usage === 2 || record.usage === 0 ? chain : [];
  return candidates.some((der) => associationFor(der, record) === record.data);
}

/** The TLSA records at _PORT._tcp.HOST against the chain the SMTP probe received. */
export function checkTlsaRecords(ctx: CheckContext, tlsaName: string, served: string[], chain: Buffer[], server: string): DnsCheck[] {
  const { locale } = ctx;
  if (served.length === 0) return [pass('tlsa-mismatch', t(locale, 'dns.tlsa-none', tlsaName), { name: tlsaName })];
  const records = served.map((s) => ({ text: s, record: parseTlsa(s) }));
  const matching = records.find((r) => r.record && tlsaMatches(r.record, chain));
  if (matching) return [pass('tlsa-mismatch', t(locale, 'dns.tlsa-match', matching.text, server), { name: tlsaName, served: matching.text })];
  // What the first record's selector and matching type would need for the server's own certificate.
  const first = records.find((r) => r.record)?.record;
  const expected = first && chain[0] ? `${first.usage} ${first.selector} ${first.matchingType} ${associationFor(chain[0], first) ?? '?'}` : undefined;
  return [fail('tlsa-mismatch', 'error', t(locale, 'dns.tlsa-mismatch', tlsaName, server), { name: tlsaName, served: served.join('; '), ...(expected ? { expected } : {}) })];
}
