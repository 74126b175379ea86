// What the probe tells about a TLS session and its certificate. The chain is checked by OpenSSL
// (system CAs, or the CA file given); the name is checked by Node's own RFC 6125 matcher, which
// knows wildcards and IP SANs, so both answers are the ones a real mail client would reach.
import { checkServerIdentity, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';
import { t, type Locale } from '../l10n';
import type { TlsReport } from './types';

const DAY = 86_400_000;

export function tlsReport(socket: TLSSocket, checkedName: string, now = Date.now()): TlsReport {
  const cert = socket.getPeerCertificate(true) as DetailedPeerCertificate;
  const cipher = socket.getCipher();
  const hasCert = cert && Object.keys(cert).length > 0;
  const validTo = hasCert ? new Date(cert.valid_to) : new Date(NaN);
  return {
    protocol: socket.getProtocol() ?? 'unknown',
    cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
    subject: hasCert ? distinguishedName(cert.subject) : '',
    issuer: hasCert ? distinguishedName(cert.issuer) : '',
    altNames: hasCert ? altNames(cert) : [],
    validFrom: hasCert ? new Date(cert.valid_from).toISOString() : '',
    validTo: hasCert && !isNaN(validTo.getTime()) ? validTo.toISOString() : '',
    selfSigned: hasCert && isSelfSigned(cert),
    hostnameMatch: hasCert && checkServerIdentity(checkedName, cert) === undefined,
    trusted: socket.authorized,
    ...(socket.authorized ? {} : { trustError: String(socket.authorizationError ?? 'no certificate') }),
    daysToExpiry: isNaN(validTo.getTime()) ? 0 : Math.floor((validTo.getTime() - now) / DAY),
    fingerprint256: hasCert ? cert.fingerprint256 : '',
    checkedName,
  };
}

/** The certificates the peer sent, DER, its own first (OpenSSL links a self-signed one to itself). */
export function peerChain(socket: TLSSocket): Buffer[] {
  const chain: Buffer[] = [];
  let cert = socket.getPeerCertificate(true) as DetailedPeerCertificate | undefined;
  while (cert && cert.raw && !chain.some((c) => c.equals(cert!.raw))) {
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** `CN=smtp.mail1.org, O=Lab`: the usual reading order of a DN. */
function distinguishedName(dn: PeerCertificate['subject'] | undefined): string {
  if (!dn) return '';
  return Object.entries(dn)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function altNames(cert: PeerCertificate): string[] {
  return (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .filter(Boolean)
    .map((s) => s.replace(/^IP Address:/, 'IP:'));
}

function isSelfSigned(cert: DetailedPeerCertificate): boolean {
  const issuer = cert.issuerCertificate;
  // OpenSSL links a self-signed certificate to itself as its own issuer.
  if (issuer && issuer.fingerprint256 === cert.fingerprint256) return true;
  return JSON.stringify(cert.subject) === JSON.stringify(cert.issuer) && (!issuer || issuer === cert);
}

/** The name to send as SNI and to match: the explicit one, else the host unless it is an address. */
export function serverName(host: string, servername: string | undefined): string {
  if (servername) return servername;
  return host.replace(/^\[|\]$/g, '');
}

export function sniFor(name: string): string | undefined {
  return isIP(name) ? undefined : name;
}

/** Normalises a SHA-256 fingerprint for comparison: upper case hex with colons. */
export function normalizeFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.replace(/(..)(?=.)/g, '$1:');
}

/** Why the TLS stage fails for this certificate, or undefined when it is acceptable. */
export function certificateProblem(report: TlsReport, opts: { insecure?: boolean; acceptFingerprint?: string; locale?: Locale }): string | undefined {
  const locale = opts.locale ?? 'en';
  if (opts.insecure) return undefined;
  if (opts.acceptFingerprint && normalizeFingerprint(opts.acceptFingerprint) === normalizeFingerprint(report.fingerprint256)) {
    return undefined;
  }
  if (!report.trusted) {
    if (report.trustError === 'CERT_HAS_EXPIRED') return t(locale, 'probe.cert-expired', report.validTo);
    if (report.selfSigned) return t(locale, 'probe.cert-self-signed', report.trustError ?? '');
    return t(locale, 'probe.cert-untrusted', report.trustError ?? '');
  }
  if (!report.hostnameMatch) {
    return t(locale, 'probe.cert-name', report.altNames.join(', ') || report.subject, report.checkedName);
  }
  return undefined;
}
