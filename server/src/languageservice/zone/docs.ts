// Short explanations for hovers and completion items, in our own words.

export const DIRECTIVE_DOCS: Record<string, string> = {
  $ORIGIN: 'Sets the domain that relative names (without a trailing dot) are completed with, from here on.',
  $TTL: 'Sets the TTL of the following records that do not give one. Units: w d h m s, e.g. 1d or 1h30m.',
  $INCLUDE: 'Reads another file here, relative to this one: `$INCLUDE file [origin]`. The origin is restored afterwards.',
  $GENERATE: 'BIND extension that makes a series of records: `$GENERATE 1-100 host$ A 192.0.2.$`. `${offset,width,base}` formats the counter.',
};

export const SOA_FIELDS = [
  { label: 'primary name server (MNAME)', doc: 'The master server of the zone; NOTIFY and dynamic updates go here.' },
  { label: 'responsible mailbox (RNAME)', doc: 'The admin address with its @ written as the first dot: hostmaster.example.org. is hostmaster@example.org.' },
  { label: 'serial', doc: 'Version of the zone. Secondaries transfer the zone when it grows, so raise it on every change (YYYYMMDDnn is the usual scheme).' },
  { label: 'refresh', doc: 'How often secondaries check the serial.' },
  { label: 'retry', doc: 'How soon a secondary tries again after a failed refresh.' },
  { label: 'expire', doc: 'How long secondaries keep answering without reaching the master.' },
  { label: 'minimum (negative-caching TTL)', doc: 'How long resolvers cache "no such name" answers (RFC 2308).' },
];

export const DATA_FIELDS: Record<string, string[]> = {
  MX: ['preference (lower is tried first)', 'mail exchanger host'],
  SRV: ['priority (lower first)', 'weight (share among equal priority)', 'port', 'target host'],
  TLSA: ['certificate usage (3 = DANE-EE, 2 = DANE-TA)', 'selector (0 = whole certificate, 1 = public key)', 'matching type (0 = exact, 1 = SHA-256, 2 = SHA-512)', 'certificate association data (hex)'],
  CAA: ['flags (128 = critical)', 'tag (issue, issuewild, iodef)', 'value'],
  SSHFP: ['algorithm (1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519)', 'fingerprint type (1 SHA-1, 2 SHA-256)', 'fingerprint (hex)'],
  DS: ['key tag', 'algorithm', 'digest type (2 = SHA-256)', 'digest (hex)'],
  DNSKEY: ['flags (256 = zone key, 257 = key-signing key)', 'protocol (always 3)', 'algorithm', 'public key (base64)'],
  NAPTR: ['order', 'preference', 'flags', 'services', 'regular expression', 'replacement'],
  HINFO: ['CPU', 'operating system'],
  RP: ['mailbox of the responsible person', 'name of a TXT record with more information'],
  SVCB: ['priority (0 = alias mode)', 'target name', 'parameters'],
  HTTPS: ['priority (0 = alias mode)', 'target name', 'parameters'],
  NS: ['name server host'],
  CNAME: ['canonical name (the alias points here)'],
  DNAME: ['target of the subtree redirection'],
  PTR: ['host name of this address'],
  A: ['IPv4 address'],
  AAAA: ['IPv6 address'],
};

export const DKIM_TAG_DOCS: Record<string, string> = {
  v: 'Version; DKIM1, and first when present.',
  k: 'Key type: rsa (default) or ed25519.',
  h: 'Hash algorithms the key may sign with; sha256 today.',
  p: 'The public key in base64. Empty means the key was revoked.',
  t: 'Flags: y = the domain is testing DKIM, s = no subdomains in the i= identity.',
  s: 'Service types: email or *.',
  n: 'Notes for humans.',
};

export const MTA_STS_TAG_DOCS: Record<string, string> = {
  v: 'Version; STSv1.',
  id: 'Policy id: change it whenever https://mta-sts.<domain>/.well-known/mta-sts.txt changes, so senders fetch it again.',
};

export const TLSRPT_TAG_DOCS: Record<string, string> = {
  v: 'Version; TLSRPTv1.',
  rua: 'Where daily TLS reports go: mailto: or https: URIs, comma-separated.',
};
