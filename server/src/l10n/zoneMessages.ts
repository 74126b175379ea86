// Messages of the mail policies published in zone files (SPF, DKIM, DMARC, MTA-STS, TLSRPT, TLSA).
// The zone checks put the policy's name before them ("DMARC: ..."). Part of `messages` (./messages.ts).
export const zoneMessages = {
  'zone.policy.prefixed': { en: '{0}: {1}', es: '{0}: {1}' },
  // tag=value lists (DKIM, DMARC, MTA-STS, TLSRPT)
  'zone.tags.empty-element': { en: "Empty element in the {0} tag list (';;')", es: "Elemento vacío en la lista de etiquetas de {0} (';;')" },
  'zone.tags.not-a-pair': { en: "'{0}' is not a tag=value pair", es: "'{0}' no es un par etiqueta=valor" },
  'zone.tags.bad-name': { en: "'{0}' is not a valid tag name", es: "'{0}' no es un nombre de etiqueta válido" },
  'zone.tags.duplicate': { en: "The tag '{0}' appears twice; the record is invalid", es: "La etiqueta '{0}' aparece dos veces; el registro no es válido" },
  // DMARC
  'zone.dmarc.version': {
    en: "A DMARC record must start with 'v=DMARC1'; receivers ignore it otherwise",
    es: "Un registro DMARC debe empezar por 'v=DMARC1'; si no, los receptores lo ignoran",
  },
  'zone.dmarc.no-policy': {
    en: "The 'p=' tag (none, quarantine or reject) is required",
    es: "La etiqueta 'p=' (none, quarantine o reject) es obligatoria",
  },
  'zone.dmarc.bad-policy': {
    en: "Bad value '{0}' for '{1}=': expected none, quarantine or reject",
    es: "Valor incorrecto '{0}' para '{1}=': se espera none, quarantine o reject",
  },
  'zone.dmarc.bad-alignment': {
    en: "Bad value '{0}' for '{1}=': expected 'r' (relaxed) or 's' (strict)",
    es: "Valor incorrecto '{0}' para '{1}=': se espera 'r' (relajado) o 's' (estricto)",
  },
  'zone.dmarc.bad-pct': {
    en: "Bad value '{0}' for '{1}=': expected a percentage 0-100",
    es: "Valor incorrecto '{0}' para '{1}=': se espera un porcentaje de 0 a 100",
  },
  'zone.dmarc.bad-interval': {
    en: "Bad value '{0}' for '{1}=': expected a number of seconds",
    es: "Valor incorrecto '{0}' para '{1}=': se espera un número de segundos",
  },
  'zone.dmarc.bad-fo': {
    en: "Bad value '{0}' for '{1}=': expected a colon-separated list of 0, 1, d and s",
    es: "Valor incorrecto '{0}' para '{1}=': se espera una lista de 0, 1, d y s separados por dos puntos",
  },
  'zone.dmarc.bad-rf': {
    en: "Bad value '{0}' for '{1}=': expected a colon-separated list of report formats, like 'afrf'",
    es: "Valor incorrecto '{0}' para '{1}=': se espera una lista de formatos de informe separados por dos puntos, como 'afrf'",
  },
  'zone.dmarc.bad-uri': {
    en: "'{0}' in '{1}=' is not a mailto: address (like mailto:dmarc@example.org)",
    es: "'{0}' en '{1}=' no es una dirección mailto: (como mailto:dmarc@example.org)",
  },
  'zone.dmarc.v-not-first': { en: "'v=' must appear only once, first", es: "'v=' debe aparecer una sola vez, la primera" },
  'zone.dmarc.unknown-tag': { en: "Unknown DMARC tag '{0}'; receivers ignore it", es: "Etiqueta DMARC desconocida '{0}'; los receptores la ignoran" },
  // DKIM
  'zone.dkim.version': { en: "When present, 'v=DKIM1' must be the first tag", es: "Si aparece, 'v=DKIM1' debe ser la primera etiqueta" },
  'zone.dkim.key-type': { en: "Unknown key type 'k={0}': use rsa or ed25519", es: "Tipo de clave desconocido 'k={0}': use rsa o ed25519" },
  'zone.dkim.sha1': {
    en: "'h=sha1' allows SHA-1 signatures, which verifiers reject (RFC 8301); use sha256",
    es: "'h=sha1' permite firmas SHA-1, que los verificadores rechazan (RFC 8301); use sha256",
  },
  'zone.dkim.hash': { en: "Unknown hash algorithm '{0}' in 'h=' (use sha256)", es: "Algoritmo de hash desconocido '{0}' en 'h=' (use sha256)" },
  'zone.dkim.flag': {
    en: "Unknown flag '{0}' in 't=' (y = testing, s = strict domain)",
    es: "Indicador desconocido '{0}' en 't=' (y = pruebas, s = dominio estricto)",
  },
  'zone.dkim.testing': {
    en: "'t=y': the domain is testing DKIM; verifiers treat failures leniently",
    es: "'t=y': el dominio está probando DKIM; los verificadores tratan los fallos con indulgencia",
  },
  'zone.dkim.service': {
    en: "'s={0}' does not include email or *; the key will not be used for mail",
    es: "'s={0}' no incluye email ni *; la clave no se usará para el correo",
  },
  'zone.dkim.no-key': { en: "The 'p=' tag (the public key) is required", es: "La etiqueta 'p=' (la clave pública) es obligatoria" },
  'zone.dkim.revoked': {
    en: "'p=' is empty: this key is revoked and signatures with this selector fail",
    es: "'p=' está vacía: esta clave está revocada y las firmas con este selector fallan",
  },
  'zone.dkim.bad-base64': {
    en: "'p=' is not valid base64 (a split key must be whole after joining its strings)",
    es: "'p=' no es base64 válido (una clave partida debe quedar entera al unir sus cadenas)",
  },
  'zone.dkim.ed25519-length': { en: 'An ed25519 key is 32 bytes; this one is {0}', es: 'Una clave ed25519 tiene 32 bytes; esta tiene {0}' },
  'zone.dkim.not-rsa': {
    en: "'p=' does not hold an RSA public key (DER SubjectPublicKeyInfo)",
    es: "'p=' no contiene una clave pública RSA (DER SubjectPublicKeyInfo)",
  },
  'zone.dkim.weak-key': {
    en: 'The RSA key has {0} bits; verifiers reject keys under 1024 bits (RFC 8301). Use 2048',
    es: 'La clave RSA tiene {0} bits; los verificadores rechazan claves de menos de 1024 bits (RFC 8301). Use 2048',
  },
  'zone.dkim.key-length': { en: 'RSA key of {0} bits', es: 'Clave RSA de {0} bits' },
  // MTA-STS and TLSRPT
  'zone.mta-sts.version': { en: "An MTA-STS record must start with 'v=STSv1'", es: "Un registro MTA-STS debe empezar por 'v=STSv1'" },
  'zone.mta-sts.no-id': {
    en: "The 'id=' tag is required; change it whenever the policy file changes",
    es: "La etiqueta 'id=' es obligatoria; cámbiela cada vez que cambie el fichero de política",
  },
  'zone.mta-sts.bad-id': { en: "'id={0}' must be 1 to 32 letters or digits", es: "'id={0}' debe tener de 1 a 32 letras o dígitos" },
  'zone.tlsrpt.version': { en: "A TLSRPT record must start with 'v=TLSRPTv1'", es: "Un registro TLSRPT debe empezar por 'v=TLSRPTv1'" },
  'zone.tlsrpt.no-rua': {
    en: "The 'rua=' tag (where reports go) is required",
    es: "La etiqueta 'rua=' (adónde van los informes) es obligatoria",
  },
  'zone.tlsrpt.bad-uri': { en: "'{0}' in 'rua=' must be a mailto: or https: URI", es: "'{0}' en 'rua=' debe ser un URI mailto: o https:" },
  // TLSA (DANE)
  'zone.tlsa.usage-undefined': {
    en: 'Certificate usage {0} is not defined (0-3; SMTP uses 3 DANE-EE or 2 DANE-TA)',
    es: 'El uso de certificado {0} no está definido (0-3; SMTP usa 3 DANE-EE o 2 DANE-TA)',
  },
  'zone.tlsa.usage-pkix': {
    en: 'Certificate usage {0} (PKIX) is not used for SMTP; RFC 7672 §3.1.3 says to use 3 or 2',
    es: 'El uso de certificado {0} (PKIX) no se usa en SMTP; RFC 7672 §3.1.3 pide usar 3 o 2',
  },
  'zone.tlsa.selector': {
    en: 'Selector {0} is not defined (0 full certificate, 1 public key)',
    es: 'El selector {0} no está definido (0 certificado completo, 1 clave pública)',
  },
  'zone.tlsa.matching-type': {
    en: 'Matching type {0} is not defined (0 exact, 1 SHA-256, 2 SHA-512)',
    es: 'El tipo de coincidencia {0} no está definido (0 exacto, 1 SHA-256, 2 SHA-512)',
  },
  'zone.tlsa.length': {
    en: 'Matching type {0} needs {1} bytes ({2} hex digits); this has {3}',
    es: 'El tipo de coincidencia {0} necesita {1} bytes ({2} dígitos hexadecimales); este tiene {3}',
  },
  'zone.tlsa.too-short': {
    en: 'Matching type 0 holds a whole certificate or key; {0} bytes is too short',
    es: 'El tipo de coincidencia 0 contiene un certificado o una clave entera; {0} bytes es demasiado corto',
  },
  'zone.tlsa.owner': {
    en: 'A TLSA owner is _port._protocol.host, like _25._tcp.mail.{0}',
    es: 'El propietario de un TLSA es _puerto._protocolo.host, como _25._tcp.mail.{0}',
  },
  // SPF
  'zone.spf.version': {
    en: "An SPF record must start with exactly 'v=spf1' followed by a space",
    es: "Un registro SPF debe empezar exactamente por 'v=spf1' seguido de un espacio",
  },
  'zone.spf.after-all': { en: "'{0}' comes after 'all' and is never evaluated", es: "'{0}' va después de 'all' y nunca se evalúa" },
  'zone.spf.duplicate-modifier': {
    en: "'{0}=' appears twice; receivers return permerror (RFC 7208 §6)",
    es: "'{0}=' aparece dos veces; los receptores devuelven permerror (RFC 7208 §6)",
  },
  'zone.spf.domain-empty': { en: "'{0}' has an empty domain", es: "'{0}' tiene un dominio vacío" },
  'zone.spf.domain-percent': {
    en: "'{0}' has a stray '%' in '{1}' (write %% for a literal percent sign)",
    es: "'{0}' tiene un '%' suelto en '{1}' (escriba %% para un signo de porcentaje literal)",
  },
  'zone.spf.domain-macro': { en: "'{0}' has an invalid macro in '{1}'", es: "'{0}' tiene una macro no válida en '{1}'" },
  'zone.spf.domain-not-a-name': { en: "'{0}' has '{1}', which is not a domain name", es: "'{0}' tiene '{1}', que no es un nombre de dominio" },
  'zone.spf.domain-no-dot': {
    en: "'{0}' has '{1}', which has no dot (a fully qualified domain is expected)",
    es: "'{0}' tiene '{1}', que no tiene ningún punto (se espera un dominio completo)",
  },
  'zone.spf.all-argument': { en: "'all' takes no argument", es: "'all' no lleva argumento" },
  'zone.spf.pass-all': {
    en: "'{0}all' lets every server on the internet send as this domain; use '-all' or '~all'",
    es: "'{0}all' deja que cualquier servidor de internet envíe como este dominio; use '-all' o '~all'",
  },
  'zone.spf.prefix-length': {
    en: "'{0}' has a bad prefix length (IPv4 /0-32, IPv6 //0-128)",
    es: "'{0}' tiene una longitud de prefijo incorrecta (IPv4 /0-32, IPv6 //0-128)",
  },
  'zone.spf.ptr': {
    en: "'ptr' is slow and unreliable and should not be used (RFC 7208 §5.5)",
    es: "'ptr' es lento y poco fiable y no debe usarse (RFC 7208 §5.5)",
  },
  'zone.spf.bad-ip4': {
    en: "'{0}' is not an IPv4 address or network (like 192.0.2.0/24)",
    es: "'{0}' no es una dirección o red IPv4 (como 192.0.2.0/24)",
  },
  'zone.spf.bad-ip6': {
    en: "'{0}' is not an IPv6 address or network (like 2001:db8::/32)",
    es: "'{0}' no es una dirección o red IPv6 (como 2001:db8::/32)",
  },
  'zone.spf.unknown-mechanism': {
    en: "Unknown SPF mechanism '{0}'; receivers return permerror (known: all, include, a, mx, ptr, ip4, ip6, exists)",
    es: "Mecanismo SPF desconocido '{0}'; los receptores devuelven permerror (conocidos: all, include, a, mx, ptr, ip4, ip6, exists)",
  },
  'zone.spf.too-many-lookups': {
    en: '{0} terms need DNS lookups (include, a, mx, ptr, exists, redirect); more than 10 makes receivers return permerror (RFC 7208 §4.6.4)',
    es: '{0} términos necesitan consultas DNS (include, a, mx, ptr, exists, redirect); con más de 10 los receptores devuelven permerror (RFC 7208 §4.6.4)',
  },
  'zone.spf.redirect-ignored': {
    en: "'redirect=' is ignored because the record has an 'all' mechanism",
    es: "'redirect=' se ignora porque el registro tiene un mecanismo 'all'",
  },
  'zone.spf.no-all': {
    en: "No 'all' or 'redirect=': mail from unlisted servers gets a neutral result; end with '-all' or '~all'",
    es: "Sin 'all' ni 'redirect=': el correo de servidores no listados obtiene un resultado neutral; termine con '-all' o '~all'",
  },
  'zone.spf.record-type': {
    en: 'The SPF record type is obsolete (RFC 7208 §3.1); publish the policy as TXT',
    es: 'El tipo de registro SPF está obsoleto (RFC 7208 §3.1); publique la política como TXT',
  },
  'zone.spf.multiple': {
    en: '{0} has {1} SPF records; receivers return permerror when there is more than one (RFC 7208 §4.5). Merge them',
    es: '{0} tiene {1} registros SPF; los receptores devuelven permerror cuando hay más de uno (RFC 7208 §4.5). Únalos',
  },
} as const satisfies Record<string, { en: string; es: string }>;
