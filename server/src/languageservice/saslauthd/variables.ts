// What Debian's /etc/init.d/saslauthd reads from /etc/default/saslauthd, Red Hat's unit from
// /etc/sysconfig/saslauthd and Gentoo's and Arch's services from /etc/conf.d/saslauthd, and
// saslauthd's flags, with notes in our words for completion and hover.
import type { SaslauthdDialect } from './launch';
export interface Note {
  en: string;
  es: string;
}

const DEBIAN_VARIABLES: Record<string, Note> = {
  START: { en: 'Whether the init script starts saslauthd at all: it must be `yes`.', es: 'Si el script de arranque inicia saslauthd: debe ser `yes`.' },
  DESC: { en: 'A description shown when the service starts and stops.', es: 'Una descripción que se muestra al iniciar y parar el servicio.' },
  NAME: { en: 'The short name of this saslauthd instance.', es: 'El nombre corto de esta instancia de saslauthd.' },
  MECHANISMS: { en: 'Where saslauthd checks passwords (passed as -a): `pam`, `shadow`, `sasldb`, ...', es: 'Dónde comprueba saslauthd las contraseñas (se pasa como -a): `pam`, `shadow`, `sasldb`, ...' },
  MECH_OPTIONS: { en: 'Options for that mechanism (passed as -O).', es: 'Opciones de ese mecanismo (se pasan como -O).' },
  THREADS: { en: 'How many worker processes to run (-n); 0 forks one per connection.', es: 'Cuántos procesos trabajadores ejecutar (-n); 0 crea uno por conexión.' },
  OPTIONS: {
    en: "saslauthd's other flags. `-m DIR` is required and sets the socket folder: for a chrooted Postfix (Debian) it must be inside `/var/spool/postfix`, as in `-c -m /var/spool/postfix/var/run/saslauthd`.",
    es: 'Las demás opciones de saslauthd. `-m DIR` es obligatoria y fija la carpeta del socket: con Postfix enjaulado (Debian) debe estar dentro de `/var/spool/postfix`, como en `-c -m /var/spool/postfix/var/run/saslauthd`.',
  },
};

const REDHAT_VARIABLES: Record<string, Note> = {
  SOCKETDIR: {
    en: "The socket folder, passed as `-m`. For a chrooted Postfix it must be inside the queue directory, as in `/var/spool/postfix/var/run/saslauthd`.",
    es: 'La carpeta del socket, que se pasa como `-m`. Con Postfix enjaulado debe estar dentro del directorio de la cola, como `/var/spool/postfix/var/run/saslauthd`.',
  },
  MECH: { en: 'Where saslauthd checks passwords (passed as -a): `pam`, `shadow`, `rimap`, ...', es: 'Dónde comprueba saslauthd las contraseñas (se pasa como -a): `pam`, `shadow`, `rimap`, ...' },
  FLAGS: { en: "saslauthd's other flags, after `-m $SOCKETDIR -a $MECH`.", es: 'Las demás opciones de saslauthd, tras `-m $SOCKETDIR -a $MECH`.' },
  DAEMONOPTS: { en: "Options for the old init script's `daemon` helper (such as `--user`), not for saslauthd.", es: 'Opciones para la función `daemon` del antiguo script de arranque (como `--user`), no para saslauthd.' },
};

const CONFD_VARIABLES: Record<string, Note> = {
  SASLAUTHD_OPTS: {
    en: "saslauthd's flags, all of them: `-a` for the mechanism, `-m` for the socket folder (`/run/saslauthd` without it).",
    es: 'Todas las opciones de saslauthd: `-a` para el mecanismo, `-m` para la carpeta del socket (`/run/saslauthd` si falta).',
  },
};

/** The variables each distribution's start-up reads from the file. */
export const SASLAUTHD_VARIABLES: Record<SaslauthdDialect, Record<string, Note>> = { debian: DEBIAN_VARIABLES, redhat: REDHAT_VARIABLES, confd: CONFD_VARIABLES };

export const SASLAUTHD_FLAG_NOTES: Record<string, Note> = {
  a: { en: 'The authentication mechanism (MECHANISMS already sets it).', es: 'El mecanismo de autenticación (MECHANISMS ya lo fija).' },
  c: { en: 'Cache successful logins.', es: 'Guardar en caché los inicios de sesión correctos.' },
  d: { en: 'Debug in the foreground; never in this file.', es: 'Depurar en primer plano; nunca en este fichero.' },
  h: { en: 'Print the usage.', es: 'Mostrar el uso.' },
  l: { en: 'No locking around accept().', es: 'Sin bloqueo alrededor de accept().' },
  m: { en: "The folder of the socket `mux`. A chrooted Postfix only sees it inside its queue directory.", es: 'La carpeta del socket `mux`. Un Postfix enjaulado solo lo ve dentro de su directorio de cola.' },
  n: { en: 'Number of worker processes.', es: 'Número de procesos trabajadores.' },
  O: { en: 'An option for the mechanism.', es: 'Una opción para el mecanismo.' },
  r: { en: 'Pass user@realm to the mechanism.', es: 'Pasar usuario@dominio al mecanismo.' },
  s: { en: 'Size of the cache in kilobytes.', es: 'Tamaño de la caché en kilobytes.' },
  t: { en: 'Lifetime of cache entries in seconds.', es: 'Duración de las entradas de la caché en segundos.' },
  v: { en: 'Print the version and mechanisms.', es: 'Mostrar la versión y los mecanismos.' },
  V: { en: 'Verbose logging.', es: 'Registro detallado.' },
};

/** The mechanisms Debian's saslauthd 2.1.28 is built with (`saslauthd -v`). */
export const SASLAUTHD_MECHANISMS = ['getpwent', 'kerberos5', 'ldap', 'pam', 'rimap', 'sasldb', 'shadow'];
