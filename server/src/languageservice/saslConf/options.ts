// The options libsasl2 and its plugins read from an application's configuration file, with a note
// in our words for completion and hover, and the values of those that take fixed words.
export interface SaslOptionInfo {
  name: string;
  /** Accepted words (a space-separated list of them for the list options). */
  values?: readonly string[];
  list?: boolean;
  /**
   * How libsasl reads a value that is not one of `values` (then only suggestions): a switch is on
   * for a value starting with a lowercase 1, y, t or 'on' and off for anything else; an integer
   * goes through atoi(), which reads a value that does not start with a number as 0.
   */
  reads?: 'switch' | 'integer';
  en: string;
  es: string;
}

/** Mechanism names as libsasl2's plugins register them. */
export const SASL_MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5', 'DIGEST-MD5', 'SCRAM-SHA-1', 'SCRAM-SHA-256', 'SCRAM-SHA-224', 'SCRAM-SHA-384', 'SCRAM-SHA-512', 'GSSAPI', 'GS2-KRB5', 'GS2-IAKERB', 'GSS-SPNEGO', 'EXTERNAL', 'ANONYMOUS', 'OTP', 'NTLM', 'SRP', 'PASSDSS-3DES-1'];

export const SASL_OPTIONS: readonly SaslOptionInfo[] = [
  {
    name: 'pwcheck_method',
    values: ['saslauthd', 'auxprop', 'pwcheck', 'authdaemond', 'alwaystrue'],
    list: true,
    en: 'How passwords are checked: `saslauthd` asks the saslauthd daemon (the lesson), `auxprop` reads a database such as sasldb2 through `auxprop_plugin`.',
    es: 'Cómo se comprueban las contraseñas: `saslauthd` pregunta al demonio saslauthd (la práctica), `auxprop` lee una base como sasldb2 mediante `auxprop_plugin`.',
  },
  {
    name: 'mech_list',
    values: SASL_MECHANISMS,
    list: true,
    en: "The mechanisms offered to clients. With saslauthd only the plaintext ones work: `PLAIN LOGIN`. Postfix then removes those its `smtpd_sasl_security_options` forbid.",
    es: 'Los mecanismos que se ofrecen a los clientes. Con saslauthd solo funcionan los de texto en claro: `PLAIN LOGIN`. Postfix quita después los que prohíben sus `smtpd_sasl_security_options`.',
  },
  {
    name: 'saslauthd_path',
    en: "The saslauthd socket (mux). Inside Postfix's chroot it is seen relative to the queue directory, so `/var/run/saslauthd/mux` means `/var/spool/postfix/var/run/saslauthd/mux`.",
    es: 'El socket de saslauthd (mux). Dentro de la jaula de Postfix se ve relativo al directorio de la cola, así que `/var/run/saslauthd/mux` es `/var/spool/postfix/var/run/saslauthd/mux`.',
  },
  { name: 'auxprop_plugin', values: ['sasldb', 'sql', 'ldapdb'], list: true, en: 'The auxprop plugins to read user data from, such as `sasldb` or `sql`.', es: 'Los plugins auxprop de los que leer los datos de usuario, como `sasldb` o `sql`.' },
  { name: 'log_level', values: ['0', '1', '2', '3', '4', '5', '6', '7'], reads: 'integer', en: 'How much libsasl logs, 0 (nothing) to 7 (passwords too).', es: 'Cuánto registra libsasl, de 0 (nada) a 7 (también contraseñas).' },
  { name: 'sasldb_path', en: 'The sasldb2 file for the sasldb auxprop plugin.', es: 'El fichero sasldb2 del plugin auxprop sasldb.' },
  { name: 'sasldb_mapsize', reads: 'integer', en: 'The map size in bytes of an LMDB sasldb.', es: 'El tamaño del mapa en bytes de una sasldb LMDB.' },
  { name: 'sasldb_maxreaders', reads: 'integer', en: 'The most readers an LMDB sasldb allows at once.', es: 'El máximo de lectores simultáneos de una sasldb LMDB.' },
  { name: 'client_mech_list', values: SASL_MECHANISMS, list: true, en: 'The mechanisms a client program may use (the `mech_list` of the client side).', es: 'Los mecanismos que puede usar un programa cliente (el `mech_list` del lado cliente).' },
  { name: 'auto_transition', values: ['yes', 'no', 'noplain'], reads: 'switch', en: 'Store other secrets for a user when a plaintext login succeeds.', es: 'Guardar otros secretos del usuario cuando un inicio en claro tiene éxito.' },
  { name: 'canon_user_plugin', en: 'The plugin that canonicalizes user names.', es: 'El plugin que normaliza los nombres de usuario.' },
  { name: 'authdaemond_path', en: 'The Courier authdaemond socket, for pwcheck_method: authdaemond.', es: 'El socket de authdaemond de Courier, para pwcheck_method: authdaemond.' },
  { name: 'plugin_list', en: 'A file that lists the plugins to load.', es: 'Un fichero con la lista de plugins que cargar.' },
  { name: 'ad_compat', values: ['yes', 'no'], reads: 'switch', en: 'GSSAPI, client side: offer the security layers the way Active Directory expects.', es: 'GSSAPI, lado cliente: ofrecer las capas de seguridad como espera Active Directory.' },
  { name: 'keytab', en: 'The Kerberos keytab for GSSAPI.', es: 'El keytab de Kerberos para GSSAPI.' },
  { name: 'reauth_timeout', reads: 'integer', en: 'Minutes DIGEST-MD5 keeps session data for fast reauthentication.', es: 'Minutos que DIGEST-MD5 guarda los datos de sesión para reautenticar rápido.' },
  { name: 'opiekeys', en: 'The OPIE key file for OTP.', es: 'El fichero de claves OPIE para OTP.' },
  { name: 'otp_mda', en: 'The digest OTP uses.', es: 'El resumen que usa OTP.' },
  { name: 'srp_mda', en: 'The digest SRP uses.', es: 'El resumen que usa SRP.' },
  { name: 'srvtab', en: 'The Kerberos 4 srvtab.', es: 'El srvtab de Kerberos 4.' },
  { name: 'ntlm_server', en: 'Servers NTLM passes logins on to.', es: 'Servidores a los que NTLM pasa los inicios de sesión.' },
  { name: 'ntlm_v2', values: ['yes', 'no'], reads: 'switch', en: 'Allow NTLMv2 responses.', es: 'Permitir respuestas NTLMv2.' },
  { name: 'scram_iteration_counter', reads: 'integer', en: 'Iterations for new SCRAM secrets.', es: 'Iteraciones para los secretos SCRAM nuevos.' },
  { name: 'sql_engine', values: ['mysql', 'pgsql', 'sqlite', 'sqlite3'], en: 'The database engine of the sql auxprop plugin.', es: 'El motor de base de datos del plugin auxprop sql.' },
  { name: 'sql_hostnames', en: 'Database servers, host[:port], comma-separated.', es: 'Servidores de base de datos, host[:puerto], separados por comas.' },
  { name: 'sql_user', en: 'The database user.', es: 'El usuario de la base de datos.' },
  { name: 'sql_passwd', en: 'The database password; keep the file unreadable to others.', es: 'La contraseña de la base de datos; que el fichero no lo lean otros.' },
  { name: 'sql_database', en: 'The database name.', es: 'El nombre de la base de datos.' },
  { name: 'sql_select', en: 'The query that reads a property: %u user, %r realm, %p property.', es: 'La consulta que lee una propiedad: %u usuario, %r dominio, %p propiedad.' },
  { name: 'sql_statement', en: 'The old name of `sql_select`, read only when `sql_select` is not set.', es: 'El nombre antiguo de `sql_select`, que solo se lee si `sql_select` no está.' },
  { name: 'sql_insert', en: 'The query that adds a property.', es: 'La consulta que añade una propiedad.' },
  { name: 'sql_update', en: 'The query that changes a property.', es: 'La consulta que cambia una propiedad.' },
  { name: 'sql_usessl', values: ['yes', 'no'], reads: 'switch', en: 'Connect to the database over TLS.', es: 'Conectar a la base de datos con TLS.' },
  { name: 'ldapdb_uri', en: 'The LDAP server of the ldapdb plugin.', es: 'El servidor LDAP del plugin ldapdb.' },
  { name: 'ldapdb_id', en: 'The identity ldapdb binds with.', es: 'La identidad con la que se conecta ldapdb.' },
  { name: 'ldapdb_pw', en: "ldapdb's bind password.", es: 'La contraseña de conexión de ldapdb.' },
  { name: 'ldapdb_mech', en: 'The SASL mechanism ldapdb binds with.', es: 'El mecanismo SASL con el que se conecta ldapdb.' },
  { name: 'ldapdb_rc', en: 'An ldaprc file for ldapdb.', es: 'Un fichero ldaprc para ldapdb.' },
  { name: 'ldapdb_starttls', values: ['try', 'demand'], en: 'Whether ldapdb uses StartTLS.', es: 'Si ldapdb usa StartTLS.' },
  { name: 'ldapdb_canon_attr', en: 'The attribute ldapdb canonicalizes names with.', es: 'El atributo con el que ldapdb normaliza los nombres.' },
];

const byName = new Map(SASL_OPTIONS.map((o) => [o.name, o]));

export function saslOption(name: string): SaslOptionInfo | undefined {
  return byName.get(name);
}
