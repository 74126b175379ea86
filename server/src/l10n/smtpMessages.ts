// Messages of the SMTP test's expectations: what was seen on a port and what usually causes it.
// Part of `messages` (./messages.ts). The settings they name stay as Postfix spells them.
export const smtpMessages = {
  // What usually causes each failed expectation (server/src/smtp/profiles.ts).
  'smtp.why.unreachable': {
    en: 'No smtpd answers on this port: the master.cf service line is missing or commented out, or Postfix listens on other addresses.',
    es: 'Ningún smtpd responde en este puerto: falta la línea del servicio en master.cf o está comentada, o Postfix escucha en otras direcciones.',
  },
  'smtp.why.name-unresolved': {
    en: 'The host name does not resolve, so no connection was tried. Check its A record in DNS (host, dig), or put the name in /etc/hosts on this machine, or test the IP address instead.',
    es: 'El nombre de la máquina no se resuelve, así que no se intentó la conexión. Revise su registro A en el DNS (host, dig), añada el nombre a /etc/hosts en esta máquina o pruebe con la dirección IP.',
  },
  'smtp.why.greeting-refused': {
    en: 'The server turned the session away at once; client restrictions or a full server usually do that.',
    es: 'El servidor rechazó la sesión nada más empezar; suelen hacerlo las restricciones de cliente o un servidor saturado.',
  },
  'smtp.why.starttls-missing': {
    en: 'STARTTLS is only offered when smtpd has a certificate and TLS is enabled for the service.',
    es: 'STARTTLS solo se ofrece cuando smtpd tiene un certificado y TLS está activado para el servicio.',
  },
  'smtp.why.no-implicit-tls': {
    en: 'Port 465 must speak TLS from the first byte: the submissions/smtps service in master.cf needs -o smtpd_tls_wrappermode=yes.',
    es: 'El puerto 465 debe hablar TLS desde el primer byte: el servicio submissions/smtps de master.cf necesita -o smtpd_tls_wrappermode=yes.',
  },
  'smtp.why.tls-failed': {
    en: 'The TLS handshake failed: the certificate or key files are unreadable or do not match, or the protocols/ciphers are too narrow.',
    es: 'La negociación TLS falló: los ficheros de certificado o de clave no se pueden leer o no casan, o los protocolos/cifrados son demasiado restrictivos.',
  },
  'smtp.why.certificate-expired': {
    en: 'The certificate smtpd presents is past its end date; renew it and point the TLS settings at the new files, then reload Postfix.',
    es: 'El certificado que presenta smtpd ha caducado; renuévelo, apunte los ajustes TLS a los ficheros nuevos y recargue Postfix.',
  },
  'smtp.why.certificate-name': {
    en: 'The certificate does not name the host clients connect to; issue one whose subjectAltName covers it (usually $myhostname).',
    es: 'El certificado no nombra la máquina a la que se conectan los clientes; genere uno cuyo subjectAltName la incluya (normalmente $myhostname).',
  },
  'smtp.why.certificate-untrusted': {
    en: 'The chain does not lead to a trusted CA: a self-signed certificate, or the intermediate certificates are missing from the file.',
    es: 'La cadena no lleva a una CA de confianza: un certificado autofirmado, o faltan los certificados intermedios en el fichero.',
  },
  'smtp.why.auth-before-tls': {
    en: 'AUTH is offered on the plaintext connection, so a password could travel unencrypted; set smtpd_tls_auth_only=yes.',
    es: 'AUTH se ofrece en la conexión sin cifrar, así que una contraseña podría viajar en claro; ponga smtpd_tls_auth_only=yes.',
  },
  'smtp.why.auth-missing': {
    en: 'SASL is not enabled on this service; add -o smtpd_sasl_auth_enable=yes to its master.cf entry and check the SASL backend.',
    es: 'SASL no está activado en este servicio; añada -o smtpd_sasl_auth_enable=yes a su entrada de master.cf y revise el servicio SASL.',
  },
  'smtp.why.auth-failed': {
    en: 'The credentials were refused or the SASL backend (Dovecot) is not reachable on its socket.',
    es: 'Se rechazaron las credenciales o no se llega al servicio SASL (Dovecot) por su socket.',
  },
  'smtp.why.auth-untested': {
    en: 'Give a user and a password so that AUTH can be tried.',
    es: 'Indique un usuario y una contraseña para poder probar AUTH.',
  },
  'smtp.why.open-relay': {
    en: 'Mail for another domain is accepted without authentication: the relay restrictions permit the client (often permit_mynetworks with a wide mynetworks, or a bare permit).',
    es: 'Se acepta correo para otro dominio sin autenticación: las restricciones de reenvío permiten al cliente (a menudo permit_mynetworks con un mynetworks demasiado amplio, o un permit a secas).',
  },
  'smtp.why.relay-deferred': {
    en: 'Relaying is refused only temporarily (4xx), so clients retry; use reject_unauth_destination rather than defer_unauth_destination once tests are done.',
    es: 'El reenvío solo se rechaza temporalmente (4xx), así que los clientes reintentan; use reject_unauth_destination en lugar de defer_unauth_destination al acabar las pruebas.',
  },
  'smtp.why.local-rejected': {
    en: 'The server refuses mail for its own domain: the domain is missing from mydestination (or virtual domains), or a recipient restriction rejects it.',
    es: 'El servidor rechaza el correo de su propio dominio: falta el dominio en mydestination (o en los dominios virtuales), o lo rechaza una restricción de destinatario.',
  },
  'smtp.why.stage-failed': {
    en: 'The conversation stopped before this could be checked.',
    es: 'La conversación se cortó antes de poder comprobarlo.',
  },
  'smtp.lens.test-port': { en: '▶ Test port {0}', es: '▶ Probar el puerto {0}' },
  // What was seen.
  /** A stage's own account of what happened (the server's reply, the TLS error), as it came. */
  'smtp.seen.detail': { en: '{0}', es: '{0}' },
  'smtp.seen.starttls-missing': { en: 'STARTTLS is not offered', es: 'No se ofrece STARTTLS' },
  'smtp.seen.auth-before-tls': { en: 'AUTH is offered before TLS ({0})', es: 'Se ofrece AUTH antes de TLS ({0})' },
  'smtp.seen.open-relay': {
    en: 'an unauthenticated RCPT TO:<{0}> was accepted ({1})',
    es: 'se aceptó un RCPT TO:<{0}> sin autenticar ({1})',
  },
  'smtp.seen.relay-deferred': {
    en: 'relaying to <{0}> got {1}, not a 5xx refusal',
    es: 'el reenvío a <{0}> recibió {1}, no un rechazo 5xx',
  },
  'smtp.seen.local-rejected': {
    en: 'the local recipient <{0}> was refused ({1})',
    es: 'se rechazó el destinatario local <{0}> ({1})',
  },
  'smtp.seen.auth-missing': { en: 'AUTH is not offered after TLS', es: 'No se ofrece AUTH después de TLS' },
  'smtp.seen.auth-failed': { en: 'AUTH {0} was refused ({1})', es: 'Se rechazó AUTH {0} ({1})' },
  'smtp.seen.no-reply': { en: 'no reply', es: 'sin respuesta' },
  'smtp.seen.auth-untested': {
    en: 'AUTH is offered but was not tried: no credentials were given',
    es: 'Se ofrece AUTH pero no se probó: no se dieron credenciales',
  },
  'smtp.seen.name-unresolved': { en: '{0} does not resolve: {1}', es: '{0} no se resuelve: {1}' },
  'smtp.seen.unreachable': { en: 'cannot connect to port {0}: {1}', es: 'no se puede conectar al puerto {0}: {1}' },
  'smtp.seen.no-usable-greeting': { en: 'no usable greeting: {0}', es: 'ningún saludo utilizable: {0}' },
  'smtp.seen.no-implicit-tls': { en: 'no TLS from the first byte: {0}', es: 'no hay TLS desde el primer byte: {0}' },
  'smtp.seen.stage-failed': { en: '{0} failed: {1}', es: 'falló {0}: {1}' },
  'smtp.seen.certificate-expired': { en: 'the certificate expired on {0}', es: 'el certificado caducó el {0}' },
  'smtp.seen.certificate-name': { en: 'the certificate names {0}, not {1}', es: 'el certificado nombra {0}, no {1}' },
} as const satisfies Record<string, { en: string; es: string }>;
