// Hand-written value types for the parameters whose type cannot be read off their default:
// enumerations, lists, and free text whose shape matters. Everything here is a fact about
// Postfix 3.7 (which words it accepts, read from the function that parses each value), written
// down by us; numbers, times and booleans come from Postfix's own tables (valueKinds.ts) instead. lmtp_* parameters inherit the entry
// of their smtp_* twin (see valueTypes.ts), so only smtp_* is listed.
import type { ValueType } from './valueTypes';

const bool: ValueType = { kind: 'boolean' };
const size: ValueType = { kind: 'size' };
const tables: ValueType = { kind: 'lookupTables' };
const oneTable: ValueType = { kind: 'lookupTables', single: true };
const domains: ValueType = { kind: 'list', item: 'domain' };
const networks: ValueType = { kind: 'list', item: 'network' };
const names: ValueType = { kind: 'list', item: 'name' };
const path: ValueType = { kind: 'string', format: 'path' };
const transport: ValueType = { kind: 'string', format: 'transport' };
const nexthop: ValueType = { kind: 'string', format: 'nexthop' };
const text: ValueType = { kind: 'string', format: 'text' };
const enumOf = (values: string[], extra: { multiple?: boolean; allowEmpty?: boolean; exactCase?: boolean } = {}): ValueType => ({ kind: 'enum', values, ...extra });

const SERVER_TLS_LEVELS = ['none', 'may', 'encrypt'];
const CLIENT_TLS_LEVELS = ['none', 'may', 'encrypt', 'dane', 'dane-only', 'fingerprint', 'verify', 'secure'];
const CIPHER_GRADES = ['export', 'low', 'medium', 'high', 'null'];
// xsasl_cyrus_security.c's table (Dovecot's takes the same names but forward_secrecy).
const SASL_OPTIONS = ['noanonymous', 'noplaintext', 'noactive', 'nodictionary', 'forward_secrecy', 'mutual_auth'];
const POSTSCREEN_ACTIONS = ['ignore', 'enforce', 'drop'];

export const CURATED_TYPES: Record<string, ValueType> = {
  // Identity and addressing
  myhostname: { kind: 'string', format: 'hostname' },
  mydomain: { kind: 'string', format: 'domain' },
  // Debian also accepts a file name here (/etc/mailname) and reads the domain from it.
  myorigin: { kind: 'string', format: 'domain' },
  mydestination: domains,
  relay_domains: domains,
  virtual_alias_domains: domains,
  virtual_mailbox_domains: domains,
  masquerade_domains: domains,
  fast_flush_domains: domains,
  mynetworks: networks,
  smtpd_sasl_exceptions_networks: networks,
  permit_mx_backup_networks: networks,
  smtpd_authorized_xclient_hosts: networks,
  smtpd_authorized_xforward_hosts: networks,
  // Read with name_mask(), which compares exactly.
  mynetworks_style: enumOf(['host', 'subnet', 'class'], { exactCase: true }),
  inet_interfaces: { kind: 'list', item: 'interface' },
  proxy_interfaces: { kind: 'list', item: 'interface' },
  inet_protocols: enumOf(['all', 'ipv4', 'ipv6'], { multiple: true }),
  compatibility_level: { kind: 'string', format: 'level' },
  recipient_delimiter: text,
  smtpd_banner: text,
  mail_name: text,
  relayhost: nexthop,
  smtp_fallback_relay: { kind: 'list', item: 'other' },
  // Delivery
  default_transport: transport,
  local_transport: transport,
  virtual_transport: transport,
  relay_transport: transport,
  mailbox_transport: transport,
  fallback_transport: transport,
  content_filter: transport,
  home_mailbox: path,
  mail_spool_directory: path,
  mailbox_command: { kind: 'string', format: 'command' },
  mailbox_size_limit: size,
  message_size_limit: size,
  virtual_mailbox_limit: size,
  virtual_mailbox_base: path,
  alias_database: tables,
  alias_maps: tables,
  local_recipient_maps: tables,
  notify_classes: enumOf(['bounce', '2bounce', 'data', 'delay', 'policy', 'protocol', 'resource', 'software'], { multiple: true, allowEmpty: true }),
  allow_mail_to_commands: enumOf(['alias', 'forward', 'include'], { multiple: true, allowEmpty: true }),
  allow_mail_to_files: enumOf(['alias', 'forward', 'include'], { multiple: true, allowEmpty: true }),
  mailbox_delivery_lock: enumOf(['fcntl', 'flock', 'dotlock'], { multiple: true }),
  virtual_mailbox_lock: enumOf(['fcntl', 'flock', 'dotlock'], { multiple: true }),
  // Any map type this Postfix has (postconf -m), not a fixed list.
  default_database_type: text,
  // SMTP server
  smtpd_restriction_classes: names,
  smtpd_milters: { kind: 'list', item: 'other' },
  non_smtpd_milters: { kind: 'list', item: 'other' },
  milter_default_action: enumOf(['accept', 'reject', 'tempfail', 'quarantine']),
  // A version and protocol extensions, as milter8.c reads it: "6" or "6 no_header_reply".
  milter_protocol: enumOf(['2', '3', '4', '6', 'no_header_reply'], { multiple: true }),
  smtpd_forbid_bare_newline: enumOf(['yes', 'no', 'normalize', 'reject']),
  reject_tempfail_action: enumOf(['defer', 'defer_if_permit', 'defer_if_reject']),
  unverified_recipient_tempfail_action: enumOf(['defer', 'defer_if_permit', 'defer_if_reject']),
  unverified_sender_tempfail_action: enumOf(['defer', 'defer_if_permit', 'defer_if_reject']),
  unknown_address_tempfail_action: enumOf(['defer', 'defer_if_permit', 'defer_if_reject']),
  unknown_helo_hostname_tempfail_action: enumOf(['defer', 'defer_if_permit', 'defer_if_reject']),
  // smtpd stops on dane and dane-only, but only warns about the client-side verify, secure and
  // fingerprint levels and uses encrypt for them.
  smtpd_tls_security_level: { ...enumOf(SERVER_TLS_LEVELS, { allowEmpty: true }), tolerated: { verify: 'encrypt', secure: 'encrypt', fingerprint: 'encrypt' } } as ValueType,
  smtpd_tls_ciphers: enumOf(CIPHER_GRADES),
  smtpd_tls_mandatory_ciphers: enumOf(CIPHER_GRADES),
  smtpd_tls_eecdh_grade: enumOf(['none', 'strong', 'ultra', 'auto']),
  // A level 0-4 or named log features (tls_log_mask), so free text rather than a number.
  smtpd_tls_loglevel: text,
  smtpd_tls_cert_file: path,
  smtpd_tls_key_file: path,
  smtpd_tls_chain_files: { kind: 'list', item: 'other' },
  // Any digest OpenSSL knows by name (sha224, sha384, ...), so not a closed choice.
  smtpd_tls_fingerprint_digest: text,
  smtpd_tls_session_cache_database: oneTable,
  smtpd_sasl_type: enumOf(['cyrus', 'dovecot']),
  smtpd_sasl_path: text,
  smtpd_sasl_security_options: enumOf(SASL_OPTIONS, { multiple: true, allowEmpty: true }),
  smtpd_sasl_tls_security_options: enumOf(SASL_OPTIONS, { multiple: true, allowEmpty: true }),
  smtpd_sasl_local_domain: { kind: 'string', format: 'domain' },
  smtpd_sender_login_maps: tables,
  // SMTP client (lmtp_* follows)
  smtp_tls_security_level: enumOf(CLIENT_TLS_LEVELS, { allowEmpty: true }),
  smtp_tls_ciphers: enumOf(CIPHER_GRADES),
  smtp_tls_mandatory_ciphers: enumOf(CIPHER_GRADES),
  smtp_tls_loglevel: text,
  smtp_tls_fingerprint_digest: text,
  smtp_tls_session_cache_database: oneTable,
  smtp_dns_support_level: enumOf(['enabled', 'disabled', 'dnssec'], { allowEmpty: true }),
  smtp_host_lookup: enumOf(['dns', 'native'], { multiple: true }),
  smtp_address_preference: enumOf(['ipv4', 'ipv6', 'any']),
  smtp_address_verify_target: enumOf(['rcpt', 'data']),
  smtp_sasl_type: enumOf(['cyrus']),
  smtp_sasl_security_options: enumOf(SASL_OPTIONS, { multiple: true, allowEmpty: true }),
  smtp_sasl_tls_security_options: enumOf(SASL_OPTIONS, { multiple: true, allowEmpty: true }),
  smtp_sasl_password_maps: tables,
  smtp_tls_policy_maps: tables,
  receive_override_options: enumOf(['no_unknown_recipient_checks', 'no_address_mappings', 'no_header_body_checks', 'no_milters'], { multiple: true, allowEmpty: true }),
  always_bcc: { kind: 'string', format: 'address' },
  luser_relay: { kind: 'string', format: 'address' },
  masquerade_exceptions: names,
  forward_path: { kind: 'list', item: 'other' },
  address_verify_map: oneTable,
  default_rbl_reply: text,
  // TLS and SASL details (protocol lists look like ">=TLSv1.2" or "!SSLv2, !SSLv3")
  smtpd_tls_protocols: { kind: 'list', item: 'other' },
  smtpd_tls_mandatory_protocols: { kind: 'list', item: 'other' },
  smtpd_tls_exclude_ciphers: { kind: 'list', item: 'other' },
  smtp_tls_protocols: { kind: 'list', item: 'other' },
  smtp_tls_mandatory_protocols: { kind: 'list', item: 'other' },
  smtp_tls_exclude_ciphers: { kind: 'list', item: 'other' },
  smtp_tls_per_site: tables,
  smtp_tls_servername: text,
  smtp_bind_address: text,
  smtp_sasl_mechanism_filter: { kind: 'list', item: 'other' },
  smtpd_sasl_service: text,
  cyrus_sasl_config_path: path,
  tls_ssl_options: { kind: 'list', item: 'other' },
  tls_random_source: text,
  // Logging and housekeeping
  debug_peer_list: { kind: 'list', item: 'network' },
  maillog_file_prefixes: { kind: 'list', item: 'other' },
  syslog_name: text,
  mail_owner: text,
  setgid_group: text,
  double_bounce_sender: text,
  sendmail_path: path,
  newaliases_path: path,
  mailq_path: path,
  maillog_file: path,
  header_from_format: enumOf(['standard', 'obsolete']),
  info_log_address_format: enumOf(['external', 'internal']),
  sendmail_fix_line_endings: enumOf(['always', 'strict', 'never']),
  // msg_syslog.c's facility table, compared with strcmp.
  syslog_facility: enumOf(['auth', 'authpriv', 'cron', 'daemon', 'ftp', 'kern', 'lpr', 'mail', 'news', 'security', 'syslog', 'user', 'uucp', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'], { exactCase: true }),
  tls_preempt_cipherlist: bool,
  // postscreen
  postscreen_dnsbl_action: enumOf(POSTSCREEN_ACTIONS),
  postscreen_greet_action: enumOf(POSTSCREEN_ACTIONS),
  postscreen_denylist_action: enumOf(POSTSCREEN_ACTIONS),
  postscreen_pipelining_action: enumOf(POSTSCREEN_ACTIONS),
  postscreen_non_smtp_command_action: enumOf(POSTSCREEN_ACTIONS),
  postscreen_bare_newline_action: enumOf(POSTSCREEN_ACTIONS),
  postscreen_access_list: { kind: 'list', item: 'network' },
  postscreen_dnsbl_sites: { kind: 'list', item: 'domain' },
};
