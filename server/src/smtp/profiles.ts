// The lesson's policy for each port, as checks over a probe result. Each failed check says what was
// seen, what usually causes it and which main.cf/master.cf settings to look at.
import type { ExpectFailure, ExpectReport, ProbeOptions, ProbeResult, ProfileName } from './types';

/** An address in a reserved domain: no server may treat it as local, so accepting it is relaying. */
export const DEFAULT_RELAY_RCPT = 'relay-test@example.net';
/** RFC 5321 requires every server to accept mail for `postmaster`. */
export const DEFAULT_LOCAL_RCPT = 'postmaster';

export const PROFILES: readonly ProfileName[] = ['mx', 'smtps', 'submission'];

/** The profile a well-known port is usually checked against. */
export function profileForPort(port: number): ProfileName | undefined {
  return port === 25 ? 'mx' : port === 465 ? 'smtps' : port === 587 ? 'submission' : undefined;
}

/** Options a profile needs the probe to gather (relay recipients), unless the caller chose them. */
export function profileNeeds(opts: ProbeOptions): Partial<ProbeOptions> {
  if (opts.expect === 'mx') return { rcpt: opts.rcpt ?? DEFAULT_RELAY_RCPT, localRcpt: opts.localRcpt ?? DEFAULT_LOCAL_RCPT };
  if (opts.expect === 'submission') return { rcpt: opts.rcpt ?? DEFAULT_RELAY_RCPT };
  return {};
}

type Why = Omit<ExpectFailure, 'message'>;

const WHY: Record<string, Why> = {
  unreachable: {
    id: 'unreachable',
    hint: 'No smtpd answers on this port: the master.cf service line is missing or commented out, or Postfix listens on other addresses.',
    settings: ['master.cf service line', 'inet_interfaces'],
  },
  'name-unresolved': {
    id: 'name-unresolved',
    hint: 'The host name does not resolve, so no connection was tried. Check its A record in DNS (host, dig), or put the name in /etc/hosts on this machine, or test the IP address instead.',
    settings: [],
  },
  'greeting-refused': {
    id: 'greeting-refused',
    hint: 'The server turned the session away at once; client restrictions or a full server usually do that.',
    settings: ['smtpd_client_restrictions', 'smtpd_client_connection_count_limit'],
  },
  'starttls-missing': {
    id: 'starttls-missing',
    hint: 'STARTTLS is only offered when smtpd has a certificate and TLS is enabled for the service.',
    settings: ['smtpd_tls_security_level', 'smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'smtpd_tls_key_file'],
  },
  'no-implicit-tls': {
    id: 'no-implicit-tls',
    hint: 'Port 465 must speak TLS from the first byte: the submissions/smtps service in master.cf needs -o smtpd_tls_wrappermode=yes.',
    settings: ['smtpd_tls_wrappermode', 'master.cf submissions service'],
  },
  'tls-failed': {
    id: 'tls-failed',
    hint: 'The TLS handshake failed: the certificate or key files are unreadable or do not match, or the protocols/ciphers are too narrow.',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'smtpd_tls_key_file', 'smtpd_tls_protocols'],
  },
  'certificate-expired': {
    id: 'certificate-expired',
    hint: 'The certificate smtpd presents is past its end date; renew it and point the TLS settings at the new files, then reload Postfix.',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file'],
  },
  'certificate-name': {
    id: 'certificate-name',
    hint: 'The certificate does not name the host clients connect to; issue one whose subjectAltName covers it (usually $myhostname).',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'myhostname'],
  },
  'certificate-untrusted': {
    id: 'certificate-untrusted',
    hint: 'The chain does not lead to a trusted CA: a self-signed certificate, or the intermediate certificates are missing from the file.',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file'],
  },
  'auth-before-tls': {
    id: 'auth-before-tls',
    hint: 'AUTH is offered on the plaintext connection, so a password could travel unencrypted; set smtpd_tls_auth_only=yes.',
    settings: ['smtpd_tls_auth_only', 'smtpd_sasl_auth_enable'],
  },
  'auth-missing': {
    id: 'auth-missing',
    hint: 'SASL is not enabled on this service; add -o smtpd_sasl_auth_enable=yes to its master.cf entry and check the SASL backend.',
    settings: ['smtpd_sasl_auth_enable', 'smtpd_sasl_type', 'smtpd_sasl_path'],
  },
  'auth-failed': {
    id: 'auth-failed',
    hint: 'The credentials were refused or the SASL backend (Dovecot) is not reachable on its socket.',
    settings: ['smtpd_sasl_path', 'smtpd_sasl_type', 'smtpd_sasl_security_options'],
  },
  'auth-untested': {
    id: 'auth-untested',
    hint: 'Give a user and a password so that AUTH can be tried.',
    settings: [],
  },
  'open-relay': {
    id: 'open-relay',
    hint: 'Mail for another domain is accepted without authentication: the relay restrictions permit the client (often permit_mynetworks with a wide mynetworks, or a bare permit).',
    settings: ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'mynetworks'],
  },
  'relay-deferred': {
    id: 'relay-deferred',
    hint: 'Relaying is refused only temporarily (4xx), so clients retry; use reject_unauth_destination rather than defer_unauth_destination once tests are done.',
    settings: ['smtpd_relay_restrictions', 'soft_bounce'],
  },
  'local-rejected': {
    id: 'local-rejected',
    hint: 'The server refuses mail for its own domain: the domain is missing from mydestination (or virtual domains), or a recipient restriction rejects it.',
    settings: ['mydestination', 'local_recipient_maps', 'smtpd_recipient_restrictions'],
  },
  'stage-failed': {
    id: 'stage-failed',
    hint: 'The conversation stopped before this could be checked.',
    settings: [],
  },
};

export function explanation(id: string): Why {
  return WHY[id] ?? WHY['stage-failed'];
}

const fail = (id: string, message: string): ExpectFailure => ({ ...explanation(id), id, message });

export function evaluateProfile(profile: ProfileName, r: ProbeResult, opts: ProbeOptions): ExpectReport {
  const failures = [...stageFailures(profile, r), ...certificateFailures(r)];
  const offeredBefore = r.ehloBefore.some((k) => /^AUTH\b/i.test(k));
  const starttlsOffered = r.ehloBefore.some((k) => /^STARTTLS\b/i.test(k));
  const reached = (stage: string) => r.stages.some((s) => s.name === stage);

  if (profile === 'mx' || profile === 'submission') {
    if (reached('ehlo') && !starttlsOffered && !failures.some((f) => f.id === 'starttls-missing')) {
      failures.push(fail('starttls-missing', 'STARTTLS is not offered'));
    }
    if (offeredBefore) failures.push(fail('auth-before-tls', `AUTH is offered before TLS (${authLine(r.ehloBefore)})`));
    if (r.relay && r.relay.rcpt) {
      if (r.relay.accepted) {
        failures.push(fail('open-relay', `an unauthenticated RCPT TO:<${r.relay.rcpt}> was accepted (${r.relay.code})`));
      } else if (r.relay.code !== null && r.relay.code < 500) {
        failures.push(fail('relay-deferred', `relaying to <${r.relay.rcpt}> got ${r.relay.code}, not a 5xx refusal`));
      }
    }
  }
  if (profile === 'mx' && r.relay?.local && !r.relay.local.accepted) {
    failures.push(fail('local-rejected', `the local recipient <${r.relay.local.rcpt}> was refused (${r.relay.local.code})`));
  }
  if (profile === 'smtps' || profile === 'submission') {
    const tlsOk = r.stages.some((s) => s.name === 'ehlo-tls' && s.ok);
    if (tlsOk && !r.ehloAfter.some((k) => /^AUTH\b/i.test(k))) {
      failures.push(fail('auth-missing', 'AUTH is not offered after TLS'));
    } else if (tlsOk && r.auth && r.auth.tried && !r.auth.ok) {
      failures.push(fail('auth-failed', `AUTH ${r.auth.tried} was refused (${r.auth.code ?? 'no reply'})`));
    } else if (tlsOk && (opts.user === undefined || opts.password === undefined)) {
      failures.push(fail('auth-untested', 'AUTH is offered but was not tried: no credentials were given'));
    }
  }
  return { profile, ok: failures.length === 0, failures: dedupe(failures) };
}

/** getaddrinfo's answers for a name that has no address (EAI_AGAIN: no resolver answered in time). */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA']);

/** The first failed stage, turned into the expectation it breaks. */
function stageFailures(profile: ProfileName, r: ProbeResult): ExpectFailure[] {
  const failed = r.stages.find((s) => !s.ok);
  if (!failed) return [];
  const d = failed.detail;
  switch (failed.name) {
    case 'connect':
      if (failed.errno && UNRESOLVED.has(failed.errno)) return [fail('name-unresolved', `${r.host} does not resolve: ${d}`)];
      return [fail('unreachable', `cannot connect to port ${r.port}: ${d}`)];
    case 'banner':
      return [fail(/refused the session/.test(d) ? 'greeting-refused' : 'stage-failed', `no usable greeting: ${d}`)];
    case 'starttls':
      return [fail('starttls-missing', d)];
    case 'tls':
      if (r.tls) return []; // the certificate checks below say what is wrong with it
      if (profile === 'smtps' && !r.stages.some((s) => s.name === 'banner')) {
        return [fail('no-implicit-tls', `no TLS from the first byte: ${d}`)];
      }
      return [fail('tls-failed', d)];
    case 'relay':
      return []; // the relay check explains it
    case 'auth':
      return []; // the AUTH checks explain it
    default:
      return [fail('stage-failed', `${failed.name} failed: ${d}`)];
  }
}

function certificateFailures(r: ProbeResult): ExpectFailure[] {
  const t = r.tls;
  if (!t) return [];
  const out: ExpectFailure[] = [];
  if (t.daysToExpiry < 0 || t.trustError === 'CERT_HAS_EXPIRED') {
    out.push(fail('certificate-expired', `the certificate expired on ${t.validTo.slice(0, 10)}`));
  }
  if (!t.hostnameMatch) {
    out.push(fail('certificate-name', `the certificate names ${t.altNames.join(', ') || t.subject}, not ${t.checkedName}`));
  }
  const failedTls = r.stages.find((s) => s.name === 'tls' && !s.ok);
  if (failedTls && out.length === 0) out.push(fail('certificate-untrusted', failedTls.detail));
  return out;
}

function authLine(keywords: string[]): string {
  return keywords.find((k) => /^AUTH\b/i.test(k)) ?? 'AUTH';
}

function dedupe(failures: ExpectFailure[]): ExpectFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => !seen.has(f.id) && seen.add(f.id));
}
