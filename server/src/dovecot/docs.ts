// Hover text for the Dovecot settings and sections a Postfix + Dovecot SASL setup touches, in our
// own words. Names and defaults come from the generated data (./settings.ts); settings without an
// entry here still get their default in hover.
export interface DovecotDoc {
  en: string;
  es: string;
}

export const DOVECOT_DOCS: Record<string, DovecotDoc> = {
  auth_mechanisms: {
    en: 'The SASL mechanisms Dovecot offers, to IMAP clients and to Postfix alike. Add `login` for Outlook-era clients; Postfix then advertises what is left after its own `smtpd_sasl_security_options`.',
    es: 'Los mecanismos SASL que ofrece Dovecot, tanto a los clientes IMAP como a Postfix. Añada `login` para clientes antiguos tipo Outlook; Postfix anuncia lo que queda tras sus `smtpd_sasl_security_options`.',
  },
  disable_plaintext_auth: {
    en: 'When yes, plaintext mechanisms (PLAIN, LOGIN) are refused unless the session is encrypted or comes from the same host. Postfix tells Dovecot whether its SMTP session uses TLS.',
    es: 'Con yes se rechazan los mecanismos en claro (PLAIN, LOGIN) salvo que la sesión vaya cifrada o venga del mismo equipo. Postfix le dice a Dovecot si su sesión SMTP usa TLS.',
  },
  auth_username_format: {
    en: 'How the login name is rewritten before the lookup: `%Lu` lower-cases it, `%Ln` drops the domain.',
    es: 'Cómo se reescribe el nombre de usuario antes de buscarlo: `%Lu` lo pasa a minúsculas, `%Ln` quita el dominio.',
  },
  auth_default_realm: {
    en: 'The domain added to names given without one.',
    es: 'El dominio que se añade a los nombres que llegan sin él.',
  },
  auth_realms: { en: 'Realms offered to DIGEST-MD5 clients.', es: 'Dominios ofrecidos a los clientes DIGEST-MD5.' },
  auth_verbose: { en: 'Log every failed login with its reason: the first thing to turn on when Postfix reports 535.', es: 'Registra cada inicio de sesión fallido con su motivo: lo primero que activar cuando Postfix da 535.' },
  auth_debug: { en: 'Very detailed logging of the authentication process.', es: 'Registro muy detallado del proceso de autenticación.' },
  auth_debug_passwords: { en: 'Also log the passwords tried. Only for a test machine.', es: 'Registra también las contraseñas probadas. Solo en una máquina de pruebas.' },
  protocols: { en: 'The protocols Dovecot serves (imap, pop3, lmtp, submission). Authentication for Postfix works whatever this says.', es: 'Los protocolos que sirve Dovecot (imap, pop3, lmtp, submission). La autenticación para Postfix funciona diga lo que diga.' },
  listen: { en: 'The addresses Dovecot listens on; `*, ::` means every IPv4 and IPv6 address.', es: 'Las direcciones en las que escucha Dovecot; `*, ::` son todas las IPv4 e IPv6.' },
  base_dir: { en: 'Where Dovecot puts its sockets; a listener path without a leading / is relative to it.', es: 'Dónde pone Dovecot sus sockets; la ruta de un listener sin / inicial es relativa a ella.' },
  ssl: { en: '`yes` offers TLS, `required` refuses plaintext sessions, `no` turns TLS off.', es: '`yes` ofrece TLS, `required` rechaza sesiones sin cifrar, `no` desactiva TLS.' },
  ssl_cert: { en: 'The certificate, usually written `</path` so that Dovecot reads the file.', es: 'El certificado, normalmente escrito `</ruta` para que Dovecot lea el fichero.' },
  ssl_key: { en: 'The private key, usually `</path`; keep the file readable by root only.', es: 'La clave privada, normalmente `</ruta`; deje el fichero legible solo por root.' },
  mail_location: { en: 'Where mailboxes are, such as `maildir:~/Maildir` or `mbox:~/mail:INBOX=/var/mail/%u`.', es: 'Dónde están los buzones, como `maildir:~/Maildir` o `mbox:~/mail:INBOX=/var/mail/%u`.' },
  first_valid_uid: { en: 'Users with a lower UID cannot log in.', es: 'Los usuarios con un UID menor no pueden iniciar sesión.' },
  default_internal_user: { en: 'The unprivileged user Dovecot runs its internal processes as.', es: 'El usuario sin privilegios con el que Dovecot ejecuta sus procesos internos.' },
  // Sections and the settings inside them.
  service: {
    en: "A Dovecot process type. `service auth` is the authentication service: its `unix_listener`s are the sockets that clients such as Postfix connect to.",
    es: 'Un tipo de proceso de Dovecot. `service auth` es el servicio de autenticación: sus `unix_listener` son los sockets a los que se conectan clientes como Postfix.',
  },
  unix_listener: {
    en: "A UNIX socket of the service. For Postfix: `unix_listener /var/spool/postfix/private/auth` with `mode = 0660`, `user = postfix` and `group = postfix`; main.cf then says `smtpd_sasl_type = dovecot` and `smtpd_sasl_path = private/auth`.",
    es: 'Un socket UNIX del servicio. Para Postfix: `unix_listener /var/spool/postfix/private/auth` con `mode = 0660`, `user = postfix` y `group = postfix`; main.cf dice entonces `smtpd_sasl_type = dovecot` y `smtpd_sasl_path = private/auth`.',
  },
  inet_listener: { en: 'A TCP port of the service.', es: 'Un puerto TCP del servicio.' },
  fifo_listener: { en: 'A named pipe of the service.', es: 'Una tubería con nombre del servicio.' },
  mode: { en: 'Permissions of the socket in octal. Connecting needs write permission: 0660 lets the owner and the group in.', es: 'Permisos del socket en octal. Conectarse exige permiso de escritura: 0660 deja entrar al dueño y al grupo.' },
  user: { en: 'The owner of the socket (in a listener) or the user the service runs as.', es: 'El dueño del socket (en un listener) o el usuario con el que se ejecuta el servicio.' },
  group: { en: 'The group of the socket (in a listener) or of the service.', es: 'El grupo del socket (en un listener) o del servicio.' },
  passdb: { en: 'Where passwords are checked: `driver = pam` for system users, `passwd-file` or `sql` for virtual ones.', es: 'Dónde se comprueban las contraseñas: `driver = pam` para usuarios del sistema, `passwd-file` o `sql` para virtuales.' },
  userdb: { en: 'Where user details (uid, home) are found; Postfix AUTH needs only the passdb.', es: 'Dónde se encuentran los datos del usuario (uid, home); AUTH de Postfix solo necesita la passdb.' },
  driver: { en: 'The backend of this passdb or userdb: pam, passwd, passwd-file, sql, ldap, static...', es: 'El motor de esta passdb o userdb: pam, passwd, passwd-file, sql, ldap, static...' },
  args: { en: 'Arguments of the driver, such as the file of a passwd-file.', es: 'Argumentos del motor, como el fichero de un passwd-file.' },
  namespace: { en: 'A set of mailboxes, such as the inbox namespace.', es: 'Un conjunto de buzones, como el espacio de nombres de la bandeja de entrada.' },
  protocol: { en: 'Settings that apply to one protocol only, such as `protocol imap { }`.', es: 'Ajustes que valen solo para un protocolo, como `protocol imap { }`.' },
  plugin: { en: 'Settings of plugins; any name is accepted here.', es: 'Ajustes de los plugins; aquí se acepta cualquier nombre.' },
  '!include': { en: 'Reads the files that match, in order; an error if none matches.', es: 'Lee los ficheros que coinciden, en orden; error si no coincide ninguno.' },
  '!include_try': { en: 'Like !include, but nothing happens when no file matches.', es: 'Como !include, pero no pasa nada si no coincide ningún fichero.' },
};
