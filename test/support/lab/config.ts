// The text of our loopback mail lab: a Postfix instance of its own (config, queue and data
// directories under the lab folder, so it never touches /etc/postfix) and an auth-only Dovecot that
// gives smtpd its SASL. The three lesson ports are mapped to high loopback ports; the extra smtpd
// services are each broken in one way the lesson warns about.

export interface LabPorts {
  /** Port 25: STARTTLS offered, no AUTH, no relaying. */
  smtp: number;
  /** Port 465: TLS from the first byte, AUTH. */
  smtps: number;
  /** Port 587: STARTTLS required, AUTH only after TLS. */
  submission: number;
  /** A submission service that offers AUTH before TLS. */
  authBeforeTls: number;
  /** An MX service that relays for anyone. */
  openRelay: number;
  /** An MX service without STARTTLS. */
  noStarttls: number;
  /** An smtps service whose certificate has expired. */
  expiredCert: number;
  /** An smtps service whose certificate is for another host name. */
  wrongName: number;
}

export const LAB_HOSTNAME = 'smtp.mail1.org';
export const LAB_USER = 'alice@mail1.org';

export function labPorts(base = Number(process.env.MAILCONF_LAB_PORT_BASE ?? 12000)): LabPorts {
  return {
    smtp: base + 25,
    smtps: base + 465,
    submission: base + 587,
    authBeforeTls: base + 588,
    openRelay: base + 26,
    noStarttls: base + 27,
    expiredCert: base + 466,
    wrongName: base + 467,
  };
}

export interface LabPaths {
  dir: string;
  etc: string;
  spool: string;
  data: string;
  log: string;
  tls: string;
  dovecotConf: string;
  users: string;
}

export function mainCf(p: LabPaths): string {
  return `# mailconf SMTP test lab (generated; loopback only)
compatibility_level = 3.6
queue_directory = ${p.spool}
data_directory = ${p.data}
myhostname = ${LAB_HOSTNAME}
mydomain = mail1.org
myorigin = $mydomain
mydestination = mail1.org, localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
biff = no
smtpd_banner = $myhostname ESMTP mailconf lab
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
relayhost = [127.0.0.1]:9
maillog_file_prefixes = ${p.log}
maillog_file = ${p.log}/postfix.log
smtpd_tls_chain_files = ${p.tls}/good.key, ${p.tls}/good.pem
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = no
# permit_mynetworks left out on purpose: the tests connect from 127.0.0.1 and must not be trusted
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
`;
}

/** The unix-domain services every lab master.cf needs, none of them chrooted. */
export const UNIX_SERVICES = `pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;

export function masterCf(p: LabPaths, ports: LabPorts): string {
  const svc = (port: number, name: string, opts: string[]) =>
    [`127.0.0.1:${port} inet n - n - - smtpd`, `  -o syslog_name=postfix/${name}`, ...opts.map((o) => `  -o ${o}`)].join('\n');
  const submission = ['smtpd_tls_security_level=encrypt', 'smtpd_sasl_auth_enable=yes', 'smtpd_tls_auth_only=yes', 'smtpd_relay_restrictions=permit_sasl_authenticated,reject'];
  const smtps = ['smtpd_tls_wrappermode=yes', 'smtpd_sasl_auth_enable=yes', 'smtpd_relay_restrictions=permit_sasl_authenticated,reject'];
  const cert = (name: string) => `smtpd_tls_chain_files=${p.tls}/${name}.key,${p.tls}/${name}.pem`;
  return `# mailconf SMTP test lab (generated; loopback only)
${svc(ports.smtp, 'smtp', [])}
${svc(ports.submission, 'submission', submission)}
${svc(ports.smtps, 'submissions', smtps)}
# deliberately misconfigured services
${svc(ports.authBeforeTls, 'auth-before-tls', ['smtpd_tls_security_level=may', 'smtpd_sasl_auth_enable=yes', 'smtpd_tls_auth_only=no', 'smtpd_relay_restrictions=permit_sasl_authenticated,reject'])}
${svc(ports.openRelay, 'open-relay', ['smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination'])}
${svc(ports.noStarttls, 'no-starttls', ['smtpd_tls_security_level=none'])}
${svc(ports.expiredCert, 'expired-cert', [...smtps, cert('expired')])}
${svc(ports.wrongName, 'wrong-name', [...smtps, cert('wrong')])}
${UNIX_SERVICES}`;
}

export function dovecotConf(p: LabPaths): string {
  return `# mailconf SMTP test lab: auth-only Dovecot (generated; does not read /etc/dovecot)
protocols =
listen = 127.0.0.1
base_dir = ${p.dir}/run/dovecot
state_dir = ${p.dir}/run/dovecot-state
log_path = ${p.log}/dovecot.log
auth_mechanisms = plain login cram-md5
# the tests try wrong passwords on purpose; they do so last, as Dovecot then slows down every
# later AUTH from the same address (its per-IP penalty)
auth_failure_delay = 0
disable_plaintext_auth = no
ssl = no
passdb {
  driver = passwd-file
  args = username_format=%u ${p.users}
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent allow_all_users=yes
}
service auth {
  unix_listener ${p.spool}/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
`;
}
