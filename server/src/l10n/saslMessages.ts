// Messages of the SASL side of the lesson: Cyrus smtpd.conf, /etc/default/saslauthd, Dovecot, and
// the cross-checks that compare them with main.cf and master.cf. Part of `messages` (./messages.ts).
export const saslMessages = {
  // Cyrus SASL application configuration (smtpd.conf)
  'saslconf.missing-colon': {
    en: "libsasl expects 'option: value' with ':' right after the name; it refuses the whole file here, so AUTH fails",
    es: "libsasl espera 'opción: valor' con ':' justo tras el nombre; aquí rechaza el fichero entero, así que AUTH falla",
  },
  'saslconf.missing-value': {
    en: "'{0}' has no value; libsasl refuses the whole file, so AUTH fails",
    es: "'{0}' no tiene valor; libsasl rechaza el fichero entero, así que AUTH falla",
  },
  'saslconf.unknown-option': {
    en: "'{0}' is not a Cyrus SASL option; libsasl ignores it",
    es: "'{0}' no es una opción de Cyrus SASL; libsasl la ignora",
  },
  'saslconf.duplicate-option': {
    en: "'{0}' is already set on line {1}; libsasl uses the first one and ignores this one",
    es: "'{0}' ya está en la línea {1}; libsasl usa la primera e ignora esta",
  },
  'saslconf.bad-value': {
    en: "'{0}' is not a value of {1}; it takes {2}",
    es: "'{0}' no es un valor de {1}; admite {2}",
  },
  'saslconf.switch-read-as-off': {
    en: "libsasl reads '{0}' as off: {1} is on only for a value starting with a lowercase 1, y, t or 'on'",
    es: "libsasl lee '{0}' como desactivado: {1} solo se activa con un valor que empiece por 1, y, t u 'on' en minúscula",
  },
  'saslconf.not-an-integer': {
    en: "'{0}' is not a number; libsasl reads it as 0",
    es: "'{0}' no es un número; libsasl lo lee como 0",
  },
  'saslconf.saslauthd-ldap-option': {
    en: "'{0}' is an option of saslauthd's LDAP mechanism: saslauthd reads it from /etc/saslauthd.conf (with -a ldap), libsasl ignores it here",
    es: "'{0}' es una opción del mecanismo LDAP de saslauthd: saslauthd la lee de /etc/saslauthd.conf (con -a ldap), aquí libsasl la ignora",
  },
  'saslconf.saslauthd-mechanism': {
    en: "'{0}' is a saslauthd mechanism, not a value of {1}: write 'pwcheck_method: saslauthd' and start saslauthd with '-a {0}'",
    es: "'{0}' es un mecanismo de saslauthd, no un valor de {1}: escriba 'pwcheck_method: saslauthd' e inicie saslauthd con '-a {0}'",
  },
  'saslconf.auxprop-plugin-as-pwcheck': {
    en: "'{0}' is an auxprop plugin, not a way of checking passwords (SASL 1 wrote it so): write 'pwcheck_method: auxprop' and 'auxprop_plugin: {0}'",
    es: "'{0}' es un plugin auxprop, no una forma de comprobar contraseñas (así se escribía en SASL 1): escriba 'pwcheck_method: auxprop' y 'auxprop_plugin: {0}'",
  },
  'saslconf.sql-engine-as-plugin': {
    en: "No auxprop plugin is called '{0}': the sql plugin reads that database; write 'auxprop_plugin: sql' and 'sql_engine: {0}'",
    es: "Ningún plugin auxprop se llama '{0}': esa base la lee el plugin sql; escriba 'auxprop_plugin: sql' y 'sql_engine: {0}'",
  },
  'saslconf.did-you-mean': { en: "Did you mean '{0}'?", es: "¿Quería decir '{0}'?" },
  // /etc/default/saslauthd
  'saslauthd.not-an-assignment': {
    en: "This is not a NAME=value assignment (no blanks around '='); the init script runs it as a command",
    es: "Esto no es una asignación NOMBRE=valor (sin espacios junto al '='); el script de arranque lo ejecuta como orden",
  },
  'saslauthd.unclosed-quote': { en: 'This quote is never closed', es: 'Estas comillas no se cierran' },
  'saslauthd.unknown-variable': {
    en: "Nothing that starts saslauthd reads '{0}' from this file",
    es: "Nada de lo que inicia saslauthd lee '{0}' de este fichero",
  },
  'saslauthd.not-started': {
    en: "saslauthd is not started unless START=yes; without it Postfix's AUTH fails",
    es: 'saslauthd no arranca si no hay START=yes; sin él, AUTH de Postfix falla',
  },
  'saslauthd.no-socket-dir': {
    en: "OPTIONS has no '-m DIR'; the init script then refuses to start saslauthd",
    es: "OPTIONS no tiene '-m DIR'; entonces el script de arranque se niega a iniciar saslauthd",
  },
  'saslauthd.debug-flag': {
    en: 'With -d saslauthd debugs in the foreground; it does not start as a service that way',
    es: 'Con -d saslauthd depura en primer plano; así no arranca como servicio',
  },
  'saslauthd.no-socketdir': {
    en: "SOCKETDIR is not set; the service passes '-m $SOCKETDIR', so saslauthd gets no socket folder",
    es: "SOCKETDIR no está definida; el servicio pasa '-m $SOCKETDIR', así que saslauthd no recibe carpeta para el socket",
  },
  'saslauthd.unknown-flag': {
    en: "saslauthd has no option '-{0}'; it prints its usage and does not start",
    es: "saslauthd no tiene la opción '-{0}'; muestra su uso y no arranca",
  },
  'saslauthd.missing-argument': {
    en: "'-{0}' needs an argument",
    es: "'-{0}' necesita un argumento",
  },
  'saslauthd.stray-word': {
    en: "'{0}' is not an option; saslauthd takes none but flags",
    es: "'{0}' no es una opción; saslauthd solo admite opciones",
  },
  'saslauthd.relative-dir': {
    en: 'The socket folder after -m must be an absolute path',
    es: 'La carpeta del socket tras -m debe ser una ruta absoluta',
  },
  'saslauthd.unknown-mechanism': {
    en: "'{0}' is not a saslauthd authentication mechanism; it takes {1}",
    es: "'{0}' no es un mecanismo de autenticación de saslauthd; admite {1}",
  },
  'saslauthd.one-mechanism': {
    en: "saslauthd uses one mechanism, the first: '{0}'; it ignores '{1}'",
    es: "saslauthd usa un solo mecanismo, el primero: '{0}'; ignora '{1}'",
  },
  'saslauthd.mechanism-twice': {
    en: '{0} already gives -a; saslauthd gets both',
    es: '{0} ya da -a; saslauthd recibe los dos',
  },
  'saslauthd.not-a-number': {
    en: "'{0}' must be a whole number",
    es: "'{0}' debe ser un número entero",
  },
  // Dovecot
  'dovecot.missing-key': {
    en: "A setting needs a name before '='",
    es: "Un ajuste necesita un nombre antes de '='",
  },
  'dovecot.unexpected-close': {
    en: "This '}' closes no section",
    es: "Esta '}' no cierra ninguna sección",
  },
  'dovecot.missing-close': {
    en: "This section is never closed with '}'",
    es: "Esta sección no se cierra nunca con '}'",
  },
  'dovecot.expecting-brace': {
    en: "Dovecot expects 'name = value' or 'type [name] {' here",
    es: "Dovecot espera 'nombre = valor' o 'tipo [nombre] {' aquí",
  },
  'dovecot.garbage-after-brace': {
    en: "Nothing may follow '{' on its line; put each setting on a line of its own",
    es: "Tras '{' no puede haber nada en la línea; ponga cada ajuste en su propia línea",
  },
  'dovecot.include-no-match': {
    en: "No file matches '{0}'; Dovecot refuses the configuration (use !include_try for optional files)",
    es: "Ningún fichero coincide con '{0}'; Dovecot rechaza la configuración (use !include_try para ficheros opcionales)",
  },
  'dovecot.include-without-path': { en: '!include needs a file or a pattern', es: '!include necesita un fichero o un patrón' },
  'dovecot.ambiguous-hash': {
    en: "Dovecot reads this '#' as the start of a comment (and warns); put a blank before it, or quote the value",
    es: "Dovecot lee este '#' como inicio de comentario (y avisa); ponga un espacio delante o entrecomille el valor",
  },
  'dovecot.unknown-setting': {
    en: "Dovecot {0} has no setting '{1}' here; doveconf refuses the configuration",
    es: "Dovecot {0} no tiene el ajuste '{1}' aquí; doveconf rechaza la configuración",
  },
  'dovecot.unknown-section': {
    en: "Dovecot {0} has no section '{1}' here; doveconf refuses the configuration",
    es: "Dovecot {0} no tiene la sección '{1}' aquí; doveconf rechaza la configuración",
  },
  'dovecot.obsolete-setting': {
    en: "Dovecot {0} still reads '{1}', an older setting, but warns: it no longer does anything or moved elsewhere (`doveconf -Pn` prints the configuration in current settings)",
    es: "Dovecot {0} aún lee '{1}', un ajuste antiguo, pero avisa: ya no hace nada o pasó a otro sitio (`doveconf -Pn` muestra la configuración con los ajustes actuales)",
  },
  'dovecot.replaced-setting': {
    en: "Dovecot {0} still reads '{1}', an older setting, but warns: '{2}' took its place (`doveconf -Pn` prints the configuration in current settings)",
    es: "Dovecot {0} aún lee '{1}', un ajuste antiguo, pero avisa: '{2}' ocupó su lugar (`doveconf -Pn` muestra la configuración con los ajustes actuales)",
  },
  'dovecot.removed-setting': {
    en: "Dovecot {0} still reads '{1}', an older setting, but warns: it no longer does anything, so the line can go",
    es: "Dovecot {0} aún lee '{1}', un ajuste antiguo, pero avisa: ya no hace nada, así que la línea puede quitarse",
  },
  'dovecot.renamed-setting': {
    en: "Dovecot {0} reads '{1}' as '{2}', its current name, and warns; rename it",
    es: "Dovecot {0} lee '{1}' como '{2}', su nombre actual, y avisa; cámbiele el nombre",
  },
  'dovecot.obsolete-section': {
    en: "Dovecot {0} still reads a '{1} { }' section from older versions, but warns; `doveconf -Pn` prints the settings it becomes",
    es: "Dovecot {0} aún lee una sección '{1} { }' de versiones antiguas, pero avisa; `doveconf -Pn` muestra los ajustes en que se convierte",
  },
  'dovecot.newer-dovecot': {
    en: "Dovecot {0} has no setting 'dovecot_config_version': this configuration is written for Dovecot {1}, whose settings differ, and doveconf {0} refuses it here. mailconf checks against the installed Dovecot, so the other settings of this configuration are not checked",
    es: "Dovecot {0} no tiene el ajuste 'dovecot_config_version': esta configuración está escrita para Dovecot {1}, cuyos ajustes son otros, y doveconf {0} la rechaza aquí. mailconf comprueba contra el Dovecot instalado, así que los demás ajustes de esta configuración no se comprueban",
  },
  'dovecot.unknown-protocol': {
    en: "No service of the installed Dovecot {0} speaks '{1}', so doveconf refuses the configuration (once it has read all of it)",
    es: "Ningún servicio del Dovecot {0} instalado habla '{1}', así que doveconf rechaza la configuración (cuando la ha leído entera)",
  },
  'dovecot.unknown-protocol.sieve': {
    en: "No service of the installed Dovecot {0} speaks '{1}', so doveconf refuses the configuration (once it has read all of it): ManageSieve comes with the dovecot-managesieved package",
    es: "Ningún servicio del Dovecot {0} instalado habla '{1}', así que doveconf rechaza la configuración (cuando la ha leído entera): ManageSieve viene con el paquete dovecot-managesieved",
  },
  'dovecot.obsolete-protocol': {
    en: "Dovecot {0} drops '{1}' from protocols with a warning: it is an older name, and TLS on a service is now set on its listener (inet_listener … { ssl = yes })",
    es: "Dovecot {0} quita '{1}' de protocols con un aviso: es un nombre antiguo, y el TLS de un servicio se pone ahora en su listener (inet_listener … { ssl = yes })",
  },
  'dovecot.renamed-protocol': {
    en: "Dovecot {0} reads the protocol '{1}' as '{2}', its current name, and warns; rename it",
    es: "Dovecot {0} lee el protocolo '{1}' como '{2}', su nombre actual, y avisa; cámbiele el nombre",
  },
  'dovecot.did-you-mean': { en: "Did you mean '{0}'?", es: "¿Quería decir '{0}'?" },
  'dovecot.bad-boolean': {
    en: "'{0}' takes yes or no",
    es: "'{0}' admite yes o no",
  },
  'dovecot.bad-number': {
    en: "'{0}' takes a number",
    es: "'{0}' admite un número",
  },
  'dovecot.bad-mode': {
    en: "'{0}' takes an octal mode such as 0660",
    es: "'{0}' admite un modo octal como 0660",
  },
  'dovecot.hover.default': { en: 'Default: {0}', es: 'Valor por omisión: {0}' },
  'dovecot.hover.empty': { en: '(empty)', es: '(vacío)' },
  'dovecot.hover.no-doc': {
    en: 'A Dovecot {0} setting.',
    es: 'Un ajuste de Dovecot {0}.',
  },
  // Cross-checks between main.cf/master.cf and the SASL side
  'sasl.no-dovecot-listener': {
    en: "Postfix connects to {0} for Dovecot SASL, but no Dovecot unix_listener is there: AUTH will fail",
    es: 'Postfix se conecta a {0} para Dovecot SASL, pero no hay ningún unix_listener de Dovecot ahí: AUTH fallará',
  },
  'sasl.listener-elsewhere': {
    en: "This listener looks meant for Postfix, but Postfix connects to {0} (smtpd_sasl_path): AUTH will fail",
    es: 'Este listener parece pensado para Postfix, pero Postfix se conecta a {0} (smtpd_sasl_path): AUTH fallará',
  },
  'sasl.listener-permissions': {
    en: "Postfix (user {0}) cannot connect to this socket: mode {1}, owner '{2}', group '{3}'. Set user = {0} and group = {0} with mode = 0660: AUTH will fail until then",
    es: "Postfix (usuario {0}) no puede conectarse a este socket: modo {1}, dueño '{2}', grupo '{3}'. Ponga user = {0} y group = {0} con mode = 0660: hasta entonces AUTH fallará",
  },
  'sasl.no-app-file': {
    en: "Cyrus SASL reads {0} for this application, but that file is not in the SASL folder: AUTH will fail",
    es: 'Cyrus SASL lee {0} para esta aplicación, pero ese fichero no está en la carpeta SASL: AUTH fallará',
  },
  'sasl.saslauthd-not-started': {
    en: 'smtpd.conf checks passwords through saslauthd, but saslauthd is not started (START=yes): AUTH will fail',
    es: 'smtpd.conf comprueba las contraseñas con saslauthd, pero saslauthd no arranca (START=yes): AUTH fallará',
  },
  'sasl.socket-outside-chroot': {
    en: "smtpd runs chrooted in {0}, so it can only reach saslauthd's socket inside it: use -m {1}. AUTH will fail",
    es: 'smtpd se ejecuta enjaulado en {0}, así que solo alcanza el socket de saslauthd dentro: use -m {1}. AUTH fallará',
  },
  'sasl.socket-path-mismatch': {
    en: "smtpd looks for saslauthd's socket at {0}, but saslauthd creates it at {1}: AUTH will fail",
    es: 'smtpd busca el socket de saslauthd en {0}, pero saslauthd lo crea en {1}: AUTH fallará',
  },
  'sasl.saslauthd-needs-plaintext': {
    en: 'saslauthd can only check plaintext mechanisms (PLAIN, LOGIN), and {0} offers none: AUTH will fail',
    es: 'saslauthd solo puede comprobar mecanismos en claro (PLAIN, LOGIN), y {0} no ofrece ninguno: AUTH fallará',
  },
  'sasl.no-usable-mechanism': {
    en: '{0} rules out every mechanism the SASL side offers ({1}): AUTH will fail',
    es: '{0} descarta todos los mecanismos que ofrece el lado SASL ({1}): AUTH fallará',
  },
  'sasl.plaintext-before-tls': {
    en: 'Postfix offers AUTH before TLS, but Dovecot refuses plaintext logins without TLS from other hosts (disable_plaintext_auth = yes): set smtpd_tls_auth_only = yes, or their AUTH fails on unencrypted sessions',
    es: 'Postfix ofrece AUTH antes de TLS, pero Dovecot rechaza los inicios de sesión en claro sin TLS desde otros equipos (disable_plaintext_auth = yes): ponga smtpd_tls_auth_only = yes, o su AUTH fallará en sesiones sin cifrar',
  },
  // Check SASL on server (over SSH)
  'remote-sasl.auth-off': {
    en: 'smtpd_sasl_auth_enable is off in the server\'s main.cf: there is no SASL to check',
    es: 'smtpd_sasl_auth_enable está desactivado en el main.cf del servidor: no hay SASL que comprobar',
  },
  'remote-sasl.not-running': { en: '{0} is not running on the server: AUTH will fail', es: '{0} no se está ejecutando en el servidor: AUTH fallará' },
  'remote-sasl.no-socket': {
    en: 'The socket {0} does not exist or cannot be inspected ({1}): AUTH will fail',
    es: 'El socket {0} no existe o no se puede inspeccionar ({1}): AUTH fallará',
  },
  'remote-sasl.not-a-socket': { en: '{0} is a {1}, not a socket: AUTH will fail', es: '{0} es un {1}, no un socket: AUTH fallará' },
  'remote-sasl.socket-permissions': {
    en: '{1} cannot connect to {0} (owner {2}, group {3}, mode {4}): AUTH will fail',
    es: '{1} no puede conectarse a {0} (dueño {2}, grupo {3}, modo {4}): AUTH fallará',
  },
  'remote-sasl.not-in-group': {
    en: "{0} is not in the group {1}, so it cannot enter {2}: run 'adduser {0} {1}' and restart Postfix",
    es: "{0} no está en el grupo {1}, así que no puede entrar en {2}: ejecute 'adduser {0} {1}' y reinicie Postfix",
  },
  'remote-sasl.folder-permissions': { en: '{1} cannot enter {0}: AUTH will fail', es: '{1} no puede entrar en {0}: AUTH fallará' },
  'remote-sasl.ok': { en: 'The socket {0} is there, Postfix may connect to it, and {1} is running', es: 'El socket {0} existe, Postfix puede conectarse a él y {1} se está ejecutando' },
  'sasl.related.postfix-path': { en: 'Postfix connects here', es: 'Postfix se conecta aquí' },
  'sasl.related.listener': { en: 'The Dovecot listener', es: 'El listener de Dovecot' },
  'sasl.related.pwcheck': { en: 'Passwords are checked through saslauthd here', es: 'Aquí se comprueban las contraseñas con saslauthd' },
  'sasl.related.chroot': { en: 'smtpd runs chrooted here', es: 'Aquí smtpd se ejecuta enjaulado' },
  'sasl.related.chroot-default': {
    en: "This chroot column is '-': no chroot since Postfix 3.0 (Postfix 2 read it as y); write y to chroot smtpd",
    es: "Esta columna chroot es '-': sin jaula desde Postfix 3.0 (Postfix 2 la leía como y); escriba y para enjaular smtpd",
  },
  'sasl.related.mechanisms': { en: 'The mechanisms offered', es: 'Los mecanismos ofrecidos' },
  'sasl.related.socket-dir': { en: "saslauthd's socket folder", es: 'La carpeta del socket de saslauthd' },
  'sasl.related.plaintext': { en: 'Dovecot refuses plaintext without TLS', es: 'Dovecot rechaza texto en claro sin TLS' },
  'sasl.related.sasl-type': { en: 'The SASL type Postfix uses', es: 'El tipo de SASL que usa Postfix' },
} as const satisfies Record<string, { en: string; es: string }>;
