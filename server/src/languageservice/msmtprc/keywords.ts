// The msmtp configuration commands, what values they take, and a one-line note in both languages
// for completion and hover. Checked against msmtp 1.8.23 (Debian 12) by test/server/languageservice/
// msmtprc/msmtp.test.ts: what it refuses, we report as an error.

export type ValueKind =
  | { kind: 'none' }
  /** Free text; `required` when msmtp refuses the command without an argument. */
  | { kind: 'text'; required?: boolean }
  /** One of fixed words (case-sensitive, like msmtp); written alone it means `empty` when given. */
  | { kind: 'choice'; values: readonly string[]; empty?: 'allowed' | 'required' }
  /** A whole number in [min, max]; `words` lists other accepted values (timeout off). */
  | { kind: 'number'; min: number; max: number; words?: readonly string[]; required?: boolean }
  /** dsn_notify: off, never, or a comma-separated list of failure, delay, success. */
  | { kind: 'dsn-notify' };

export interface MsmtpKeyword {
  name: string;
  value: ValueKind;
  en: string;
  es: string;
}

const text: ValueKind = { kind: 'text' };
const required: ValueKind = { kind: 'text', required: true };
const onOff: ValueKind = { kind: 'choice', values: ['on', 'off'], empty: 'allowed' };
const port: ValueKind = { kind: 'number', min: 1, max: 65535, required: true };

export const MSMTP_KEYWORDS: readonly MsmtpKeyword[] = [
  { name: 'defaults', value: { kind: 'none' }, en: 'Settings shared by every account below.', es: 'Valores comunes a todas las cuentas de abajo.' },
  { name: 'account', value: text, en: "Starts an account: 'account NAME [: PARENT,...]'.", es: "Empieza una cuenta: 'account NOMBRE [: PADRE,...]'." },
  { name: 'host', value: required, en: 'The SMTP server to connect to (a name or an IP address).', es: 'El servidor SMTP al que conectar (nombre o dirección IP).' },
  { name: 'port', value: port, en: 'The server port: 25, 465 (TLS from the start) or 587 (STARTTLS).', es: 'Puerto del servidor: 25, 465 (TLS desde el principio) o 587 (STARTTLS).' },
  { name: 'source_ip', value: text, en: 'The local address to connect from.', es: 'La dirección local desde la que conectar.' },
  { name: 'proxy_host', value: text, en: 'A SOCKS proxy to connect through.', es: 'Un proxy SOCKS a través del que conectar.' },
  { name: 'proxy_port', value: { kind: 'number', min: 1, max: 65535 }, en: 'The SOCKS proxy port.', es: 'El puerto del proxy SOCKS.' },
  { name: 'socket', value: text, en: 'A local socket to use instead of host and port.', es: 'Un socket local en lugar de host y puerto.' },
  { name: 'timeout', value: { kind: 'number', min: 1, max: 2147483647, words: ['off'], required: true }, en: "Network timeout in seconds, or 'off'.", es: "Tiempo de espera de red en segundos, u 'off'." },
  { name: 'protocol', value: { kind: 'choice', values: ['smtp', 'lmtp'], empty: 'required' }, en: 'smtp or lmtp.', es: 'smtp o lmtp.' },
  { name: 'domain', value: text, en: 'The name sent with EHLO.', es: 'El nombre que se envía con EHLO.' },
  {
    name: 'auth',
    value: { kind: 'choice', values: ['on', 'off', 'plain', 'login', 'scram-sha-1', 'scram-sha-256', 'cram-md5', 'digest-md5', 'external', 'gssapi', 'ntlm', 'oauthbearer', 'xoauth2'], empty: 'allowed' },
    en: "Authentication: 'on' picks a method, 'off' sends without AUTH, or name a method such as plain.",
    es: "Autenticación: 'on' elige el método, 'off' envía sin AUTH, o indique un método como plain.",
  },
  { name: 'user', value: text, en: 'The user name for AUTH.', es: 'El usuario para AUTH.' },
  { name: 'password', value: text, en: 'The password for AUTH; without it msmtp asks. Keep the file mode 600.', es: 'La contraseña para AUTH; si falta, msmtp la pide. Deje el fichero con permisos 600.' },
  { name: 'passwordeval', value: text, en: 'A command whose output is the password.', es: 'Una orden cuya salida es la contraseña.' },
  { name: 'tls', value: onOff, en: 'Use TLS.', es: 'Usar TLS.' },
  { name: 'tls_starttls', value: onOff, en: "on: STARTTLS after connecting (25, 587); off: TLS from the first byte (465).", es: 'on: STARTTLS tras conectar (25, 587); off: TLS desde el primer byte (465).' },
  { name: 'tls_trust_file', value: text, en: "CA certificates to trust, or 'system'.", es: "Certificados de CA de confianza, o 'system'." },
  { name: 'tls_crl_file', value: text, en: 'A certificate revocation list.', es: 'Una lista de revocación de certificados.' },
  { name: 'tls_fingerprint', value: text, en: "Trust exactly the server certificate with this SHA256 fingerprint.", es: 'Confiar solo en el certificado del servidor con esta huella SHA256.' },
  { name: 'tls_key_file', value: text, en: 'A client key for TLS client authentication.', es: 'Una clave de cliente para autenticación TLS.' },
  { name: 'tls_cert_file', value: text, en: 'A client certificate for TLS client authentication.', es: 'Un certificado de cliente para autenticación TLS.' },
  { name: 'tls_certcheck', value: onOff, en: 'Check the server certificate (on by default).', es: 'Comprobar el certificado del servidor (activado por omisión).' },
  { name: 'tls_min_dh_prime_bits', value: { kind: 'number', min: 1, max: 2147483647 }, en: 'Minimum Diffie-Hellman prime size.', es: 'Tamaño mínimo del primo Diffie-Hellman.' },
  { name: 'tls_priorities', value: text, en: 'TLS priority string for the TLS library.', es: 'Cadena de prioridades TLS para la biblioteca TLS.' },
  { name: 'tls_host_override', value: text, en: 'The name to verify the certificate against instead of host.', es: 'El nombre con el que verificar el certificado en lugar de host.' },
  { name: 'from', value: text, en: 'The envelope sender address.', es: 'La dirección de remitente del sobre.' },
  { name: 'allow_from_override', value: { kind: 'choice', values: ['on', 'off'], empty: 'required' }, en: 'Whether -f/--from may replace from.', es: 'Si -f/--from puede sustituir a from.' },
  { name: 'dsn_notify', value: { kind: 'dsn-notify' }, en: "When to ask for delivery status notifications: 'off' or failure,delay,success, or never.", es: "Cuándo pedir notificaciones de entrega: 'off' o failure,delay,success, o never." },
  { name: 'dsn_return', value: { kind: 'choice', values: ['off', 'headers', 'full'], empty: 'required' }, en: 'How much of the message a DSN returns.', es: 'Qué parte del mensaje devuelve una notificación.' },
  { name: 'set_from_header', value: { kind: 'choice', values: ['auto', 'on', 'off'], empty: 'allowed' }, en: 'Add or replace the From header.', es: 'Añadir o sustituir la cabecera From.' },
  { name: 'set_date_header', value: { kind: 'choice', values: ['auto', 'off'], empty: 'allowed' }, en: 'Add a Date header when missing.', es: 'Añadir una cabecera Date si falta.' },
  { name: 'set_msgid_header', value: { kind: 'choice', values: ['auto', 'off'], empty: 'allowed' }, en: 'Add a Message-ID header when missing.', es: 'Añadir una cabecera Message-ID si falta.' },
  { name: 'remove_bcc_headers', value: onOff, en: 'Remove Bcc headers before sending.', es: 'Quitar las cabeceras Bcc antes de enviar.' },
  { name: 'undisclosed_recipients', value: onOff, en: 'Replace To/Cc/Bcc with "undisclosed-recipients:;".', es: 'Sustituir To/Cc/Bcc por "undisclosed-recipients:;".' },
  { name: 'logfile', value: text, en: "Log file, or '-' for standard output.", es: "Fichero de registro, o '-' para la salida estándar." },
  { name: 'logfile_time_format', value: text, en: 'strftime format of log times.', es: 'Formato strftime de las horas del registro.' },
  { name: 'syslog', value: { kind: 'choice', values: ['on', 'off', 'LOG_USER', 'LOG_MAIL', 'LOG_LOCAL0', 'LOG_LOCAL1', 'LOG_LOCAL2', 'LOG_LOCAL3', 'LOG_LOCAL4', 'LOG_LOCAL5', 'LOG_LOCAL6', 'LOG_LOCAL7'], empty: 'allowed' }, en: "Log to syslog: on, off, or a facility such as LOG_MAIL.", es: 'Registrar en syslog: on, off o una facility como LOG_MAIL.' },
  { name: 'aliases', value: text, en: 'A file of local aliases to expand recipients with.', es: 'Un fichero de alias locales con el que expandir destinatarios.' },
  { name: 'auto_from', value: onOff, en: 'Build from as user@maildomain (old msmtp; newer ones use from with %U@%H).', es: 'Construir from como usuario@maildomain (msmtp antiguo; los nuevos usan from con %U@%H).' },
  { name: 'maildomain', value: text, en: 'The domain auto_from uses.', es: 'El dominio que usa auto_from.' },
  { name: 'eval', value: required, en: 'Run a command and read its output as configuration commands.', es: 'Ejecutar una orden y leer su salida como configuración.' },
  // Accepted by msmtp 1.8 for old configuration files, but without effect or replaced.
  { name: 'tls_nocertcheck', value: { kind: 'none' }, en: "Old spelling of 'tls_certcheck off'.", es: "Forma antigua de 'tls_certcheck off'." },
  { name: 'ntlmdomain', value: text, en: 'Old NTLM setting; ignored.', es: 'Ajuste NTLM antiguo; se ignora.' },
  { name: 'keepbcc', value: onOff, en: "Old spelling of 'remove_bcc_headers off'.", es: "Forma antigua de 'remove_bcc_headers off'." },
  { name: 'add_missing_from_header', value: onOff, en: 'Old setting; use set_from_header.', es: 'Ajuste antiguo; use set_from_header.' },
  { name: 'add_missing_date_header', value: onOff, en: 'Old setting; use set_date_header.', es: 'Ajuste antiguo; use set_date_header.' },
];

const byName = new Map(MSMTP_KEYWORDS.map((k) => [k.name, k]));

export function msmtpKeyword(name: string): MsmtpKeyword | undefined {
  return byName.get(name);
}
