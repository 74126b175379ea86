// Messages of `mailconf dns-check`: the served DNS of a mail domain against its zone file, the mail
// chain, the mail policies and the live SMTP server. {0}, {1}... are names, addresses and values.
export const dnsMessages = {
  'dns.report-title': { en: 'DNS of {0} as served by {1}', es: 'DNS de {0} tal como lo sirve {1}' },
  'dns.expected': { en: 'expected', es: 'esperado' },
  'dns.served': { en: 'served', es: 'servido' },
  'dns.line': { en: 'line {0}', es: 'línea {0}' },
  'dns.summary': { en: '{0} passed, {1} failed', es: '{0} correctas, {1} fallidas' },
  'dns.unreachable': { en: 'Cannot reach the name server: {0}', es: 'No se puede contactar con el servidor de nombres: {0}' },
  'dns.query-failed': { en: '{0} {1}: no answer ({2})', es: '{0} {1}: sin respuesta ({2})' },
  'dns.zone-served': { en: '{0} answers authoritatively for {1}', es: '{0} responde con autoridad por {1}' },
  'dns.zone-served-recursive': {
    en: '{0} is a recursive resolver: it answers for {1} as the world sees it, perhaps from its cache (give --server to ask the zone\'s own server)',
    es: '{0} es un resolutor recursivo: responde por {1} como lo ve el mundo, quizá desde su caché (indique --server para preguntar al servidor de la zona)',
  },
  'dns.zone-not-served': {
    en: '{0} does not answer authoritatively for {1} ({2}): is the zone declared in named.conf and loaded?',
    es: '{0} no responde con autoridad por {1} ({2}): ¿está la zona declarada en named.conf y cargada?',
  },
  'dns.serial-ok': { en: 'The server serves serial {0}, the same as the file', es: 'El servidor sirve el serial {0}, el mismo que el fichero' },
  'dns.serial-stale': {
    en: 'The server still serves {0}; the file has {1}: reload it (rndc reload {2})',
    es: 'El servidor aún sirve {0}; el fichero tiene {1}: recárguelo (rndc reload {2})',
  },
  'dns.serial-ahead': {
    en: 'The server serves {0}, newer than the file\'s {1}: the file is not the one the server loaded',
    es: 'El servidor sirve {0}, más nuevo que el {1} del fichero: el fichero no es el que cargó el servidor',
  },
  'dns.serial-same-but-differs': {
    en: 'The serial is still {0} but records changed: raise the serial, or secondaries keep the old data',
    es: 'El serial sigue siendo {0} pero cambiaron registros: súbalo, o los secundarios se quedan con los datos viejos',
  },
  'dns.records-same': { en: 'The {0} record sets of the file are served as written', es: 'Los {0} conjuntos de registros del fichero se sirven tal como están escritos' },
  'dns.record-differs': { en: '{0} {1} differs between the file and the server', es: '{0} {1} es distinto en el fichero y en el servidor' },
  'dns.record-unserved': { en: '{0} {1} is in the file but the server does not serve it', es: '{0} {1} está en el fichero pero el servidor no lo sirve' },
  'dns.record-only-served': { en: '{0} {1} is served but not in the file', es: '{0} {1} se sirve pero no está en el fichero' },
  'dns.transfer-refused': {
    en: 'Records the server has and the file does not could not be listed: {0} (allow-transfer for this address lists them)',
    es: 'No se pudieron listar los registros que tiene el servidor y no el fichero: {0} (allow-transfer para esta dirección los lista)',
  },
  'dns.records-capped': { en: 'Only the first {0} record sets were compared', es: 'Solo se compararon los {0} primeros conjuntos de registros' },
  'dns.mx-ok': { en: '{0} has the MX {1}', es: '{0} tiene el MX {1}' },
  'dns.mx-missing': {
    en: '{0} has no MX record: senders fall back to its address record, and the lesson\'s servers need an MX',
    es: '{0} no tiene registro MX: los remitentes recurren a su registro de dirección, y los servidores de la práctica necesitan un MX',
  },
  'dns.mx-address-ok': { en: 'The MX host {0} has the address {1}', es: 'El servidor MX {0} tiene la dirección {1}' },
  'dns.mx-no-address': {
    en: 'The MX host {0} has no A or AAAA record: mail to {1} cannot be delivered',
    es: 'El servidor MX {0} no tiene registro A ni AAAA: el correo para {1} no se puede entregar',
  },
  'dns.mx-cname': {
    en: 'The MX host {0} is an alias of {1}; an MX must name a host with its own address (RFC 2181 §10.3)',
    es: 'El servidor MX {0} es un alias de {1}; un MX debe nombrar un host con dirección propia (RFC 2181 §10.3)',
  },
  'dns.ptr-ok': { en: '{0} → {1} → {0}: the reverse name leads back to the address', es: '{0} → {1} → {0}: el nombre inverso lleva de vuelta a la dirección' },
  'dns.ptr-missing': {
    en: '{0} has no PTR record ({1}): receivers with reject_unknown_client_hostname refuse its mail',
    es: '{0} no tiene registro PTR ({1}): los receptores con reject_unknown_client_hostname rechazan su correo',
  },
  'dns.ptr-mismatch': {
    en: 'The PTR of {0} is {1}, whose addresses are {2}: the name does not lead back to the address',
    es: 'El PTR de {0} es {1}, cuyas direcciones son {2}: el nombre no lleva de vuelta a la dirección',
  },
  'dns.cname-ok': { en: '{0} is an alias: {1}', es: '{0} es un alias: {1}' },
  'dns.cname-loop': { en: 'The alias {0} loops: {1}', es: 'El alias {0} forma un bucle: {1}' },
  'dns.cname-dangling': { en: 'The alias {0} ends at {1}, which has no address ({2})', es: 'El alias {0} termina en {1}, que no tiene dirección ({2})' },
  'dns.cname-too-long': { en: 'The alias {0} goes through more than {1} names: {2}', es: 'El alias {0} pasa por más de {1} nombres: {2}' },
  'dns.policy-ok': { en: 'The {0} record at {1} is valid', es: 'El registro {0} en {1} es válido' },
  'dns.policy-missing': { en: 'No {0} record at {1}', es: 'No hay registro {0} en {1}' },
  'dns.policy-problem': { en: '{0} at {1}: {2}', es: '{0} en {1}: {2}' },
  'dns.policy-several': {
    en: '{0} has {1} {2} records; receivers need exactly one',
    es: '{0} tiene {1} registros {2}; los receptores necesitan exactamente uno',
  },
  'dns.spf-lookups': { en: 'SPF of {0} needs {1} DNS lookups with its includes (at most 10)', es: 'El SPF de {0} necesita {1} consultas DNS con sus include (10 como mucho)' },
  'dns.spf-too-many': {
    en: 'SPF of {0} needs {1} DNS lookups with its includes; past 10, receivers return permerror',
    es: 'El SPF de {0} necesita {1} consultas DNS con sus include; pasadas 10, los receptores devuelven permerror',
  },
  'dns.dkim-elsewhere': {
    en: 'No DKIM key for the selector {0} at {1}; the zone file publishes one under {2}: the selector in the signer and in DNS must be the same',
    es: 'No hay clave DKIM del selector {0} en {1}; el fichero de zona publica una con {2}: el selector del firmante y el de DNS deben coincidir',
  },
  'dns.dkim-no-selector': {
    en: 'No DKIM selector known for {0}: give one with --selector, or open the zone file that publishes the key',
    es: 'No se conoce ningún selector DKIM de {0}: indique uno con --selector, o abra el fichero de zona que publica la clave',
  },
  'dns.spf-uncounted': { en: '{0} (not counted: {1})', es: '{0} (sin contar: {1})' },
  'dns.mta-sts-fetch': { en: 'The MTA-STS policy {0} cannot be fetched: {1}', es: 'No se puede obtener la política MTA-STS {0}: {1}' },
  'dns.mta-sts-syntax': { en: 'The MTA-STS policy {0} is invalid: {1}', es: 'La política MTA-STS {0} no es válida: {1}' },
  'dns.mta-sts-ok': { en: 'The MTA-STS policy {0} is valid (mode {1}, max_age {2})', es: 'La política MTA-STS {0} es válida (modo {1}, max_age {2})' },
  'dns.mta-sts-mx': {
    en: 'The MX host {0} matches no mx line of the MTA-STS policy ({1}): senders that enforce it will not deliver there',
    es: 'El servidor MX {0} no coincide con ninguna línea mx de la política MTA-STS ({1}): los remitentes que la aplican no entregarán ahí',
  },
  'dns.mta-sts-mx-ok': { en: 'Every MX host ({0}) matches the MTA-STS policy', es: 'Todos los servidores MX ({0}) coinciden con la política MTA-STS' },
  'dns.myhostname-ok': { en: 'myhostname {0} resolves to {1}', es: 'myhostname {0} resuelve a {1}' },
  'dns.myhostname-no-address': {
    en: 'myhostname {0} has no A or AAAA record ({1}): receivers that check the HELO name refuse it',
    es: 'myhostname {0} no tiene registro A ni AAAA ({1}): los receptores que comprueban el nombre del HELO lo rechazan',
  },
  'dns.mydestination-ok': { en: '{0}, in mydestination, has the MX {1}', es: '{0}, en mydestination, tiene el MX {1}' },
  'dns.mydestination-no-mx': {
    en: '{0} is in mydestination but has no MX record: senders will not find this server for it',
    es: '{0} está en mydestination pero no tiene registro MX: los remitentes no encontrarán este servidor para él',
  },
  'dns.mta-sts-id-stale': {
    en: 'The MTA-STS policy changed since the last check, but the TXT record still has id={0}: senders keep the policy they cached; change the id',
    es: 'La política MTA-STS cambió desde la última comprobación, pero el registro TXT sigue con id={0}: los remitentes se quedan con la política que guardaron; cambie el id',
  },
  'dns.mta-sts-id-new': { en: 'The MTA-STS policy changed and so did the id (now {0})', es: 'La política MTA-STS cambió y también el id (ahora {0})' },
  'dns.mta-sts-id-same': { en: 'The MTA-STS policy and its id ({0}) are as at the last check', es: 'La política MTA-STS y su id ({0}) siguen como en la última comprobación' },
  'dns.tlsa-none': { en: 'No TLSA record at {0}: DANE is not used for this host', es: 'No hay registro TLSA en {0}: no se usa DANE para este servidor' },
  'dns.tlsa-match': { en: 'TLSA {0} matches the certificate {1} presents', es: 'El TLSA {0} coincide con el certificado que presenta {1}' },
  'dns.tlsa-mismatch': {
    en: 'No TLSA record at {0} matches the certificate {1} presents: DANE senders will not deliver',
    es: 'Ningún registro TLSA en {0} coincide con el certificado que presenta {1}: los remitentes con DANE no entregarán',
  },
  'dns.smtp-no-tls': { en: 'The SMTP server {0} did not reach TLS: {1}', es: 'El servidor SMTP {0} no llegó a TLS: {1}' },
  'dns.smtp-name-ok': { en: '{0} greets as {1}, its PTR name', es: '{0} saluda como {1}, su nombre PTR' },
  'dns.smtp-name-mismatch': {
    en: '{0} greets as {1}, but the PTR of its address names {2}: set myhostname to the PTR name',
    es: '{0} saluda como {1}, pero el PTR de su dirección es {2}: ponga en myhostname el nombre del PTR',
  },
} satisfies Record<string, { en: string; es: string }>;
