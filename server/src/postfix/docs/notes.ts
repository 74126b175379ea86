// Longer notes, in Spanish and English and in our own words, for every parameter and restriction
// the Postfix lab lesson discusses. They explain what the lab does with each one and the usual
// trap, which the one-line summaries cannot. Markdown is allowed (hover renders it).
export interface Note {
  en: string;
  es: string;
}

export const PARAMETER_NOTES: Record<string, Note> = {
  myhostname: {
    en: 'Set it to the name the server is known by from outside, e.g. `smtp.mail1.org`. It must be a fully qualified name: other servers compare it with your DNS, and many parameters (`mydomain`, `myorigin`, `smtpd_banner`) derive from it.',
    es: 'Indique aquí el nombre con el que se conoce al servidor desde fuera, p. ej. `smtp.mail1.org`. Debe ser un nombre completo: otros servidores lo contrastan con su DNS, y de él derivan otros parámetros (`mydomain`, `myorigin`, `smtpd_banner`).',
  },
  mydomain: {
    en: 'Usually left unset: Postfix takes `myhostname` and drops its first label (`smtp.mail1.org` → `mail1.org`). Set it only when that rule gives the wrong domain.',
    es: 'Normalmente no se define: Postfix toma `myhostname` y le quita la primera etiqueta (`smtp.mail1.org` → `mail1.org`). Defínalo solo si esa regla da un dominio equivocado.',
  },
  myorigin: {
    en: 'The domain used for mail sent from this machine without a domain (cron, `mail root`). Debian writes `myorigin = /etc/mailname`, and its Postfix reads the domain from that file; upstream Postfix would take the path literally.',
    es: 'El dominio del correo que sale de esta máquina sin dominio (cron, `mail root`). Debian escribe `myorigin = /etc/mailname` y su Postfix lee el dominio de ese fichero; el Postfix original tomaría la ruta tal cual.',
  },
  mydestination: {
    en: 'Domains whose mail ends here in a **local** mailbox (system users). In the lab: `mail1.org, localhost`. Do not list virtual domains here as well: a domain must be local, virtual or relay, never two at once.',
    es: 'Dominios cuyo correo termina aquí en un buzón **local** (usuarios del sistema). En la práctica: `mail1.org, localhost`. No repita aquí los dominios virtuales: un dominio es local, virtual o de reenvío, nunca dos cosas a la vez.',
  },
  mynetworks: {
    en: 'Clients in these networks are trusted by `permit_mynetworks`, so they may relay without logging in. Keep it to the machine itself (`127.0.0.0/8`) as the lab does; a wide network here turns the server into an open relay.',
    es: 'Los clientes de estas redes son de confianza para `permit_mynetworks` y pueden reenviar sin autenticarse. Limítelo a la propia máquina (`127.0.0.0/8`), como en la práctica; una red amplia aquí convierte el servidor en un relé abierto.',
  },
  relayhost: {
    en: 'Empty (as in the lab) means Postfix looks up the MX of each destination and delivers directly. Put a host here to send everything through a smarthost; write `[host]` to skip the MX lookup.',
    es: 'Vacío (como en la práctica) significa que Postfix busca el MX de cada destino y entrega directamente. Indique un servidor para enviar todo a través de un smarthost; escriba `[servidor]` para no buscar su MX.',
  },
  inet_interfaces: {
    en: '`all` listens on every address; `loopback-only` only accepts local clients. Changing it needs `postfix stop` and `start`, not just a reload.',
    es: '`all` escucha en todas las direcciones; `loopback-only` solo acepta clientes locales. Para cambiarlo hace falta `postfix stop` y `start`, no basta con recargar.',
  },
  inet_protocols: {
    en: 'The lab uses `ipv4` because its machines have no IPv6 connectivity; with `all`, Postfix would also try IPv6 addresses and log connection failures.',
    es: 'La práctica usa `ipv4` porque sus máquinas no tienen conectividad IPv6; con `all`, Postfix probaría también las direcciones IPv6 y registraría fallos de conexión.',
  },
  alias_maps: {
    en: 'Where the local delivery agent looks up aliases (`/etc/aliases`). After editing the source file run `newaliases`; aliases may point to other local users, to outside addresses, to files or to commands.',
    es: 'Dónde busca los alias el agente de entrega local (`/etc/aliases`). Tras editar el fichero, ejecute `newaliases`; un alias puede apuntar a otros usuarios locales, a direcciones externas, a ficheros o a programas.',
  },
  alias_database: {
    en: 'The tables `newaliases` rebuilds. It normally names the same file as `alias_maps`; if they differ, edits to the aliases file may never be compiled.',
    es: 'Las tablas que reconstruye `newaliases`. Normalmente nombra el mismo fichero que `alias_maps`; si no coinciden, los cambios en los alias pueden no compilarse nunca.',
  },
  recipient_delimiter: {
    en: 'With `+`, everything after the plus sign in the local part is an extension: mail to `manolo+esto.no.sirve@mail1.org` is delivered to `manolo`. Useful for tagging addresses you give away.',
    es: 'Con `+`, todo lo que sigue al signo más en la parte local es una extensión: un mensaje a `manolo+esto.no.sirve@mail1.org` se entrega a `manolo`. Sirve para etiquetar las direcciones que se facilitan a terceros.',
  },
  mailbox_size_limit: {
    en: 'The lab sets `0` (no limit) so mailboxes never stop growing. It must not be smaller than `message_size_limit`, or a single large message could never be delivered.',
    es: 'La práctica pone `0` (sin límite) para que los buzones no dejen de crecer. No debe ser menor que `message_size_limit`, o un mensaje grande nunca podría entregarse.',
  },
  message_size_limit: {
    en: 'Largest message, in bytes, the server accepts; the lab raises it to `20480000` (about 20 MB) with `postconf -e`. Attachments grow by a third when encoded, so leave room.',
    es: 'Tamaño máximo de mensaje, en bytes, que acepta el servidor; la práctica lo sube a `20480000` (unos 20 MB) con `postconf -e`. Los adjuntos crecen un tercio al codificarse, así que conviene dejar margen.',
  },
  smtpd_relay_restrictions: {
    en: 'Decides whether a message may be **relayed** (sent on to a domain that is not ours). The lab keeps the Debian value `permit_mynetworks permit_sasl_authenticated defer_unauth_destination`: local clients and logged-in users may relay, everyone else only reaches our own domains.',
    es: 'Decide si un mensaje puede **reenviarse** (ir a un dominio que no es nuestro). La práctica mantiene el valor de Debian `permit_mynetworks permit_sasl_authenticated defer_unauth_destination`: los clientes locales y los usuarios autenticados pueden reenviar, el resto solo llega a nuestros dominios.',
  },
  smtpd_recipient_restrictions: {
    en: 'Checks at RCPT TO, after the relay ones; the first one that decides wins. The lab uses `permit_mynetworks, permit_sasl_authenticated, reject` for the submission ports and a stricter list, `$port25_recipient_restrictions`, for port 25 through `-o` in master.cf.',
    es: 'Comprobaciones en RCPT TO, después de las de reenvío; gana la primera que decide. La práctica usa `permit_mynetworks, permit_sasl_authenticated, reject` para los puertos de envío y una lista más estricta, `$port25_recipient_restrictions`, para el puerto 25 mediante `-o` en master.cf.',
  },
  smtpd_tls_security_level: {
    en: '`may` announces STARTTLS and lets the client decide (right for port 25, where other servers may not support TLS); `encrypt` refuses mail without TLS and suits only submission (587). Wrapper mode on 465 ignores this setting.',
    es: '`may` anuncia STARTTLS y deja decidir al cliente (lo adecuado en el puerto 25, donde otros servidores pueden no tener TLS); `encrypt` rechaza el correo sin TLS y solo conviene en el envío (587). El modo envoltorio del 465 ignora este valor.',
  },
  smtpd_tls_cert_file: {
    en: 'The server certificate in PEM. The lab uses Debian\'s self-signed `ssl-cert-snakeoil.pem`; a real server needs one whose name matches `myhostname`, for example from Let\'s Encrypt.',
    es: 'El certificado del servidor en PEM. La práctica usa el autofirmado de Debian, `ssl-cert-snakeoil.pem`; un servidor real necesita uno cuyo nombre coincida con `myhostname`, por ejemplo de Let\'s Encrypt.',
  },
  smtpd_tls_key_file: {
    en: 'The private key of `smtpd_tls_cert_file`. It must be readable by root only; Postfix reads it before dropping privileges.',
    es: 'La clave privada de `smtpd_tls_cert_file`. Solo debe poder leerla root; Postfix la lee antes de renunciar a sus privilegios.',
  },
  smtpd_tls_loglevel: {
    en: '`1` logs one line per TLS handshake with protocol and cipher, enough to check that STARTTLS works; `2` and above are for debugging.',
    es: '`1` registra una línea por negociación TLS con el protocolo y el cifrado, suficiente para comprobar que STARTTLS funciona; `2` o más es para depurar.',
  },
  smtpd_tls_received_header: {
    en: 'With `yes`, the Received: header says which TLS version and cipher the client used, so the recipient can see the hop was encrypted.',
    es: 'Con `yes`, la cabecera Received: indica la versión de TLS y el cifrado que usó el cliente, así el destinatario ve que ese tramo iba cifrado.',
  },
  smtpd_tls_wrappermode: {
    en: 'TLS from the very first byte, the old "SMTPS" way. Enable it **only for the port 465 service** in master.cf (`-o smtpd_tls_wrappermode=yes`), never in main.cf: on port 25 other servers expect plain SMTP and STARTTLS, and would fail to deliver to you.',
    es: 'TLS desde el primer byte, al viejo estilo «SMTPS». Actívelo **solo en el servicio del puerto 465** en master.cf (`-o smtpd_tls_wrappermode=yes`), nunca en main.cf: en el puerto 25 los demás servidores esperan SMTP normal y STARTTLS, y no podrían entregarle correo.',
  },
  smtp_use_tls: {
    en: 'The lesson writes `smtp_use_tls = yes` so Postfix uses STARTTLS when it sends mail. Postfix 3.7 still accepts it, but it is deprecated since 3.9: write `smtp_tls_security_level = may` instead, which means the same.',
    es: 'La lección escribe `smtp_use_tls = yes` para que Postfix use STARTTLS al enviar. Postfix 3.7 aún lo acepta, pero está obsoleto desde la 3.9: escriba en su lugar `smtp_tls_security_level = may`, que significa lo mismo.',
  },
  smtp_tls_security_level: {
    en: 'TLS when Postfix sends to other servers. `may` encrypts whenever the other side offers STARTTLS and falls back to plain text otherwise; stricter levels (`encrypt`, `verify`, `dane`) can make mail undeliverable to servers without TLS.',
    es: 'TLS cuando Postfix envía a otros servidores. `may` cifra si el otro lado ofrece STARTTLS y, si no, envía en claro; los niveles más estrictos (`encrypt`, `verify`, `dane`) pueden impedir entregar a servidores sin TLS.',
  },
  smtpd_sasl_auth_enable: {
    en: 'Turns on SMTP AUTH. The lab enables it in main.cf and switches it off for port 25 with `-o smtpd_sasl_auth_enable=no` in master.cf, because only users (on 465 and 587) should log in.',
    es: 'Activa SMTP AUTH. La práctica lo activa en main.cf y lo desactiva en el puerto 25 con `-o smtpd_sasl_auth_enable=no` en master.cf, porque solo los usuarios (en 465 y 587) deben autenticarse.',
  },
  smtpd_sasl_type: {
    en: 'Which SASL library checks passwords: `cyrus` (the default, used by the lab with saslauthd) or `dovecot` (asks Dovecot\'s auth socket). `postconf -a` lists the types this Postfix supports.',
    es: 'Qué biblioteca SASL comprueba las contraseñas: `cyrus` (la predeterminada, la que usa la práctica con saslauthd) o `dovecot` (pregunta al socket de autenticación de Dovecot). `postconf -a` lista los tipos que admite este Postfix.',
  },
  smtpd_sasl_path: {
    en: 'With Cyrus, the application name: `smtpd` makes the library read `smtpd.conf` (where the lab sets `pwcheck_method: saslauthd`). With Dovecot, the socket path relative to the queue, such as `private/auth`.',
    es: 'Con Cyrus, el nombre de la aplicación: `smtpd` hace que la biblioteca lea `smtpd.conf` (donde la práctica pone `pwcheck_method: saslauthd`). Con Dovecot, la ruta del socket relativa a la cola, como `private/auth`.',
  },
  smtpd_sasl_local_domain: {
    en: 'A realm added to the login name. Empty in the lab. With `$mydomain`, the user who logs in as "pepe" is known as "pepe@mail1.org": that changes the **user name**, not the mailbox, which is still pepe@mail1.org either way.',
    es: 'Un dominio que se añade al nombre de usuario. En la práctica está vacío. Con `$mydomain`, quien se autentica como «pepe» pasa a ser «pepe@mail1.org»: cambia el **nombre de usuario**, no la cuenta, que en ambos casos es pepe@mail1.org.',
  },
  smtpd_sasl_security_options: {
    en: '`noanonymous` refuses anonymous logins, which would otherwise let anyone relay. Add `noplaintext` only if TLS is not guaranteed; with `smtpd_tls_auth_only = yes` plaintext passwords are already protected.',
    es: '`noanonymous` rechaza el acceso anónimo, que si no dejaría reenviar a cualquiera. Añada `noplaintext` solo si no está garantizado TLS; con `smtpd_tls_auth_only = yes` las contraseñas en claro ya van protegidas.',
  },
  broken_sasl_auth_clients: {
    en: 'Also announces AUTH in the non-standard `AUTH=` form that old Outlook versions expect. Harmless for other clients; the lab enables it.',
    es: 'Anuncia también AUTH en la forma no estándar `AUTH=` que esperan versiones antiguas de Outlook. Inofensivo para los demás clientes; la práctica lo activa.',
  },
  header_checks: {
    en: 'Each header line of incoming mail is matched against the patterns (usually `regexp:` or `pcre:` tables); a match can `REJECT`, `DISCARD`, `HOLD`, `REDIRECT` or just `WARN`. It runs in cleanup while the message is received.',
    es: 'Cada cabecera del correo entrante se compara con los patrones (normalmente tablas `regexp:` o `pcre:`); una coincidencia puede hacer `REJECT`, `DISCARD`, `HOLD`, `REDIRECT` o solo `WARN`. Se aplica en cleanup mientras se recibe el mensaje.',
  },
  body_checks: {
    en: 'Like `header_checks`, line by line over the body. It sees the encoded text (base64 attachments are not decoded), so it is a blunt tool; content filters do better.',
    es: 'Como `header_checks`, línea a línea sobre el cuerpo. Ve el texto codificado (los adjuntos en base64 no se decodifican), así que es una herramienta tosca; los filtros de contenido lo hacen mejor.',
  },
  milter_header_checks: {
    en: 'Header checks for the headers that milters add after the message arrived, since `header_checks` has already run by then.',
    es: 'Comprobaciones para las cabeceras que añaden los milters una vez llegado el mensaje, ya que `header_checks` se aplicó antes.',
  },
  virtual_alias_maps: {
    en: 'Redirects recipients to other addresses, for any domain, after canonical rewriting. With virtual alias domains every address must be listed; with local or virtual mailbox domains it adds aliases on top.',
    es: 'Redirige destinatarios a otras direcciones, para cualquier dominio, tras la reescritura canónica. En los dominios de alias virtuales hay que listar todas las direcciones; en los locales o de buzones virtuales añade alias a los existentes.',
  },
  virtual_mailbox_domains: {
    en: 'Domains whose users have mailboxes here but no system account. Delivery goes through `virtual_transport` (the `virtual` agent, or LMTP to Dovecot). Never list the same domain in `mydestination`.',
    es: 'Dominios cuyos usuarios tienen buzón aquí pero no cuenta del sistema. La entrega pasa por `virtual_transport` (el agente `virtual`, o LMTP hacia Dovecot). No ponga el mismo dominio en `mydestination`.',
  },
  virtual_mailbox_maps: {
    en: 'The list of valid users of the virtual mailbox domains; with the `virtual` agent, the value is the mailbox path under `virtual_mailbox_base`. Unknown users are rejected during SMTP.',
    es: 'La lista de usuarios válidos de los dominios virtuales; con el agente `virtual`, el valor es la ruta del buzón bajo `virtual_mailbox_base`. Los usuarios desconocidos se rechazan durante SMTP.',
  },
  virtual_transport: {
    en: 'How mail for virtual mailbox domains is delivered. The default `virtual` writes mailboxes itself; `lmtp:unix:private/dovecot-lmtp` hands it to Dovecot.',
    es: 'Cómo se entrega el correo de los dominios virtuales. El valor por omisión, `virtual`, escribe él mismo los buzones; `lmtp:unix:private/dovecot-lmtp` se lo pasa a Dovecot.',
  },
  transport_maps: {
    en: 'Overrides the transport per domain or address, e.g. `mail1.org lmtp:[127.0.0.1]:24`. Recipient validation still happens first, by the rules of the domain class (local or virtual), before the transport chosen here is used.',
    es: 'Cambia el transporte por dominio o dirección, p. ej. `mail1.org lmtp:[127.0.0.1]:24`. La comprobación de que el destinatario existe se hace antes, según la clase del dominio (local o virtual), y solo después se usa el transporte elegido aquí.',
  },
  local_recipient_maps: {
    en: 'The valid users of the `mydestination` domains (by default system accounts and aliases). Mail to anyone else is rejected at RCPT TO with "User unknown", so no bounce is generated later. Leaving it empty accepts everything and bounces afterwards: avoid.',
    es: 'Los usuarios válidos de los dominios de `mydestination` (por omisión, cuentas del sistema y alias). El correo a cualquier otro se rechaza en RCPT TO con «User unknown», sin generar rebotes después. Dejarlo vacío lo acepta todo y rebota luego: evítelo.',
  },
  local_transport: {
    en: 'The transport for local domains: `local:$myhostname` by default, i.e. the local delivery agent. Changing it sends all local mail elsewhere, including aliases processing.',
    es: 'El transporte de los dominios locales: `local:$myhostname` por omisión, es decir, el agente de entrega local. Cambiarlo envía todo el correo local a otra parte, incluido el tratamiento de alias.',
  },
  mailbox_transport: {
    en: 'Keeps local delivery (aliases and .forward still work) but hands the final mailbox write to another transport, typically Dovecot LMTP: `lmtp:unix:private/dovecot-lmtp`.',
    es: 'Mantiene la entrega local (los alias y .forward siguen funcionando) pero cede la escritura final en el buzón a otro transporte, normalmente el LMTP de Dovecot: `lmtp:unix:private/dovecot-lmtp`.',
  },
  mailbox_transport_maps: {
    en: 'Per-user `mailbox_transport`: users missing from the table use `mailbox_transport`, if set.',
    es: '`mailbox_transport` por usuario: quienes no aparecen en la tabla usan `mailbox_transport`, si está definido.',
  },
  content_filter: {
    en: 'Every message received is first handed to this transport (e.g. `amavis:[127.0.0.1]:10024`). The filter re-injects it, usually through a second smtpd with `-o content_filter=` empty, so it is not filtered twice.',
    es: 'Todo mensaje recibido se pasa primero a este transporte (p. ej. `amavis:[127.0.0.1]:10024`). El filtro lo reinyecta, normalmente a través de un segundo smtpd con `-o content_filter=` vacío, para no filtrarlo dos veces.',
  },
  default_transport: {
    en: 'Used for every domain that is not local, virtual or relay: `smtp`, the SMTP client that looks up MX records. Setting `error` here makes a server that never sends mail outside.',
    es: 'Se usa para todo dominio que no sea local, virtual ni de reenvío: `smtp`, el cliente SMTP que busca los registros MX. Poner aquí `error` da un servidor que nunca envía correo fuera.',
  },
  home_mailbox: {
    en: 'Mailbox path relative to each user\'s home. `Maildir/` (with the slash) selects Maildir format; empty means mbox files in `mail_spool_directory`.',
    es: 'Ruta del buzón relativa al directorio personal de cada usuario. `Maildir/` (con la barra) elige el formato Maildir; vacío significa ficheros mbox en `mail_spool_directory`.',
  },
  canonical_maps: {
    en: 'Rewrites addresses in the envelope and headers, for senders and recipients alike, e.g. `pepe@mail1.org` → `jose.perez@mail1.org`. Unlike virtual aliases, the message itself changes.',
    es: 'Reescribe direcciones en el sobre y en las cabeceras, de remitentes y destinatarios, p. ej. `pepe@mail1.org` → `jose.perez@mail1.org`. A diferencia de los alias virtuales, el propio mensaje cambia.',
  },
};

export const RESTRICTION_NOTES: Record<string, Note> = {
  permit_mynetworks: {
    en: 'Accepts at once if the client address is in `mynetworks`. Put it first so local programs are never slowed by the checks that follow; on a public port it is what lets the machine itself relay.',
    es: 'Acepta de inmediato si la dirección del cliente está en `mynetworks`. Póngalo el primero para que los programas locales no pasen por las comprobaciones siguientes; en un puerto público es lo que permite reenviar a la propia máquina.',
  },
  permit_sasl_authenticated: {
    en: 'Accepts if the client logged in with SMTP AUTH. It only does something where SASL is enabled (`smtpd_sasl_auth_enable = yes`); the lab relies on it on 465 and 587.',
    es: 'Acepta si el cliente se autenticó con SMTP AUTH. Solo tiene efecto donde SASL está activo (`smtpd_sasl_auth_enable = yes`); la práctica se apoya en ella en 465 y 587.',
  },
  reject_unauth_destination: {
    en: 'Rejects (5xx) mail to domains that are neither ours nor in `relay_domains`. This is the rule that prevents an open relay; it must come after the `permit_*` rules that allow trusted clients to relay.',
    es: 'Rechaza (5xx) el correo a dominios que ni son nuestros ni están en `relay_domains`. Es la regla que impide el relé abierto; debe ir después de los `permit_*` que dejan reenviar a los clientes de confianza.',
  },
  defer_unauth_destination: {
    en: 'Like `reject_unauth_destination` but answers with a temporary error (4xx), so a mistake in the configuration delays mail instead of losing it. Debian uses it in `smtpd_relay_restrictions`.',
    es: 'Como `reject_unauth_destination` pero responde con un error temporal (4xx), así un fallo de configuración retrasa el correo en vez de perderlo. Debian lo usa en `smtpd_relay_restrictions`.',
  },
  reject_unknown_client_hostname: {
    en: 'Rejects clients whose IP address does not resolve to a name, or whose name does not resolve back to that address. Strict: many small servers lack proper reverse DNS. In a lab without DNS every client is "unknown" and gets a 450.',
    es: 'Rechaza a los clientes cuya dirección IP no se resuelve a un nombre, o cuyo nombre no vuelve a resolverse a esa dirección. Es estricta: muchos servidores pequeños no tienen bien el DNS inverso. En un laboratorio sin DNS todos los clientes son «unknown» y reciben un 450.',
  },
  reject_rbl_client: {
    en: 'Asks a DNS blocklist about the client address, e.g. `reject_rbl_client zen.spamhaus.org`, and rejects it if listed. Place it after `reject_unauth_destination` so relay attempts are refused without a DNS query.',
    es: 'Pregunta a una lista negra DNS por la dirección del cliente, p. ej. `reject_rbl_client zen.spamhaus.org`, y lo rechaza si aparece. Colóquela después de `reject_unauth_destination` para rechazar los intentos de reenvío sin consultar el DNS.',
  },
  reject: {
    en: 'Rejects unconditionally. Anything after it in the same list is never reached; the lab ends the submission list with it, so only local or authenticated clients get through.',
    es: 'Rechaza siempre. Lo que vaya detrás en la misma lista nunca se evalúa; la práctica termina con ella la lista de los puertos de envío, así solo pasan los clientes locales o autenticados.',
  },
  permit: {
    en: 'Accepts unconditionally; nothing after it in the list is evaluated. As the last item of a recipient list without a `reject_unauth_destination` before it, it makes an open relay.',
    es: 'Acepta siempre; no se evalúa nada de lo que vaya detrás. Como último elemento de una lista de destinatarios sin un `reject_unauth_destination` antes, crea un relé abierto.',
  },
};
