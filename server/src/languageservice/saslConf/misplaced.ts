// Words that belong in another place of the SASL set-up, as howtos for older releases and other
// daemons write them into smtpd.conf: saslauthd's LDAP options (read by saslauthd from
// /etc/saslauthd.conf, never by libsasl), saslauthd's mechanisms given as a pwcheck_method or an
// auxprop plugin, auxprop plugins given as a pwcheck_method (SASL 1's `pwcheck_method: sasldb`),
// and the databases of the sql plugin given as plugins (a `mysql` plugin existed before 2.1.18).
import type { MessageKey } from '../../l10n';
import { SASLAUTHD_MECHANISMS } from '../saslauthd/variables';

/** The options saslauthd's LDAP mechanism reads from /etc/saslauthd.conf (saslauthd/lak.c). */
const SASLAUTHD_LDAP_OPTIONS = new Set([
  'ldap_auth_method', 'ldap_authz_id', 'ldap_bind_dn', 'ldap_bind_pw', 'ldap_debug', 'ldap_default_domain', 'ldap_default_realm',
  'ldap_deref', 'ldap_filter', 'ldap_group_attr', 'ldap_group_dn', 'ldap_group_filter', 'ldap_group_match_method', 'ldap_group_scope',
  'ldap_group_search_base', 'ldap_id', 'ldap_mech', 'ldap_password', 'ldap_password_attr', 'ldap_realm', 'ldap_referrals', 'ldap_restart',
  'ldap_sasl_authc_id', 'ldap_sasl_authz_id', 'ldap_sasl_mech', 'ldap_sasl_realm', 'ldap_sasl_secprops', 'ldap_scope', 'ldap_search_base',
  'ldap_servers', 'ldap_size_limit', 'ldap_start_tls', 'ldap_time_limit', 'ldap_timeout', 'ldap_tls_cacert_dir', 'ldap_tls_cacert_file',
  'ldap_tls_cert', 'ldap_tls_check_peer', 'ldap_tls_ciphers', 'ldap_tls_key', 'ldap_use_sasl', 'ldap_version',
]);

const AUXPROP_PLUGINS = ['sasldb', 'sql', 'ldapdb'];
const SQL_ENGINES = ['mysql', 'pgsql', 'sqlite', 'sqlite3'];

export interface Misplaced {
  key: MessageKey;
  args: string[];
}

/** An option libsasl does not read that another part of the set-up does. */
export function misplacedOption(key: string): Misplaced | undefined {
  return SASLAUTHD_LDAP_OPTIONS.has(key) ? { key: 'saslconf.saslauthd-ldap-option', args: [key] } : undefined;
}

/** A word outside an option's values that names something of another part, with where it goes. */
export function misplacedValue(option: string, word: string): Misplaced | undefined {
  const w = word.toLowerCase();
  if (option !== 'pwcheck_method' && option !== 'auxprop_plugin') return undefined;
  // sasldb is both: as a pwcheck_method it is SASL 1's way of saying the auxprop plugin.
  if (option === 'pwcheck_method' && AUXPROP_PLUGINS.includes(w)) return { key: 'saslconf.auxprop-plugin-as-pwcheck', args: [word] };
  if (SASLAUTHD_MECHANISMS.includes(w)) return { key: 'saslconf.saslauthd-mechanism', args: [word, option] };
  if (option === 'auxprop_plugin' && SQL_ENGINES.includes(w)) return { key: 'saslconf.sql-engine-as-plugin', args: [word] };
  return undefined;
}
