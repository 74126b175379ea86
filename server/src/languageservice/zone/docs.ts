// Short explanations for hovers and completion items, in our own words, in English and Spanish.
import type { Locale } from '../../l10n';

export interface Doc {
  en: string;
  es: string;
}

/** The explanation in the locale. */
export const inLocale = (doc: Doc, locale: Locale): string => doc[locale] ?? doc.en;

export const DIRECTIVE_DOCS: Record<string, Doc> = {
  $ORIGIN: {
    en: 'Sets the domain that relative names (without a trailing dot) are completed with, from here on.',
    es: 'Fija el dominio con el que se completan, a partir de aquí, los nombres relativos (sin punto final).',
  },
  $TTL: {
    en: 'Sets the TTL of the following records that do not give one. Units: w d h m s, e.g. 1d or 1h30m.',
    es: 'Fija el TTL de los registros siguientes que no indiquen uno. Unidades: w d h m s, p. ej. 1d o 1h30m.',
  },
  $INCLUDE: {
    en: 'Reads another file here, relative to this one: `$INCLUDE file [origin]`. The origin is restored afterwards.',
    es: 'Lee aquí otro fichero, relativo a este: `$INCLUDE fichero [origen]`. Después se restaura el origen.',
  },
  $GENERATE: {
    en: 'BIND extension that makes a series of records: `$GENERATE 1-100 host$ A 192.0.2.$`. `${offset,width,base}` formats the counter.',
    es: 'Extensión de BIND que crea una serie de registros: `$GENERATE 1-100 host$ A 192.0.2.$`. `${desplazamiento,anchura,base}` da formato al contador.',
  },
};

export const SOA_FIELDS: Array<{ label: Doc; doc: Doc }> = [
  {
    label: { en: 'primary name server (MNAME)', es: 'servidor de nombres primario (MNAME)' },
    doc: { en: 'The master server of the zone; NOTIFY and dynamic updates go here.', es: 'El servidor maestro de la zona; a él van los NOTIFY y las actualizaciones dinámicas.' },
  },
  {
    label: { en: 'responsible mailbox (RNAME)', es: 'buzón del responsable (RNAME)' },
    doc: {
      en: 'The admin address with its @ written as the first dot: hostmaster.example.org. is hostmaster@example.org.',
      es: 'La dirección del administrador con su @ escrita como el primer punto: hostmaster.example.org. es hostmaster@example.org.',
    },
  },
  {
    label: { en: 'serial', es: 'serial' },
    doc: {
      en: 'Version of the zone. Secondaries transfer the zone when it grows, so raise it on every change (YYYYMMDDnn is the usual scheme).',
      es: 'Versión de la zona. Los secundarios la transfieren cuando crece, así que súbalo en cada cambio (AAAAMMDDnn es el esquema habitual).',
    },
  },
  { label: { en: 'refresh', es: 'refresh' }, doc: { en: 'How often secondaries check the serial.', es: 'Cada cuánto comprueban los secundarios el serial.' } },
  { label: { en: 'retry', es: 'retry' }, doc: { en: 'How soon a secondary tries again after a failed refresh.', es: 'Cuánto tarda un secundario en reintentar tras un refresh fallido.' } },
  {
    label: { en: 'expire', es: 'expire' },
    doc: { en: 'How long secondaries keep answering without reaching the master.', es: 'Cuánto tiempo siguen respondiendo los secundarios sin poder llegar al maestro.' },
  },
  {
    label: { en: 'minimum (negative-caching TTL)', es: 'minimum (TTL de la caché negativa)' },
    doc: { en: 'How long resolvers cache "no such name" answers (RFC 2308).', es: 'Cuánto tiempo guardan los resolvedores las respuestas "no existe ese nombre" (RFC 2308).' },
  },
];

const field = (en: string, es: string): Doc => ({ en, es });

export const DATA_FIELDS: Record<string, Doc[]> = {
  MX: [field('preference (lower is tried first)', 'preferencia (se prueba antes la menor)'), field('mail exchanger host', 'host intercambiador de correo')],
  SRV: [
    field('priority (lower first)', 'prioridad (menor primero)'),
    field('weight (share among equal priority)', 'peso (reparto entre iguales en prioridad)'),
    field('port', 'puerto'),
    field('target host', 'host destino'),
  ],
  TLSA: [
    field('certificate usage (3 = DANE-EE, 2 = DANE-TA)', 'uso del certificado (3 = DANE-EE, 2 = DANE-TA)'),
    field('selector (0 = whole certificate, 1 = public key)', 'selector (0 = certificado entero, 1 = clave pública)'),
    field('matching type (0 = exact, 1 = SHA-256, 2 = SHA-512)', 'tipo de correspondencia (0 = exacta, 1 = SHA-256, 2 = SHA-512)'),
    field('certificate association data (hex)', 'datos de asociación del certificado (hex)'),
  ],
  CAA: [field('flags (128 = critical)', 'indicadores (128 = crítico)'), field('tag (issue, issuewild, iodef)', 'etiqueta (issue, issuewild, iodef)'), field('value', 'valor')],
  SSHFP: [
    field('algorithm (1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519)', 'algoritmo (1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519)'),
    field('fingerprint type (1 SHA-1, 2 SHA-256)', 'tipo de huella (1 SHA-1, 2 SHA-256)'),
    field('fingerprint (hex)', 'huella (hex)'),
  ],
  DS: [field('key tag', 'etiqueta de clave'), field('algorithm', 'algoritmo'), field('digest type (2 = SHA-256)', 'tipo de resumen (2 = SHA-256)'), field('digest (hex)', 'resumen (hex)')],
  DNSKEY: [
    field('flags (256 = zone key, 257 = key-signing key)', 'indicadores (256 = clave de zona, 257 = clave de firma de claves)'),
    field('protocol (always 3)', 'protocolo (siempre 3)'),
    field('algorithm', 'algoritmo'),
    field('public key (base64)', 'clave pública (base64)'),
  ],
  NAPTR: [field('order', 'orden'), field('preference', 'preferencia'), field('flags', 'indicadores'), field('services', 'servicios'), field('regular expression', 'expresión regular'), field('replacement', 'sustitución')],
  HINFO: [field('CPU', 'CPU'), field('operating system', 'sistema operativo')],
  RP: [field('mailbox of the responsible person', 'buzón de la persona responsable'), field('name of a TXT record with more information', 'nombre de un registro TXT con más información')],
  SVCB: [field('priority (0 = alias mode)', 'prioridad (0 = modo alias)'), field('target name', 'nombre destino'), field('parameters', 'parámetros')],
  HTTPS: [field('priority (0 = alias mode)', 'prioridad (0 = modo alias)'), field('target name', 'nombre destino'), field('parameters', 'parámetros')],
  NS: [field('name server host', 'host servidor de nombres')],
  CNAME: [field('canonical name (the alias points here)', 'nombre canónico (el alias apunta aquí)')],
  DNAME: [field('target of the subtree redirection', 'destino de la redirección del subárbol')],
  PTR: [field('host name of this address', 'nombre de host de esta dirección')],
  A: [field('IPv4 address', 'dirección IPv4')],
  AAAA: [field('IPv6 address', 'dirección IPv6')],
};

export const DKIM_TAG_DOCS: Record<string, Doc> = {
  v: field('Version; DKIM1, and first when present.', 'Versión; DKIM1, y la primera si aparece.'),
  k: field('Key type: rsa (default) or ed25519.', 'Tipo de clave: rsa (por omisión) o ed25519.'),
  h: field('Hash algorithms the key may sign with; sha256 today.', 'Algoritmos de hash con los que puede firmar la clave; hoy, sha256.'),
  p: field('The public key in base64. Empty means the key was revoked.', 'La clave pública en base64. Vacía significa que la clave se revocó.'),
  t: field('Flags: y = the domain is testing DKIM, s = no subdomains in the i= identity.', 'Indicadores: y = el dominio está probando DKIM, s = sin subdominios en la identidad i=.'),
  s: field('Service types: email or *.', 'Tipos de servicio: email o *.'),
  n: field('Notes for humans.', 'Notas para personas.'),
};

export const MTA_STS_TAG_DOCS: Record<string, Doc> = {
  v: field('Version; STSv1.', 'Versión; STSv1.'),
  id: field(
    'Policy id: change it whenever https://mta-sts.<domain>/.well-known/mta-sts.txt changes, so senders fetch it again.',
    'Id de la política: cámbielo cada vez que cambie https://mta-sts.<dominio>/.well-known/mta-sts.txt, para que los remitentes la vuelvan a descargar.',
  ),
};

export const TLSRPT_TAG_DOCS: Record<string, Doc> = {
  v: field('Version; TLSRPTv1.', 'Versión; TLSRPTv1.'),
  rua: field('Where daily TLS reports go: mailto: or https: URIs, comma-separated.', 'Adónde van los informes TLS diarios: URI mailto: o https:, separados por comas.'),
};
