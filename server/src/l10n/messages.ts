// The messages of main.cf, master.cf, maps, aliases and msmtprc, in English and Spanish; the other
// tables sit beside this one and ./tables.ts lists them all. Keys are "<language>.<what>"; {0},
// {1}, ... are arguments. test/server/l10n checks both sides agree.
export const coreMessages = {
  // /etc/aliases
  'aliases.missing-colon': {
    en: "An alias needs a ':' after its name, as in 'postmaster: root'",
    es: "Un alias necesita ':' tras su nombre, como en 'postmaster: root'",
  },
  'aliases.leading-continuation': {
    en: 'This line starts with whitespace, so it continues a previous entry, but there is none',
    es: 'Esta línea empieza con espacio, así que continúa una entrada anterior, pero no la hay',
  },
  'aliases.empty-name': { en: "The alias name before ':' is empty", es: "El nombre del alias antes de ':' está vacío" },
  'aliases.no-targets': { en: "The alias '{0}' has no targets after ':'", es: "El alias '{0}' no tiene destinos tras ':'" },
  'aliases.empty-target': { en: 'Empty target before this comma', es: 'Destino vacío antes de esta coma' },
  'aliases.unclosed-quote': { en: 'This quote is never closed', es: 'Estas comillas no se cierran' },
  'aliases.include-without-file': {
    en: ':include: needs the path of a file that lists the targets',
    es: ':include: necesita la ruta de un fichero con la lista de destinos',
  },
  'aliases.duplicate-name': {
    en: "'{0}' is already defined on line {1}; newaliases warns and keeps only that first one",
    es: "'{0}' ya está definido en la línea {1}; newaliases avisa y se queda solo con esa primera",
  },
  'aliases.unknown-local-target': {
    en: "'{0}' is neither an alias in this file nor a user in {1}: mail to it would bounce",
    es: "'{0}' no es un alias de este fichero ni un usuario de {1}: el correo para él rebotaría",
  },
  'aliases.relative-file': {
    en: 'A file target must be an absolute path; without the leading / Postfix reads it as a user name',
    es: 'Un destino de tipo fichero debe ser una ruta absoluta; sin la / inicial Postfix lo lee como nombre de usuario',
  },
  // lookup tables (postmap sources)
  'map.missing-value': {
    en: "'{0}' has no value; postmap expects 'key whitespace value' and skips this line",
    es: "'{0}' no tiene valor; postmap espera 'clave espacio valor' y se salta esta línea",
  },
  'map.leading-continuation': {
    en: 'This line starts with whitespace, so it continues a previous entry, but there is none',
    es: 'Esta línea empieza con espacio, así que continúa una entrada anterior, pero no la hay',
  },
  'map.alias-format': {
    en: "'{0}' is written as in an aliases file: here the ':' belongs to the key, so a lookup of '{1}' does not find it (postmap warns \"is this an alias file?\")",
    es: "'{0}' está escrito como en un fichero de alias: aquí el ':' forma parte de la clave, así que una búsqueda de '{1}' no la encuentra (postmap avisa \"is this an alias file?\")",
  },
  'map.duplicate-key': {
    en: "'{0}' is already a key on line {1} (keys are case-insensitive); postmap warns and keeps the first",
    es: "'{0}' ya es una clave en la línea {1} (sin distinguir mayúsculas); postmap avisa y se queda con la primera",
  },
  'map.unknown-access-action': {
    en: "'{0}' is not an access(5) action; Postfix answers with a temporary error when it finds it",
    es: "'{0}' no es una acción de access(5); Postfix responde con un error temporal al encontrarla",
  },
  'map.did-you-mean': { en: "Did you mean '{0}'?", es: "¿Quería decir '{0}'?" },
  'map.action-needs-argument': {
    en: "'{0}' needs an argument: {1}",
    es: "'{0}' necesita un argumento: {1}",
  },
  'map.numeric-is-ok': {
    en: "A number alone is treated as OK, not as a reply code; write '{0} text' to reject",
    es: "Un número solo se trata como OK, no como código de respuesta; escriba '{0} texto' para rechazar",
  },
  // msmtprc
  'msmtprc.account-without-name': {
    en: "'account' needs a name, as in 'account vm25'",
    es: "'account' necesita un nombre, como en 'account vm25'",
  },
  'msmtprc.unclosed-quote': { en: 'This quote is never closed', es: 'Estas comillas no se cierran' },
  'msmtprc.unknown-keyword': { en: "Unknown msmtp command '{0}'", es: "Orden de msmtp desconocida '{0}'" },
  'msmtprc.did-you-mean': { en: "Did you mean '{0}'?", es: "¿Quería decir '{0}'?" },
  'msmtprc.tls-certcheck-off': {
    en: 'tls_certcheck off accepts any certificate: fine for the lab\'s self-signed one, dangerous anywhere else (use tls_trust_file or tls_fingerprint)',
    es: 'tls_certcheck off acepta cualquier certificado: válido con el autofirmado del laboratorio, peligroso en cualquier otro sitio (use tls_trust_file o tls_fingerprint)',
  },
  'msmtprc.undefined-account': {
    en: "No account '{0}' is defined before this line; msmtp only inherits from accounts defined above",
    es: "No hay una cuenta '{0}' definida antes de esta línea; msmtp solo hereda de cuentas definidas más arriba",
  },
  'msmtprc.duplicate-account': {
    en: "The account '{0}' is already defined on line {1}",
    es: "La cuenta '{0}' ya está definida en la línea {1}",
  },
  'msmtprc.bad-value': {
    en: "'{0}' expects one of: {1}",
    es: "'{0}' espera uno de: {1}",
  },
  'msmtprc.missing-argument': { en: "'{0}' needs an argument", es: "'{0}' necesita un argumento" },
  'msmtprc.default-account-empty': {
    en: "'account default' without ': NAME' defines an empty account named default; write 'account default : vm25'",
    es: "'account default' sin ': NOMBRE' define una cuenta vacía llamada default; escriba 'account default : vm25'",
  },
  'aliases.hover.name': {
    en: "Mail for {0}@ any of this server's local domains goes to the targets after ':'. Run newaliases after saving: Postfix reads aliases.db, not this file.",
    es: "El correo para {0}@ cualquiera de los dominios locales de este servidor va a los destinos tras ':'. Ejecute newaliases tras guardar: Postfix lee aliases.db, no este fichero.",
  },
  'aliases.hover.local': { en: 'A local user or another alias of this file.', es: 'Un usuario local u otro alias de este fichero.' },
  'aliases.hover.address': { en: 'A full address: the message is forwarded there.', es: 'Una dirección completa: el mensaje se reenvía allí.' },
  'aliases.hover.file': {
    en: 'Messages are appended to this file, written as the owner of the aliases database.',
    es: 'Los mensajes se añaden a este fichero, escrito como el propietario de la base de alias.',
  },
  'aliases.hover.pipe': {
    en: 'Each message is piped to this command; quote it when it has spaces or commas.',
    es: 'Cada mensaje se pasa a esta orden por una tubería; entrecomíllela si tiene espacios o comas.',
  },
  'aliases.hover.include': {
    en: 'The targets are read from this file, one or more per line, when mail arrives.',
    es: 'Los destinos se leen de este fichero, uno o más por línea, al llegar el correo.',
  },
  // master.cf
  'master.duplicate-service': {
    en: 'Service {0} is defined twice (also on line {1}): master logs a warning and uses the later entry, so the earlier one has no effect',
    es: 'El servicio {0} está definido dos veces (también en la línea {1}): master avisa y usa la entrada posterior, así que la anterior no tiene efecto',
  },
  'master.earlier-definition': {
    en: 'earlier definition of {0}',
    es: 'definición anterior de {0}',
  },
  // relay control (smtpd_relay_restrictions, smtpd_recipient_restrictions)
  'relay.will-not-start': {
    en: 'The SMTP server will not start: neither smtpd_relay_restrictions nor smtpd_recipient_restrictions has reject_unauth_destination (or defer_unauth_destination, reject, defer, defer_if_permit) before a bare permit, and smtpd stops with a fatal error. Add reject_unauth_destination to {0}, after the permit_* entries for your own clients',
    es: 'El servidor SMTP no arrancará: ni smtpd_relay_restrictions ni smtpd_recipient_restrictions tienen reject_unauth_destination (ni defer_unauth_destination, reject, defer, defer_if_permit) antes de un permit, y smtpd se detiene con un error fatal. Añada reject_unauth_destination a {0}, tras las entradas permit_* de sus propios clientes',
  },
  'relay.service-will-not-start': {
    en: 'The {0} SMTP server will not start: with its -o settings, neither smtpd_relay_restrictions nor smtpd_recipient_restrictions has reject_unauth_destination (or defer_unauth_destination, reject, defer, defer_if_permit) before a bare permit, and smtpd stops with a fatal error. Add reject_unauth_destination to {1}, after the permit_* entries for your own clients',
    es: 'El servidor SMTP {0} no arrancará: con sus -o, ni smtpd_relay_restrictions ni smtpd_recipient_restrictions tienen reject_unauth_destination (ni defer_unauth_destination, reject, defer, defer_if_permit) antes de un permit, y smtpd se detiene con un error fatal. Añada reject_unauth_destination a {1}, tras las entradas permit_* de sus propios clientes',
  },
  'relay.world-networks': {
    en: 'Open relay: mynetworks includes {0}, every address on the Internet, and permit_mynetworks lets all of them relay. List only your own networks',
    es: 'Relay abierto: mynetworks incluye {0}, todas las direcciones de Internet, y permit_mynetworks deja hacer relay a todas ellas. Ponga solo sus propias redes',
  },
  'relay.open': {
    en: 'Open relay: with these smtpd_relay_restrictions and smtpd_recipient_restrictions, a client outside mynetworks that has not logged in may send mail to any domain. Put reject_unauth_destination (or defer_unauth_destination) in {0} before anything that permits such a client',
    es: 'Relay abierto: con estas smtpd_relay_restrictions y smtpd_recipient_restrictions, un cliente de fuera de mynetworks que no se ha autenticado puede enviar correo a cualquier dominio. Ponga reject_unauth_destination (o defer_unauth_destination) en {0} antes de lo que permita a ese cliente',
  },
  'relay.service-world-networks': {
    en: 'Open relay: on {0}, permit_mynetworks lets every client relay: mynetworks includes {1}, every address on the Internet. List only your own networks in mynetworks',
    es: 'Relay abierto: en {0}, permit_mynetworks deja hacer relay a cualquier cliente: mynetworks incluye {1}, todas las direcciones de Internet. Ponga en mynetworks solo sus propias redes',
  },
  'relay.service-open': {
    en: 'Open relay: on {0}, a client outside mynetworks that has not logged in may send mail to any domain. Put reject_unauth_destination (or defer_unauth_destination) in the restrictions before anything that permits such a client',
    es: 'Relay abierto: en {0}, un cliente de fuera de mynetworks que no se ha autenticado puede enviar correo a cualquier dominio. Ponga reject_unauth_destination (o defer_unauth_destination) en las restricciones antes de lo que permita a ese cliente',
  },
  'relay.permits-all': {
    en: '{0} ends in a bare permit with no reject_unauth_destination before it, so it lets every client relay, even with a narrow mynetworks: only smtpd_recipient_restrictions keeps this server from being an open relay. Put reject_unauth_destination before the permit',
    es: '{0} termina en un permit sin reject_unauth_destination antes, así que deja hacer relay a cualquier cliente, aunque mynetworks sea estrecho: solo smtpd_recipient_restrictions impide que este servidor sea un relay abierto. Ponga reject_unauth_destination antes del permit',
  },
  // Postfix releases (the target is mailconf.postfixVersion)
  'release.needs-newer': {
    en: "'{0}' needs Postfix {1} or later; the target is {2}, which ignores it and warns \"unused parameter\"",
    es: "'{0}' necesita Postfix {1} o posterior; el objetivo es {2}, que lo ignora y avisa «unused parameter»",
  },
  'release.removed-parameter': {
    en: "'{0}' was removed in Postfix {1}; the target is {2}, which ignores it and warns \"unused parameter\"",
    es: "'{0}' se eliminó en Postfix {1}; el objetivo es {2}, que lo ignora y avisa «unused parameter»",
  },
  'release.removed': {
    en: "'{0}' was removed in Postfix {1} (the target is {2}). {3}",
    es: "'{0}' se eliminó en Postfix {1} (el objetivo es {2}). {3}",
  },
  'release.deprecated': {
    en: "'{0}' is deprecated since Postfix {1}; {2}. {3}",
    es: "'{0}' está obsoleto desde Postfix {1}; {2}. {3}",
  },
  'release.deprecated-later': {
    en: "'{0}' is deprecated from Postfix {1} on (the target is {2}); {3}. {4}",
    es: "'{0}' queda obsoleto a partir de Postfix {1} (el objetivo es {2}); {3}. {4}",
  },
  'release.removed-in': { en: 'Postfix {0} no longer accepts it', es: 'Postfix {0} ya no lo acepta' },
  'release.still-accepted': { en: 'Postfix {0} still accepts it, with a warning', es: 'Postfix {0} aún lo acepta, con un aviso' },
  'release.renamed': {
    en: "'{0}' is the old name of {1}; Postfix {2} no longer reads it and warns \"unused parameter\". Rename it to {1}",
    es: "'{0}' es el nombre antiguo de {1}; Postfix {2} ya no lo lee y avisa «unused parameter». Cámbielo a {1}",
  },
  'release.service-parameter': {
    en: "'{0}' is a per-service parameter of a master.cf service named '{1}', and master.cf has no such service: Postfix ignores it and warns \"unused parameter\". Add the '{1}' service to master.cf, or remove this line",
    es: "'{0}' es un parámetro propio de un servicio de master.cf llamado '{1}', y master.cf no tiene ese servicio: Postfix lo ignora y avisa «unused parameter». Añada el servicio '{1}' a master.cf o borre esta línea",
  },
  // TLS and SASL settings
  'security.tls-wrappermode-global': {
    en: 'smtpd_tls_wrappermode = yes in main.cf turns every smtpd into an implicit-TLS (port 465) server, including port 25, where other mail servers expect plain SMTP with STARTTLS. Set it with -o in master.cf on the 465 service only',
    es: 'smtpd_tls_wrappermode = yes en main.cf convierte cada smtpd en un servidor de TLS implícito (puerto 465), también el del puerto 25, donde los demás servidores de correo esperan SMTP en claro con STARTTLS. Póngalo con -o en master.cf, solo en el servicio del 465',
  },
  'security.tls-wrappermode-port-25': {
    en: 'The {0} service (port 25) runs in TLS wrapper mode: other mail servers speak plain SMTP and STARTTLS there, so they cannot deliver. Use wrapper mode only on port 465',
    es: 'El servicio {0} (puerto 25) funciona en modo TLS implícito (wrapper): los demás servidores de correo hablan ahí SMTP en claro con STARTTLS, así que no pueden entregar. Use ese modo solo en el puerto 465',
  },
  'security.tls-encrypt-port-25': {
    en: 'smtpd_tls_security_level = encrypt on port 25 (the public MX service) refuses mail from servers without TLS; RFC 3207 forbids requiring TLS on a publicly-referenced server. Use may there and encrypt on submission',
    es: 'smtpd_tls_security_level = encrypt en el puerto 25 (el servicio MX público) rechaza el correo de servidores sin TLS; el RFC 3207 prohíbe exigir TLS en un servidor al que se remite públicamente. Use may ahí y encrypt en submission',
  },
  'security.tls-cert-without-key': {
    en: '{0} is set but {1} is empty: TLS cannot start without the private key',
    es: '{0} tiene valor pero {1} está vacío: TLS no puede arrancar sin la clave privada',
  },
  'security.tls-cert-only-file': {
    en: '{0} is not set, so Postfix reads the private key from {1} as well; that looks like a certificate-only file. Set {0} to the key file',
    es: '{0} no tiene valor, así que Postfix lee también la clave privada de {1}, que parece un fichero solo de certificado. Dé a {0} el fichero de la clave',
  },
  'security.tls-key-without-cert': {
    en: '{0} is set but {1} is empty: the key is unused and TLS has no certificate',
    es: '{0} tiene valor pero {1} está vacío: la clave no se usa y TLS no tiene certificado',
  },
  'security.auth-without-tls.by': { en: ' by {0}', es: ' en {0}' },
  'security.auth-without-tls': {
    en: 'SMTP AUTH is offered{0} but TLS is not (smtpd_tls_security_level is {1}): passwords cross the network in clear text, unless a TLS proxy in front of this port (stunnel, haproxy, a load balancer) encrypts them. To tell: if clients connect to this port directly, offer TLS here; if they only reach it through such a proxy, make sure the port is not reachable from elsewhere',
    es: 'Se ofrece SMTP AUTH{0} pero no TLS (smtpd_tls_security_level es {1}): las contraseñas viajan en claro por la red, salvo que un proxy TLS delante de este puerto (stunnel, haproxy, un balanceador) las cifre. Para saberlo: si los clientes se conectan directamente a este puerto, ofrezca TLS aquí; si solo llegan a través de ese proxy, asegúrese de que el puerto no sea accesible desde fuera',
  },
  'security.auth-never-offered': {
    en: 'SMTP AUTH is never offered{0}: smtpd_tls_auth_only = yes keeps it for TLS sessions, and TLS is not offered (smtpd_tls_security_level is {1}), so clients cannot log in. Offer TLS (smtpd_tls_security_level = may, with a certificate)',
    es: 'SMTP AUTH nunca se ofrece{0}: smtpd_tls_auth_only = yes lo reserva para las sesiones TLS, y no se ofrece TLS (smtpd_tls_security_level es {1}), así que los clientes no pueden autenticarse. Ofrezca TLS (smtpd_tls_security_level = may, con un certificado)',
  },
  'security.auth-without-tls.loopback': {
    en: 'SMTP AUTH is offered{0} without TLS (smtpd_tls_security_level is {1}), but only this host can connect (loopback): fine behind a local TLS proxy, as long as nothing forwards this port to the network',
    es: 'Se ofrece SMTP AUTH{0} sin TLS (smtpd_tls_security_level es {1}), pero solo este equipo puede conectarse (loopback): correcto detrás de un proxy TLS local, mientras nada reenvíe este puerto a la red',
  },
  // $references
  'names.unknown-parameter': {
    en: 'Unknown parameter \'{0}\': Postfix ignores it and warns "unused parameter"',
    es: 'Parámetro desconocido \'{0}\': Postfix lo ignora y avisa «unused parameter»',
  },
  'names.undefined-reference': {
    en: '\'${0}\' refers to a parameter that is defined nowhere: it expands to nothing and postconf warns "undefined parameter"',
    es: '\'${0}\' remite a un parámetro que no está definido en ningún sitio: se sustituye por nada y postconf avisa «undefined parameter»',
  },
  'names.reference-loop': {
    en: "'${0}' leads back to {1} ({2}): Postfix expands it without end and stops with \"unreasonable macro call nesting\", postconf included. Give one of them a value that does not refer back",
    es: "'${0}' vuelve a {1} ({2}): Postfix lo expande sin fin y se detiene con «unreasonable macro call nesting», también postconf. Dé a uno de ellos un valor que no remita de vuelta",
  },
  'names.service-self-reference': {
    en: "-o {0}=${0} refers to the service's own setting, not to main.cf's: Postfix expands it without end and stops with \"unreasonable macro call nesting\", postconf included. Write the value here, or give main.cf's value a name of its own (my_{0} = ... in main.cf, then -o {0}=$my_{0})",
    es: "-o {0}=${0} remite al propio ajuste del servicio, no al de main.cf: Postfix lo expande sin fin y se detiene con «unreasonable macro call nesting», también postconf. Escriba aquí el valor, o dé al valor de main.cf un nombre propio (my_{0} = ... en main.cf, y luego -o {0}=$my_{0})",
  },
  // restriction lists
  'restrictions.class-undefined': {
    en: "The restriction class '{0}' has no value in main.cf: smtpd stops at start-up (\"restriction class needs a definition\"). Add '{0} = ...' with its restrictions, or remove it from smtpd_restriction_classes",
    es: "La clase de restricciones '{0}' no tiene valor en main.cf: smtpd se detiene al arrancar («restriction class needs a definition»). Añada '{0} = ...' con sus restricciones, o quítela de smtpd_restriction_classes",
  },
  // values, judged the way Postfix parses them
  'value.invalid': { en: 'Invalid value for {0}: {1}', es: 'Valor no válido para {0}: {1}' },
  'value.did-you-mean': { en: "Did you mean '{0}'?", es: "¿Quería decir '{0}'?" },
  'value.boolean': { en: 'expected yes or no, not "{0}"', es: 'se esperaba yes o no, no «{0}»' },
  'value.integer': { en: 'expected a whole number, not "{0}"', es: 'se esperaba un número entero, no «{0}»' },
  'value.size': { en: 'expected a size in bytes (digits only), not "{0}"', es: 'se esperaba un tamaño en bytes (solo cifras), no «{0}»' },
  'value.int32': { en: 'expected a whole number that fits in 32 bits, not {0}', es: 'se esperaba un número entero que quepa en 32 bits, no {0}' },
  'value.time': { en: 'expected a time such as 30s, 5m, 1h, 2d or 1w, not "{0}"', es: 'se esperaba un tiempo como 30s, 5m, 1h, 2d o 1w, no «{0}»' },
  'value.seconds': { en: '{0} ({1} seconds)', es: '{0} ({1} segundos)' },
  'value.at-least': { en: 'Postfix requires at least {0}, not {1}', es: 'Postfix exige al menos {0}, no {1}' },
  'value.at-most': { en: 'Postfix allows at most {0}, not {1}', es: 'Postfix admite como mucho {0}, no {1}' },
  'value.one-of': { en: 'expected one of {0}', es: 'se esperaba uno de {0}' },
  'value.not-one-of': { en: '"{0}" is not one of {1}', es: '«{0}» no es uno de {1}' },
  'value.table': { en: 'expected type:table (such as hash:/etc/postfix/file), not "{0}"', es: 'se esperaba tipo:tabla (como hash:/etc/postfix/fichero), no «{0}»' },
  // main.cf
  'maincf.continues-previous-setting': {
    en: "This indented line continues '{0}': Postfix reads '{1} = …' as part of its value. A new setting must start at the first column",
    es: "Esta línea sangrada continúa '{0}': Postfix lee '{1} = …' como parte de su valor. Un ajuste nuevo debe empezar en la primera columna",
  },
  // zone files
  'master.service-port': { en: '`{0}` is TCP port {1}, as /etc/services names it', es: '`{0}` es el puerto TCP {1}, según lo nombra /etc/services' },
  'zone.no-origin': {
    en: 'Which zone is this? Nothing says so yet, so the zone cannot be checked as a whole. Start the file with $ORIGIN (e.g. $ORIGIN mail1.org.), name it after the zone (mail1.org.zone, db.mail1.org), or give its zone in the mailconf.zone.origins setting (--origin for mailconf check)',
    es: '¿De qué zona es esto? Nada lo dice aún, así que la zona no se puede comprobar en conjunto. Empiece el fichero con $ORIGIN (p. ej. $ORIGIN mail1.org.), póngale el nombre de la zona (mail1.org.zone, db.mail1.org) o indique su zona en el ajuste mailconf.zone.origins (--origin en mailconf check)',
  },
  'zone.reverse.comment': { en: 'Reverse zone of {0}, made from the A records of {1}.', es: 'Zona inversa de {0}, hecha con los registros A de {1}.' },
  'zone.reverse.why': {
    en: 'reject_unknown_client_hostname refuses clients whose address has no name: each server needs its PTR.',
    es: 'reject_unknown_client_hostname rechaza a los clientes cuya dirección no tiene nombre: cada servidor necesita su PTR.',
  },
  'zone.fix.alias-of': { en: 'Make {0} an alias of {1}', es: 'Hacer de {0} un alias de {1}' },
  'maincf.fix.unindent': { en: "Remove the indent: make '{0}' a setting of its own", es: "Quitar la sangría: hacer de '{0}' un ajuste propio" },
} as const satisfies Record<string, { en: string; es: string }>;
