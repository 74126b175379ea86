// The lesson's policy for each port, as checks over a probe result. Each failed check says what was
// seen, what usually causes it and which main.cf/master.cf settings to look at.
import type { Locale } from '../l10n';
import { smtpMessages } from '../l10n/smtpMessages';
import { translator } from '../l10n/translator';
import type { ExpectFailure, ExpectReport, ProbeOptions, ProbeResult, ProfileName } from './types';

// Its own table only: the extension renders these (see ../l10n/translator.ts).
type MessageKey = keyof typeof smtpMessages;
const t = translator((key: MessageKey) => smtpMessages[key]);

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

type Why = Omit<ExpectFailure, 'message' | 'hint'>;

const WHY: Record<string, Why> = {
  unreachable: {
    id: 'unreachable',
    settings: ['master.cf service line', 'inet_interfaces'],
  },
  'name-unresolved': {
    id: 'name-unresolved',
    settings: [],
  },
  'greeting-refused': {
    id: 'greeting-refused',
    settings: ['smtpd_client_restrictions', 'smtpd_client_connection_count_limit'],
  },
  'starttls-missing': {
    id: 'starttls-missing',
    settings: ['smtpd_tls_security_level', 'smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'smtpd_tls_key_file'],
  },
  'no-implicit-tls': {
    id: 'no-implicit-tls',
    settings: ['smtpd_tls_wrappermode', 'master.cf submissions service'],
  },
  'tls-failed': {
    id: 'tls-failed',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'smtpd_tls_key_file', 'smtpd_tls_protocols'],
  },
  'certificate-expired': {
    id: 'certificate-expired',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file'],
  },
  'certificate-name': {
    id: 'certificate-name',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file', 'myhostname'],
  },
  'certificate-untrusted': {
    id: 'certificate-untrusted',
    settings: ['smtpd_tls_chain_files', 'smtpd_tls_cert_file'],
  },
  'auth-before-tls': {
    id: 'auth-before-tls',
    settings: ['smtpd_tls_auth_only', 'smtpd_sasl_auth_enable'],
  },
  'auth-missing': {
    id: 'auth-missing',
    settings: ['smtpd_sasl_auth_enable', 'smtpd_sasl_type', 'smtpd_sasl_path'],
  },
  'auth-failed': {
    id: 'auth-failed',
    settings: ['smtpd_sasl_path', 'smtpd_sasl_type', 'smtpd_sasl_security_options'],
  },
  'auth-untested': {
    id: 'auth-untested',
    settings: [],
  },
  'open-relay': {
    id: 'open-relay',
    settings: ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'mynetworks'],
  },
  'relay-deferred': {
    id: 'relay-deferred',
    settings: ['smtpd_relay_restrictions', 'soft_bounce'],
  },
  'local-rejected': {
    id: 'local-rejected',
    settings: ['mydestination', 'local_recipient_maps', 'smtpd_recipient_restrictions'],
  },
  'stage-failed': {
    id: 'stage-failed',
    settings: [],
  },
};

/** What usually causes a failed expectation, and the settings to look at, in the locale. */
export function explanation(id: string, locale: Locale = 'en'): Omit<ExpectFailure, 'message'> {
  const why = WHY[id] ?? WHY['stage-failed'];
  return { ...why, hint: t(locale, `smtp.why.${why.id}` as MessageKey) };
}

export function evaluateProfile(profile: ProfileName, r: ProbeResult, opts: ProbeOptions): ExpectReport {
  const locale = opts.locale ?? 'en';
  const fail = (id: string, key: MessageKey, ...args: (string | number)[]): ExpectFailure => ({ ...explanation(id, locale), id, message: t(locale, key, ...args) });
  const failures = [...stageFailures(profile, r, fail), ...certificateFailures(r, fail)];
  const offeredBefore = r.ehloBefore.some((k) => /^AUTH\b/i.test(k));
  const starttlsOffered = r.ehloBefore.some((k) => /^STARTTLS\b/i.test(k));
  const reached = (stage: string) => r.stages.some((s) => s.name === stage);

  if (profile === 'mx' || profile === 'submission') {
    if (reached('ehlo') && !starttlsOffered && !failures.some((f) => f.id === 'starttls-missing')) {
      failures.push(fail('starttls-missing', 'smtp.seen.starttls-missing'));
    }
    if (offeredBefore) failures.push(fail('auth-before-tls', 'smtp.seen.auth-before-tls', authLine(r.ehloBefore)));
    if (r.relay && r.relay.rcpt) {
      if (r.relay.accepted) {
        failures.push(fail('open-relay', 'smtp.seen.open-relay', r.relay.rcpt, String(r.relay.code)));
      } else if (r.relay.code !== null && r.relay.code < 500) {
        failures.push(fail('relay-deferred', 'smtp.seen.relay-deferred', r.relay.rcpt, String(r.relay.code)));
      }
    }
  }
  if (profile === 'mx' && r.relay?.local && !r.relay.local.accepted) {
    failures.push(fail('local-rejected', 'smtp.seen.local-rejected', r.relay.local.rcpt, String(r.relay.local.code)));
  }
  if (profile === 'smtps' || profile === 'submission') {
    const tlsOk = r.stages.some((s) => s.name === 'ehlo-tls' && s.ok);
    if (tlsOk && !r.ehloAfter.some((k) => /^AUTH\b/i.test(k))) {
      failures.push(fail('auth-missing', 'smtp.seen.auth-missing'));
    } else if (tlsOk && r.auth && r.auth.tried && !r.auth.ok) {
      failures.push(fail('auth-failed', 'smtp.seen.auth-failed', r.auth.tried, r.auth.code ?? t(locale, 'smtp.seen.no-reply')));
    } else if (tlsOk && (opts.user === undefined || opts.password === undefined)) {
      failures.push(fail('auth-untested', 'smtp.seen.auth-untested'));
    }
  }
  return { profile, ok: failures.length === 0, failures: dedupe(failures) };
}

/** getaddrinfo's answers for a name that has no address (EAI_AGAIN: no resolver answered in time). */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA']);

type Fail = (id: string, key: MessageKey, ...args: (string | number)[]) => ExpectFailure;

/** The first failed stage, turned into the expectation it breaks. */
function stageFailures(profile: ProfileName, r: ProbeResult, fail: Fail): ExpectFailure[] {
  const failed = r.stages.find((s) => !s.ok);
  if (!failed) return [];
  const d = failed.detail;
  switch (failed.name) {
    case 'connect':
      if (failed.errno && UNRESOLVED.has(failed.errno)) return [fail('name-unresolved', 'smtp.seen.name-unresolved', r.host, d)];
      return [fail('unreachable', 'smtp.seen.unreachable', r.port, d)];
    case 'banner':
      return [fail(/refused the session/.test(d) ? 'greeting-refused' : 'stage-failed', 'smtp.seen.no-usable-greeting', d)];
    case 'starttls':
      return [fail('starttls-missing', 'smtp.seen.detail', d)];
    case 'tls':
      if (r.tls) return []; // the certificate checks below say what is wrong with it
      if (profile === 'smtps' && !r.stages.some((s) => s.name === 'banner')) {
        return [fail('no-implicit-tls', 'smtp.seen.no-implicit-tls', d)];
      }
      return [fail('tls-failed', 'smtp.seen.detail', d)];
    case 'relay':
      return []; // the relay check explains it
    case 'auth':
      return []; // the AUTH checks explain it
    default:
      return [fail('stage-failed', 'smtp.seen.stage-failed', failed.name, d)];
  }
}

function certificateFailures(r: ProbeResult, fail: Fail): ExpectFailure[] {
  const tls = r.tls;
  if (!tls) return [];
  const out: ExpectFailure[] = [];
  if (tls.daysToExpiry < 0 || tls.trustError === 'CERT_HAS_EXPIRED') {
    out.push(fail('certificate-expired', 'smtp.seen.certificate-expired', tls.validTo.slice(0, 10)));
  }
  if (!tls.hostnameMatch) {
    out.push(fail('certificate-name', 'smtp.seen.certificate-name', tls.altNames.join(', ') || tls.subject, tls.checkedName));
  }
  const failedTls = r.stages.find((s) => s.name === 'tls' && !s.ok);
  if (failedTls && out.length === 0) out.push(fail('certificate-untrusted', 'smtp.seen.detail', failedTls.detail));
  return out;
}

function authLine(keywords: string[]): string {
  return keywords.find((k) => /^AUTH\b/i.test(k)) ?? 'AUTH';
}

function dedupe(failures: ExpectFailure[]): ExpectFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => !seen.has(f.id) && seen.add(f.id));
}
