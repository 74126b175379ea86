// TLS and SASL settings that Postfix accepts but that do not do what the author meant. Each check
// works on the effective values a service sees, so the same rule serves main.cf (global settings,
// service undefined) and master.cf (a service with its -o overrides).
import type { PostfixModel, ServiceView } from '../postfixModel';
import { t, type Locale } from '../../l10n';

export type SecurityCode =
  | 'tls-wrappermode-global'
  | 'tls-wrappermode-port-25'
  | 'tls-encrypt-port-25'
  | 'tls-cert-without-key'
  | 'tls-key-without-cert'
  | 'auth-without-tls'
  | 'auth-never-offered'
  | 'sasl-not-enabled';

export interface SecurityFinding {
  code: SecurityCode;
  /** The parameter whose setting is at fault (where the diagnostic goes). */
  parameter: string;
  message: string;
  /** Only for sasl-not-enabled: the restriction list holding permit_sasl_authenticated. */
  severity: 'error' | 'warning' | 'info';
}

/** A host part that only this machine can connect to: 127.0.0.0/8, ::1, localhost. */
function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === 'loopback-only';
}

/**
 * Whether an smtpd listens on loopback only: its master.cf address says so (127.0.0.1:10025), or
 * it takes inet_interfaces and every interface there is a loopback one. Such a port is usually
 * the inside of a TLS proxy or a content filter's return path.
 */
export function listensOnLoopbackOnly(model: PostfixModel, service?: ServiceView): boolean {
  if (service) {
    // A unix-socket smtpd is local; a "pass" one gets postscreen's public connections.
    if (service.type === 'unix' || service.type === 'unix-dgram' || service.type === 'fifo') return true;
    const colon = service.service.lastIndexOf(':');
    if (colon > 0) return isLoopbackHost(service.service.slice(0, colon));
  }
  const interfaces = value(model, 'inet_interfaces', service).split(/[\s,]+/).filter(Boolean);
  return interfaces.length > 0 && interfaces.every(isLoopbackHost);
}

export const yes = (model: PostfixModel, name: string, service?: ServiceView) => model.expand(model.raw(name, service) ?? '', service).trim().toLowerCase() === 'yes';
export const value = (model: PostfixModel, name: string, service?: ServiceView) => model.expand(model.raw(name, service) ?? '', service).trim();

/** Answers per model: master.cf asks once per option, and each answer scans every service. */
const saslAnswers = new WeakMap<PostfixModel, boolean>();

/** Whether some smtpd (global or a master.cf service) turns SASL on. */
export function saslEnabledSomewhere(model: PostfixModel): boolean {
  let answer = saslAnswers.get(model);
  if (answer === undefined) {
    answer = yes(model, 'smtpd_sasl_auth_enable') || model.services.some((s) => s.params.has('smtpd_sasl_auth_enable') && yes(model, 'smtpd_sasl_auth_enable', s));
    saslAnswers.set(model, answer);
  }
  return answer;
}

export function tlsOffered(model: PostfixModel, service?: ServiceView): boolean {
  const level = value(model, 'smtpd_tls_security_level', service);
  return level === 'may' || level === 'encrypt' || yes(model, 'smtpd_tls_wrappermode', service) || (level === '' && (yes(model, 'smtpd_use_tls', service) || yes(model, 'smtpd_enforce_tls', service)));
}

/**
 * Whether this smtpd takes AUTH only over TLS: smtpd_tls_auth_only, wrapper mode, or mandatory TLS
 * (smtpd_tls_security_level = encrypt, or the older smtpd_enforce_tls), which implies it.
 */
export function authOnlyOverTls(model: PostfixModel, service?: ServiceView): boolean {
  const level = value(model, 'smtpd_tls_security_level', service);
  return yes(model, 'smtpd_tls_auth_only', service) || yes(model, 'smtpd_tls_wrappermode', service) || level === 'encrypt' || (level === '' && yes(model, 'smtpd_enforce_tls', service));
}

/** Checks for the settings one smtpd sees: the global ones (service undefined) or a service's. */
export function securityFindings(model: PostfixModel, service?: ServiceView, locale: Locale = 'en'): SecurityFinding[] {
  const out: SecurityFinding[] = [];
  const isSmtpd = !service || service.command === 'smtpd';
  if (!isSmtpd) return out;
  const port25 = service?.port === 25;
  if (!service && yes(model, 'smtpd_tls_wrappermode')) {
    out.push({
      code: 'tls-wrappermode-global',
      parameter: 'smtpd_tls_wrappermode',
      severity: 'warning',
      message: t(locale, 'security.tls-wrappermode-global'),
    });
  }
  if (port25 && yes(model, 'smtpd_tls_wrappermode', service)) {
    out.push({
      code: 'tls-wrappermode-port-25',
      parameter: 'smtpd_tls_wrappermode',
      severity: 'error',
      message: t(locale, 'security.tls-wrappermode-port-25', service!.service),
    });
  }
  if (value(model, 'smtpd_tls_security_level', service) === 'encrypt' && (port25 || (!service && model.services.some((s) => s.port === 25 && s.command === 'smtpd' && !s.params.has('smtpd_tls_security_level'))))) {
    out.push({
      code: 'tls-encrypt-port-25',
      parameter: 'smtpd_tls_security_level',
      severity: 'warning',
      message: t(locale, 'security.tls-encrypt-port-25'),
    });
  }
  if (yes(model, 'smtpd_sasl_auth_enable', service) && !tlsOffered(model, service) && yes(model, 'smtpd_tls_auth_only', service)) {
    // smtpd announces and takes AUTH only inside TLS then: no password crosses in clear, and no one logs in.
    const level = value(model, 'smtpd_tls_security_level', service) || (locale === 'es' ? 'vacío' : 'empty');
    const who = service ? t(locale, 'security.auth-without-tls.by', service.service) : '';
    out.push({ code: 'auth-never-offered', parameter: 'smtpd_tls_auth_only', severity: 'warning', message: t(locale, 'security.auth-never-offered', who, level) });
  } else if (yes(model, 'smtpd_sasl_auth_enable', service) && !tlsOffered(model, service)) {
    // Behind a TLS proxy the passwords are encrypted before they reach this port; only the
    // administrator knows whether one is there, except when nothing but this host can connect.
    const level = value(model, 'smtpd_tls_security_level', service) || (locale === 'es' ? 'vacío' : 'empty');
    const who = service ? t(locale, 'security.auth-without-tls.by', service.service) : '';
    const loopback = listensOnLoopbackOnly(model, service);
    out.push({
      code: 'auth-without-tls',
      parameter: 'smtpd_sasl_auth_enable',
      severity: loopback ? 'info' : 'warning',
      message: t(locale, loopback ? 'security.auth-without-tls.loopback' : 'security.auth-without-tls', who, level),
    });
  }
  if (!service) {
    for (const [cert, key] of [
      ['smtpd_tls_cert_file', 'smtpd_tls_key_file'],
      ['smtpd_tls_eccert_file', 'smtpd_tls_eckey_file'],
      ['smtp_tls_cert_file', 'smtp_tls_key_file'],
    ]) {
      const c = value(model, cert);
      const k = value(model, key);
      if (c && !k) {
        out.push({ code: 'tls-cert-without-key', parameter: model.mainEntries.has(key) ? key : cert, severity: 'warning', message: t(locale, 'security.tls-cert-without-key', cert, key) });
      } else if (c && model.mainEntries.has(cert) && !model.mainEntries.has(key) && /\/certs\/|\.crt$/.test(c)) {
        // The key's default is the certificate file itself, which is right only for a combined PEM.
        out.push({
          code: 'tls-cert-without-key',
          parameter: cert,
          severity: 'warning',
          message: t(locale, 'security.tls-cert-only-file', key, c),
        });
      } else if (k && !c) {
        out.push({ code: 'tls-key-without-cert', parameter: key, severity: 'warning', message: t(locale, 'security.tls-key-without-cert', key, cert) });
      }
    }
  }
  return out;
}
