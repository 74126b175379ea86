// The programs a master.cf service may run (the files in Postfix's daemon_directory that are
// services), how the stock master.cf declares them, and which service types make sense for each.
// postconf does not check the command column; master only fails when the service starts, so the
// editor is the first place such a typo can be caught.
import { generatedCapabilities } from './generatedData';

export type ServiceType = 'inet' | 'unix' | 'unix-dgram' | 'fifo' | 'pass';

export const SERVICE_TYPES: readonly ServiceType[] = ['inet', 'unix', 'unix-dgram', 'fifo', 'pass'];

/** One line of the stock master.cf: the columns after the command name, as written there. */
export interface StockService {
  service: string;
  type: ServiceType;
  private: string;
  unpriv: string;
  chroot: string;
  wakeup: string;
  maxproc: string;
}

export interface MasterDaemon {
  command: string;
  /** Service types that work with this program. */
  types: ServiceType[];
  /** How Debian's master.cf declares it (empty when it is not there by default). */
  stock: StockService[];
  /** Required command arguments, e.g. pipe needs `flags=... user=... argv=...`. */
  requiredArguments?: string[];
  /** It delivers mail from the queue manager, so `<service>_*` parameters exist for its services. */
  deliveryAgent?: boolean;
  summary: { en: string; es: string };
}

const s = (service: string, type: ServiceType, priv: string, unpriv: string, chroot: string, wakeup: string, maxproc: string): StockService => ({
  service,
  type,
  private: priv,
  unpriv,
  chroot,
  wakeup,
  maxproc,
});

const DAEMONS: MasterDaemon[] = [
  {
    command: 'smtpd',
    types: ['inet', 'unix', 'pass'],
    stock: [s('smtp', 'inet', 'n', '-', 'y', '-', '-')],
    summary: { en: 'SMTP server: receives mail on port 25, 587 (submission) or 465 (submissions).', es: 'Servidor SMTP: recibe correo en el puerto 25, 587 (submission) o 465 (submissions).' },
  },
  {
    command: 'postscreen',
    types: ['inet'],
    stock: [],
    summary: { en: 'Screens port-25 clients for zombie behaviour before handing them to smtpd (type pass).', es: 'Filtra en el puerto 25 a los clientes zombis antes de pasarlos a smtpd (tipo pass).' },
  },
  {
    command: 'dnsblog',
    types: ['unix'],
    stock: [],
    summary: { en: 'DNS blocklist lookups on behalf of postscreen.', es: 'Consultas a listas negras DNS por cuenta de postscreen.' },
  },
  {
    command: 'tlsproxy',
    types: ['unix'],
    stock: [],
    summary: { en: 'TLS on behalf of postscreen and the SMTP client.', es: 'Cifrado TLS por cuenta de postscreen y del cliente SMTP.' },
  },
  {
    command: 'qmqpd',
    types: ['inet'],
    stock: [],
    summary: { en: 'QMQP server, for mail from qmail-style clients.', es: 'Servidor QMQP, para correo de clientes al estilo qmail.' },
  },
  {
    command: 'pickup',
    types: ['unix', 'fifo'],
    stock: [s('pickup', 'unix', 'n', '-', 'y', '60', '1')],
    summary: { en: 'Picks up locally submitted mail from the maildrop directory.', es: 'Recoge el correo enviado localmente desde el directorio maildrop.' },
  },
  {
    command: 'cleanup',
    types: ['unix'],
    stock: [s('cleanup', 'unix', 'n', '-', 'y', '-', '0')],
    summary: { en: 'Canonicalises, checks headers and body, and writes new messages into the queue.', es: 'Normaliza, revisa cabeceras y cuerpo, y escribe los mensajes nuevos en la cola.' },
  },
  {
    command: 'qmgr',
    types: ['unix', 'fifo'],
    stock: [s('qmgr', 'unix', 'n', '-', 'n', '300', '1')],
    summary: { en: 'Queue manager: schedules deliveries to the delivery agents.', es: 'Gestor de colas: reparte las entregas entre los agentes de entrega.' },
  },
  {
    command: 'oqmgr',
    types: ['unix', 'fifo'],
    stock: [],
    summary: { en: 'The old queue manager, without the preemptive scheduler.', es: 'El gestor de colas antiguo, sin planificador preventivo.' },
  },
  {
    command: 'nqmgr',
    types: ['unix', 'fifo'],
    stock: [],
    summary: { en: 'Old name of qmgr, kept for old master.cf files.', es: 'Nombre antiguo de qmgr, mantenido por compatibilidad.' },
  },
  {
    command: 'tlsmgr',
    types: ['unix'],
    stock: [s('tlsmgr', 'unix', '-', '-', 'y', '1000?', '1')],
    summary: { en: 'Keeps the TLS session cache and the random pool.', es: 'Mantiene la caché de sesiones TLS y la reserva de aleatoriedad.' },
  },
  {
    command: 'trivial-rewrite',
    types: ['unix'],
    stock: [s('rewrite', 'unix', '-', '-', 'y', '-', '-')],
    summary: { en: 'Rewrites addresses and decides which transport delivers each one.', es: 'Reescribe direcciones y decide qué transporte entrega cada una.' },
  },
  {
    command: 'bounce',
    types: ['unix'],
    stock: [s('bounce', 'unix', '-', '-', 'y', '-', '0'), s('defer', 'unix', '-', '-', 'y', '-', '0'), s('trace', 'unix', '-', '-', 'y', '-', '0')],
    summary: { en: 'Writes delivery status logs and sends bounce, delay and trace notices.', es: 'Anota el estado de las entregas y envía avisos de rebote, retraso y traza.' },
  },
  {
    command: 'verify',
    types: ['unix'],
    stock: [s('verify', 'unix', '-', '-', 'y', '-', '1')],
    summary: { en: 'Address verification service and its cache.', es: 'Servicio de verificación de direcciones y su caché.' },
  },
  {
    command: 'flush',
    types: ['unix'],
    stock: [s('flush', 'unix', 'n', '-', 'y', '1000?', '0')],
    summary: { en: 'Fast flush service for ETRN and "sendmail -qR".', es: 'Servicio de vaciado rápido para ETRN y «sendmail -qR».' },
  },
  {
    command: 'proxymap',
    types: ['unix'],
    stock: [s('proxymap', 'unix', '-', '-', 'n', '-', '-'), s('proxywrite', 'unix', '-', '-', 'n', '-', '1')],
    summary: { en: 'Shares lookup tables (proxy:) between processes and across the chroot.', es: 'Comparte tablas de búsqueda (proxy:) entre procesos y a través del chroot.' },
  },
  {
    command: 'smtp',
    types: ['unix'],
    stock: [s('smtp', 'unix', '-', '-', 'y', '-', '-'), s('relay', 'unix', '-', '-', 'y', '-', '-')],
    deliveryAgent: true,
    summary: { en: 'SMTP client: delivers mail to other servers.', es: 'Cliente SMTP: entrega el correo a otros servidores.' },
  },
  {
    command: 'lmtp',
    types: ['unix'],
    stock: [s('lmtp', 'unix', '-', '-', 'y', '-', '-')],
    deliveryAgent: true,
    summary: { en: 'LMTP client: hands mail to a mailbox server such as Dovecot.', es: 'Cliente LMTP: pasa el correo a un servidor de buzones como Dovecot.' },
  },
  {
    command: 'showq',
    types: ['unix'],
    stock: [s('showq', 'unix', 'n', '-', 'y', '-', '-')],
    summary: { en: 'Lists the mail queue for mailq.', es: 'Lista la cola de correo para mailq.' },
  },
  {
    command: 'error',
    types: ['unix'],
    stock: [s('error', 'unix', '-', '-', 'y', '-', '-'), s('retry', 'unix', '-', '-', 'y', '-', '-')],
    deliveryAgent: true,
    summary: { en: 'Fails (error) or defers (retry) every delivery given to it.', es: 'Rechaza (error) o aplaza (retry) toda entrega que recibe.' },
  },
  {
    command: 'discard',
    types: ['unix'],
    stock: [s('discard', 'unix', '-', '-', 'y', '-', '-')],
    summary: { en: 'Accepts and silently throws mail away.', es: 'Acepta el correo y lo descarta sin avisar.' },
  },
  {
    command: 'local',
    types: ['unix'],
    stock: [s('local', 'unix', '-', 'n', 'n', '-', '-')],
    deliveryAgent: true,
    summary: { en: 'Local delivery: aliases, .forward, mailbox or Maildir of system users.', es: 'Entrega local: alias, .forward, buzón o Maildir de los usuarios del sistema.' },
  },
  {
    command: 'virtual',
    types: ['unix'],
    stock: [s('virtual', 'unix', '-', 'n', 'n', '-', '-')],
    deliveryAgent: true,
    summary: { en: 'Delivers to mailboxes of virtual domains, without system accounts.', es: 'Entrega en buzones de dominios virtuales, sin cuentas del sistema.' },
  },
  {
    command: 'pipe',
    types: ['unix'],
    stock: [],
    requiredArguments: ['user=', 'argv='],
    deliveryAgent: true,
    summary: { en: 'Delivers by running an external command (maildrop, uucp, a filter...).', es: 'Entrega ejecutando un programa externo (maildrop, uucp, un filtro...).' },
  },
  {
    command: 'spawn',
    types: ['unix', 'inet'],
    stock: [],
    requiredArguments: ['user=', 'argv='],
    summary: { en: 'Runs a non-Postfix server, such as a policy daemon, on a socket.', es: 'Lanza un servidor ajeno a Postfix, como un demonio de políticas, sobre un socket.' },
  },
  {
    command: 'anvil',
    types: ['unix'],
    stock: [s('anvil', 'unix', '-', '-', 'y', '-', '1')],
    summary: { en: 'Counts connections and rates per client, for the smtpd limits.', es: 'Cuenta conexiones y ritmos por cliente, para los límites de smtpd.' },
  },
  {
    command: 'scache',
    types: ['unix'],
    stock: [s('scache', 'unix', '-', '-', 'y', '-', '1')],
    summary: { en: 'Shared cache of open SMTP connections.', es: 'Caché compartida de conexiones SMTP abiertas.' },
  },
  {
    command: 'postlogd',
    types: ['unix-dgram'],
    stock: [s('postlog', 'unix-dgram', 'n', '-', 'n', '-', '1')],
    summary: { en: 'Writes the log to maillog_file when syslog is not used.', es: 'Escribe el registro en maillog_file cuando no se usa syslog.' },
  },
];

let byCommand: Map<string, MasterDaemon> | undefined;

export function getMasterDaemon(command: string): MasterDaemon | undefined {
  byCommand ??= new Map(DAEMONS.map((d) => [d.command, d]));
  return byCommand.get(command);
}

export function allMasterDaemons(): readonly MasterDaemon[] {
  return DAEMONS;
}

/**
 * The parameters a master.cf service adds to `postconf -d`, as `<service>_<suffix>` → default,
 * learned from the real postconf by the generator. Built-in names win over these, as in postconf.
 */
export function serviceParameterDefaults(service: string, command: string, isBuiltin: (name: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const suffixes = generatedCapabilities().serviceParameters[command] ?? {};
  for (const [suffix, value] of Object.entries(suffixes)) {
    const name = `${service}_${suffix}`;
    if (!isBuiltin(name)) out.set(name, value);
  }
  return out;
}
