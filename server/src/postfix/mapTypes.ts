// Lookup table types (the `hash` in `hash:/etc/aliases`) and SASL implementations. The types
// compiled into Postfix come from the installed postconf (generated); the ones Debian ships as
// separate plugin packages are listed here, because a configuration edited on a laptop is often
// meant for a server that has postfix-mysql or postfix-lmdb installed.
import { generatedCapabilities } from './generatedData';

export interface MapTypeInfo {
  name: string;
  /** Compiled in, or a plugin that needs its Debian package. */
  origin: 'builtin' | 'plugin';
  /** Debian package that provides a plugin type. */
  debianPackage?: string;
  /** Indexed file built by postmap/newaliases from a source text file. */
  indexed?: boolean;
  summary: { en: string; es: string };
}

const PLUGINS: MapTypeInfo[] = [
  { name: 'lmdb', origin: 'plugin', debianPackage: 'postfix-lmdb', indexed: true, summary: { en: 'OpenLDAP LMDB database file built by postmap.', es: 'Base de datos LMDB construida con postmap.' } },
  { name: 'cdb', origin: 'plugin', debianPackage: 'postfix-cdb', indexed: true, summary: { en: 'Constant database file built by postmap; fast and read-only.', es: 'Base de datos constante construida con postmap; rápida y de solo lectura.' } },
  { name: 'pcre', origin: 'plugin', debianPackage: 'postfix-pcre', summary: { en: 'Perl-compatible regular expressions, one per line.', es: 'Expresiones regulares compatibles con Perl, una por línea.' } },
  { name: 'mysql', origin: 'plugin', debianPackage: 'postfix-mysql', summary: { en: 'Queries a MySQL/MariaDB server; the name is a file with the connection and query.', es: 'Consulta un servidor MySQL/MariaDB; el nombre es un fichero con la conexión y la consulta.' } },
  { name: 'pgsql', origin: 'plugin', debianPackage: 'postfix-pgsql', summary: { en: 'Queries a PostgreSQL server; the name is a file with the connection and query.', es: 'Consulta un servidor PostgreSQL; el nombre es un fichero con la conexión y la consulta.' } },
  { name: 'sqlite', origin: 'plugin', debianPackage: 'postfix-sqlite', summary: { en: 'Queries an SQLite database file.', es: 'Consulta un fichero de base de datos SQLite.' } },
  { name: 'ldap', origin: 'plugin', debianPackage: 'postfix-ldap', summary: { en: 'Queries an LDAP directory; the name is a file with the server and search.', es: 'Consulta un directorio LDAP; el nombre es un fichero con el servidor y la búsqueda.' } },
  // Types of other Postfix builds (dict_open.c): a configuration written for another system or a
  // later release may name them, and this machine's postconf -m cannot say they do not exist.
  { name: 'mongodb', origin: 'plugin', summary: { en: 'Queries a MongoDB server (Postfix 3.9 and later, when built with it).', es: 'Consulta un servidor MongoDB (Postfix 3.9 y posteriores, si se compiló con él).' } },
  { name: 'dbm', origin: 'plugin', indexed: true, summary: { en: 'DBM file built by postmap, on systems whose Postfix is built with it.', es: 'Fichero DBM construido con postmap, en sistemas cuyo Postfix lo incluye.' } },
  { name: 'sdbm', origin: 'plugin', indexed: true, summary: { en: 'SDBM file built by postmap, on systems whose Postfix is built with it.', es: 'Fichero SDBM construido con postmap, en sistemas cuyo Postfix lo incluye.' } },
  { name: 'nisplus', origin: 'plugin', summary: { en: 'NIS+ tables, on systems whose Postfix is built with them.', es: 'Tablas NIS+, en sistemas cuyo Postfix las incluye.' } },
  { name: 'netinfo', origin: 'plugin', summary: { en: 'NetInfo (old macOS), on systems whose Postfix is built with it.', es: 'NetInfo (macOS antiguo), en sistemas cuyo Postfix lo incluye.' } },
];

const BUILTIN_SUMMARIES: Record<string, { en: string; es: string; indexed?: boolean }> = {
  hash: { en: 'Berkeley DB hash file built by postmap (the Debian default).', es: 'Fichero hash de Berkeley DB construido con postmap (lo habitual en Debian).', indexed: true },
  btree: { en: 'Berkeley DB B-tree file built by postmap.', es: 'Fichero B-tree de Berkeley DB construido con postmap.', indexed: true },
  cidr: { en: 'Network blocks (CIDR) matched against client addresses, read as text.', es: 'Bloques de red (CIDR) comparados con la dirección del cliente, leídos como texto.' },
  regexp: { en: 'POSIX regular expressions, one per line.', es: 'Expresiones regulares POSIX, una por línea.' },
  texthash: { en: 'A postmap-style text file read directly, without building an index.', es: 'Un fichero de texto como los de postmap, leído directamente sin construir índice.' },
  inline: { en: 'Entries written in main.cf itself: inline:{ key=value, ... }.', es: 'Entradas escritas en el propio main.cf: inline:{ clave=valor, ... }.' },
  static: { en: 'Always returns the same value: static:value.', es: 'Devuelve siempre el mismo valor: static:valor.' },
  proxy: { en: 'Reads another table through the proxymap service: proxy:type:name.', es: 'Lee otra tabla a través del servicio proxymap: proxy:tipo:nombre.' },
  unix: { en: 'System accounts and groups, e.g. unix:passwd.byname.', es: 'Cuentas y grupos del sistema, p. ej. unix:passwd.byname.' },
  nis: { en: 'NIS maps, e.g. nis:mail.aliases.', es: 'Mapas NIS, p. ej. nis:mail.aliases.' },
  tcp: { en: 'Asks a server over a TCP socket.', es: 'Pregunta a un servidor a través de un socket TCP.' },
  socketmap: { en: 'Asks a Sendmail-style socketmap server.', es: 'Pregunta a un servidor socketmap al estilo de Sendmail.' },
  memcache: { en: 'Looks up (and caches) in a memcached server.', es: 'Busca (y guarda) en un servidor memcached.' },
  pipemap: { en: 'Chains tables: the result of one is the key of the next.', es: 'Encadena tablas: el resultado de una es la clave de la siguiente.' },
  unionmap: { en: 'Asks several tables and joins their results.', es: 'Pregunta a varias tablas y une sus resultados.' },
  randmap: { en: 'Returns one of several values at random.', es: 'Devuelve al azar uno de varios valores.' },
  fail: { en: 'Every lookup fails; useful for tests.', es: 'Toda búsqueda falla; útil para pruebas.' },
  environ: { en: 'The process environment.', es: 'Las variables de entorno del proceso.' },
  internal: { en: 'An in-memory table internal to one process.', es: 'Una tabla en memoria, interna a un proceso.' },
};

let all: Map<string, MapTypeInfo> | undefined;

function index(): Map<string, MapTypeInfo> {
  if (!all) {
    all = new Map();
    for (const name of generatedCapabilities().mapTypes) {
      const known = BUILTIN_SUMMARIES[name];
      all.set(name, {
        name,
        origin: 'builtin',
        indexed: known?.indexed,
        summary: known ? { en: known.en, es: known.es } : { en: `Lookup table type ${name}.`, es: `Tipo de tabla ${name}.` },
      });
    }
    for (const p of PLUGINS) if (!all.has(p.name)) all.set(p.name, p);
  }
  return all;
}

export function getMapType(name: string): MapTypeInfo | undefined {
  return index().get(name);
}

export function allMapTypes(): MapTypeInfo[] {
  return [...index().values()];
}

/** SASL implementations the SMTP server can use (smtpd_sasl_type), per `postconf -a`. */
export function saslServerTypes(): readonly string[] {
  return generatedCapabilities().saslServerTypes;
}

/** SASL implementations the SMTP/LMTP client can use (smtp_sasl_type), per `postconf -A`. */
export function saslClientTypes(): readonly string[] {
  return generatedCapabilities().saslClientTypes;
}
