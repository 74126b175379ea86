// Parameters and restrictions that Postfix has deprecated or removed, with what to use instead.
// The facts (which release warns, which removed it, the replacements) are generated from the
// releases' own DEPRECATION_README (releaseFacts.ts); this file adds only our advice and the value
// translations its quick fixes use. Postfix 3.7 still accepts every parameter here, which is
// exactly why the editor must say so: a lab main.cf written today should keep working after the
// next upgrade.
import { allReleaseDeprecations, releaseDeprecation } from './releaseFacts';
import { getRestriction } from './restrictions';

export interface Deprecation {
  name: string;
  kind: 'parameter' | 'restriction';
  /** First release whose postconf or smtpd warns about it. */
  warnedSince: string;
  /** Release that dropped it, when it is already gone. */
  removedIn?: string;
  /** Parameters or restrictions to use instead (for a parameter: real parameter names). */
  replacements: string[];
  /**
   * Direct value translations for a quick fix: old value → `replacement = value`.
   * Absent when the change is more than a rename (e.g. *_tls_per_site table format).
   */
  valueMap?: Record<string, { parameter: string; value: string } | null>;
  /** Our own one-line advice. */
  advice: { en: string; es: string };
}

/** What this file writes by hand: the advice and the value translations, never the facts. */
type Advice = Pick<Deprecation, 'name' | 'valueMap' | 'advice'>;

const useTls = (prefix: 'smtp' | 'lmtp' | 'smtpd' | 'postscreen' | 'tlsproxy'): Advice => ({
  name: `${prefix}_use_tls`,
  valueMap: {
    yes: { parameter: `${prefix}_tls_security_level`, value: 'may' },
    no: { parameter: `${prefix}_tls_security_level`, value: 'none' },
  },
  advice: {
    en: `Replace it with ${prefix}_tls_security_level: "may" for opportunistic TLS, "none" for no TLS.`,
    es: `Sustitúyalo por ${prefix}_tls_security_level: «may» para TLS oportunista, «none» para no usar TLS.`,
  },
});

const enforceTls = (prefix: 'smtp' | 'lmtp' | 'smtpd' | 'postscreen' | 'tlsproxy'): Advice => ({
  name: `${prefix}_enforce_tls`,
  valueMap: {
    yes: { parameter: `${prefix}_tls_security_level`, value: 'encrypt' },
    no: { parameter: `${prefix}_tls_security_level`, value: 'may' },
  },
  advice: {
    en: `Replace it with ${prefix}_tls_security_level: "encrypt" to require TLS, "may" to only offer it.`,
    es: `Sustitúyalo por ${prefix}_tls_security_level: «encrypt» para exigir TLS, «may» para solo ofrecerlo.`,
  },
});

const perSite = (name: string, replacement: string): Advice => ({
  name,
  advice: {
    en: `Move the entries to ${replacement}; the table format differs, so rewrite them rather than rename.`,
    es: `Pase las entradas a ${replacement}; el formato de la tabla es otro, así que hay que reescribirlas, no solo renombrar.`,
  },
});

const enforcePeername = (prefix: 'smtp' | 'lmtp'): Advice => ({
  name: `${prefix}_tls_enforce_peername`,
  valueMap: {
    yes: { parameter: `${prefix}_tls_security_level`, value: 'verify' },
    no: { parameter: `${prefix}_tls_security_level`, value: 'encrypt' },
  },
  advice: {
    en: `Express it with ${prefix}_tls_security_level: "verify" or "secure" check the peer name, "encrypt" does not.`,
    es: `Expréselo con ${prefix}_tls_security_level: «verify» o «secure» comprueban el nombre del servidor, «encrypt» no.`,
  },
});

/** A parameter renamed in a later release; the old name is still honoured through the new one's default. */
const renamed = (name: string, replacement: string): Advice => ({
  name,
  advice: {
    en: `Renamed: use ${replacement} instead.`,
    es: `Cambió de nombre: use ${replacement} en su lugar.`,
  },
});

const ADVICE: Advice[] = [
  {
    name: 'disable_dns_lookups',
    valueMap: { yes: { parameter: 'smtp_dns_support_level', value: 'disabled' }, no: null },
    advice: {
      en: 'Use smtp_dns_support_level = disabled to turn DNS off in the SMTP/LMTP client; to keep DNS on, just delete the line.',
      es: 'Use smtp_dns_support_level = disabled para que el cliente SMTP/LMTP no consulte el DNS; para dejarlo activo, basta con borrar la línea.',
    },
  },
  useTls('smtp'),
  useTls('lmtp'),
  useTls('smtpd'),
  useTls('postscreen'),
  useTls('tlsproxy'),
  enforceTls('smtp'),
  enforceTls('lmtp'),
  enforceTls('smtpd'),
  enforceTls('postscreen'),
  enforceTls('tlsproxy'),
  perSite('smtp_tls_per_site', 'smtp_tls_policy_maps'),
  perSite('lmtp_tls_per_site', 'lmtp_tls_policy_maps'),
  perSite('tlsproxy_client_per_site', 'tlsproxy_client_policy_maps'),
  enforcePeername('smtp'),
  enforcePeername('lmtp'),
  {
    name: 'smtpd_tls_dh1024_param_file',
    valueMap: {},
    advice: {
      en: 'Delete the line: the built-in Diffie-Hellman groups are the better choice.',
      es: 'Borre la línea: los grupos Diffie-Hellman que trae Postfix son la mejor opción.',
    },
  },
  {
    name: 'smtpd_tls_eecdh_grade',
    valueMap: {},
    advice: {
      en: 'Delete the line and let Postfix and OpenSSL pick the curves (tls_eecdh_auto_curves).',
      es: 'Borre la línea y deje que Postfix y OpenSSL elijan las curvas (tls_eecdh_auto_curves).',
    },
  },
  renamed('authorized_verp_clients', 'smtpd_authorized_verp_clients'),
  renamed('fallback_relay', 'smtp_fallback_relay'),
  renamed('lmtp_per_record_deadline', 'lmtp_per_request_deadline'),
  renamed('smtp_per_record_deadline', 'smtp_per_request_deadline'),
  renamed('smtpd_per_record_deadline', 'smtpd_per_request_deadline'),
  renamed('postscreen_blacklist_action', 'postscreen_denylist_action'),
  renamed('postscreen_whitelist_interfaces', 'postscreen_allowlist_interfaces'),
  renamed('postscreen_dnsbl_whitelist_threshold', 'postscreen_dnsbl_allowlist_threshold'),
  {
    name: 'permit_mx_backup',
    advice: {
      en: 'List the domains you are backup MX for in relay_domains (with recipient validation) instead.',
      es: 'En su lugar, ponga en relay_domains los dominios de los que este servidor es MX secundario (validando los destinatarios).',
    },
  },
  {
    name: 'check_relay_domains',
    advice: {
      en: 'Use permit_mynetworks followed by reject_unauth_destination.',
      es: 'Use permit_mynetworks seguido de reject_unauth_destination.',
    },
  },
  {
    name: 'reject_maps_rbl',
    advice: {
      en: 'Use reject_rbl_client followed by the DNS blocklist domain, e.g. reject_rbl_client zen.spamhaus.org.',
      es: 'Use reject_rbl_client seguido del dominio de la lista negra DNS, p. ej. reject_rbl_client zen.spamhaus.org.',
    },
  },
  {
    name: 'permit_naked_ip_address',
    advice: {
      en: 'Trust clients by network (permit_mynetworks) or by login (permit_sasl_authenticated) instead.',
      es: 'Confíe en los clientes por su red (permit_mynetworks) o por su autenticación (permit_sasl_authenticated).',
    },
  },
];

/** Our words when we have written none for a name: rename when there is a replacement, else delete. */
function generalAdvice(replacements: string[]): Deprecation['advice'] {
  if (replacements.length === 0) {
    return { en: 'Delete the line and leave it at its default.', es: 'Borre la línea y déjelo con su valor predeterminado.' };
  }
  return renamed('', replacements.join(', ')).advice;
}

let byName: Map<string, Deprecation> | undefined;

function index(): Map<string, Deprecation> {
  if (!byName) {
    const advice = new Map(ADVICE.map((a) => [a.name, a]));
    byName = new Map();
    for (const [name, facts] of allReleaseDeprecations()) {
      const own = advice.get(name);
      byName.set(name, {
        name,
        kind: getRestriction(name) ? 'restriction' : 'parameter',
        warnedSince: facts.warnedSince,
        ...(facts.removedIn ? { removedIn: facts.removedIn } : {}),
        replacements: facts.replacements,
        ...(own?.valueMap ? { valueMap: own.valueMap } : {}),
        advice: own?.advice ?? generalAdvice(facts.replacements),
      });
    }
  }
  return byName;
}

export function getDeprecation(name: string): Deprecation | undefined {
  return releaseDeprecation(name) ? index().get(name) : undefined;
}

export function allDeprecations(): readonly Deprecation[] {
  return [...index().values()];
}

/** Names we wrote advice for (the test checks each is a deprecation the releases list). */
export function advisedNames(): string[] {
  return ADVICE.map((a) => a.name);
}
