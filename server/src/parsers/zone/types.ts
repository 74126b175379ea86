// Record types and classes the master-file reader knows, with their IANA codes, and a one-line
// meaning for hovers (in our own words). Unknown mnemonics are reported; TYPEnnn (RFC 3597)
// names any type by number.

export interface TypeInfo {
  code: number;
  meaning: string;
}

export const RECORD_TYPES: Record<string, TypeInfo> = {
  A: { code: 1, meaning: 'IPv4 address of the name' },
  NS: { code: 2, meaning: 'a name server authoritative for the zone that starts at this name' },
  MD: { code: 3, meaning: 'obsolete mail destination (use MX)' },
  MF: { code: 4, meaning: 'obsolete mail forwarder (use MX)' },
  CNAME: { code: 5, meaning: 'this name is an alias; resolvers follow it to the canonical name' },
  SOA: { code: 6, meaning: 'start of authority: primary server, contact mailbox, serial and timers of the zone' },
  MB: { code: 7, meaning: 'experimental mailbox domain name' },
  MG: { code: 8, meaning: 'experimental mail group member' },
  MR: { code: 9, meaning: 'experimental mail rename' },
  NULL: { code: 10, meaning: 'experimental null record' },
  WKS: { code: 11, meaning: 'obsolete well-known services' },
  PTR: { code: 12, meaning: 'reverse pointer: the host name for an address (in in-addr.arpa / ip6.arpa)' },
  HINFO: { code: 13, meaning: 'host information: CPU and operating system strings' },
  MINFO: { code: 14, meaning: 'experimental mailbox information' },
  MX: { code: 15, meaning: 'mail exchanger: which host receives mail for this name, with a preference (lower first)' },
  TXT: { code: 16, meaning: 'free text strings; also carries SPF, DKIM, DMARC, MTA-STS and TLSRPT policies' },
  RP: { code: 17, meaning: 'responsible person: a mailbox and a name with a TXT about them' },
  AFSDB: { code: 18, meaning: 'AFS database location' },
  X25: { code: 19, meaning: 'X.25 address' },
  ISDN: { code: 20, meaning: 'ISDN address' },
  RT: { code: 21, meaning: 'route-through' },
  NSAP: { code: 22, meaning: 'NSAP address' },
  'NSAP-PTR': { code: 23, meaning: 'NSAP pointer' },
  SIG: { code: 24, meaning: 'obsolete signature' },
  KEY: { code: 25, meaning: 'obsolete public key' },
  PX: { code: 26, meaning: 'X.400 mapping' },
  GPOS: { code: 27, meaning: 'geographical position (obsolete, use LOC)' },
  AAAA: { code: 28, meaning: 'IPv6 address of the name' },
  LOC: { code: 29, meaning: 'geographical location' },
  NXT: { code: 30, meaning: 'obsolete next-domain record' },
  EID: { code: 31, meaning: 'endpoint identifier' },
  NIMLOC: { code: 32, meaning: 'Nimrod locator' },
  SRV: { code: 33, meaning: 'service location: priority, weight, port and target host of a service' },
  ATMA: { code: 34, meaning: 'ATM address' },
  NAPTR: { code: 35, meaning: 'naming authority pointer: rewrite rules (ENUM, SIP)' },
  KX: { code: 36, meaning: 'key exchanger' },
  CERT: { code: 37, meaning: 'certificate' },
  A6: { code: 38, meaning: 'obsolete IPv6 address' },
  DNAME: { code: 39, meaning: 'redirects the whole subtree below this name to another name' },
  SINK: { code: 40, meaning: 'kitchen sink' },
  APL: { code: 42, meaning: 'address prefix list' },
  DS: { code: 43, meaning: 'delegation signer: hash of a child zone key (DNSSEC)' },
  SSHFP: { code: 44, meaning: 'SSH host key fingerprint' },
  IPSECKEY: { code: 45, meaning: 'IPsec key' },
  RRSIG: { code: 46, meaning: 'DNSSEC signature over an RRset' },
  NSEC: { code: 47, meaning: 'DNSSEC next secure name' },
  DNSKEY: { code: 48, meaning: 'DNSSEC public key of the zone' },
  DHCID: { code: 49, meaning: 'DHCP identifier' },
  NSEC3: { code: 50, meaning: 'DNSSEC hashed next secure name' },
  NSEC3PARAM: { code: 51, meaning: 'NSEC3 parameters' },
  TLSA: { code: 52, meaning: 'DANE: which TLS certificate or key a service must present' },
  SMIMEA: { code: 53, meaning: 'DANE for S/MIME certificates' },
  HIP: { code: 55, meaning: 'host identity protocol' },
  NINFO: { code: 56, meaning: 'zone status information' },
  RKEY: { code: 57, meaning: 'resource key' },
  TALINK: { code: 58, meaning: 'trust anchor link' },
  CDS: { code: 59, meaning: 'child copy of DS for the parent (DNSSEC automation)' },
  CDNSKEY: { code: 60, meaning: 'child copy of DNSKEY for the parent' },
  OPENPGPKEY: { code: 61, meaning: 'OpenPGP public key' },
  CSYNC: { code: 62, meaning: 'child-to-parent synchronisation' },
  ZONEMD: { code: 63, meaning: 'message digest of the zone' },
  SVCB: { code: 64, meaning: 'service binding: endpoints and parameters of a service' },
  HTTPS: { code: 65, meaning: 'service binding for HTTPS: endpoints, ALPN, hints' },
  DSYNC: { code: 66, meaning: 'where a parent zone takes notices of DS changes' },
  HHIT: { code: 67, meaning: 'DRIP hierarchical host identity tag' },
  BRID: { code: 68, meaning: 'DRIP broadcast remote identification' },
  SPF: { code: 99, meaning: 'obsolete SPF record type; publish SPF in TXT instead (RFC 7208 §3.1)' },
  NID: { code: 104, meaning: 'ILNP node identifier' },
  L32: { code: 105, meaning: 'ILNP 32-bit locator' },
  L64: { code: 106, meaning: 'ILNP 64-bit locator' },
  LP: { code: 107, meaning: 'ILNP locator pointer' },
  EUI48: { code: 108, meaning: 'EUI-48 (MAC) address' },
  EUI64: { code: 109, meaning: 'EUI-64 address' },
  TKEY: { code: 249, meaning: 'transaction key (not for zone files)' },
  TSIG: { code: 250, meaning: 'transaction signature (not for zone files)' },
  URI: { code: 256, meaning: 'a URI for a service' },
  CAA: { code: 257, meaning: 'which certificate authorities may issue certificates for this name' },
  AVC: { code: 258, meaning: 'application visibility and control' },
  DOA: { code: 259, meaning: 'digital object architecture' },
  AMTRELAY: { code: 260, meaning: 'automatic multicast tunneling relay' },
  RESINFO: { code: 261, meaning: 'resolver information' },
  WALLET: { code: 262, meaning: 'public wallet address' },
  TA: { code: 32768, meaning: 'DNSSEC trust authority' },
  DLV: { code: 32769, meaning: 'obsolete DNSSEC lookaside validation' },
};

export const CLASSES = ['IN', 'CH', 'HS', 'CS', 'NONE', 'ANY'];

/**
 * Meta types (RFC 6895 §3.1): they exist only in messages, never as zone data; BIND refuses them
 * in a zone file or $GENERATE (OPT, TKEY, TSIG, IXFR, AXFR, MAILB, MAILA, ANY, and any number 128-255).
 */
export function isMetaType(code: number): boolean {
  // 128-255 is the range of meta types and query types (RFC 6895 §3.1); BIND treats all of it so.
  return code === 41 || (code >= 128 && code <= 255);
}

const TYPE_BY_CODE = new Map<number, string>(Object.entries(RECORD_TYPES).map(([k, v]) => [v.code, k]));

export function typeName(code: number): string | undefined {
  return TYPE_BY_CODE.get(code);
}

/**
 * The type code for an upper-case mnemonic or TYPEnnn, or -1 when unknown.
 */
export function typeCode(upper: string): number {
  const info = RECORD_TYPES[upper];
  if (info) return info.code;
  if (upper.length > 4 && upper.startsWith('TYPE')) {
    const digits = upper.slice(4);
    if (/^\d{1,5}$/.test(digits)) {
      const n = Number(digits);
      if (n <= 65535) return n;
    }
  }
  return -1;
}

export function isClass(upper: string): boolean {
  return upper === 'IN' || upper === 'CH' || upper === 'HS' || upper === 'CS' || upper === 'NONE' || upper === 'ANY' || /^CLASS\d{1,5}$/.test(upper);
}

/** A known mnemonic and its code, as knownTypeAt finds it. */
export interface KnownType {
  name: string;
  code: number;
}

/** Known mnemonics bucketed by length, for matching a type token without slicing it. */
const BY_LENGTH: KnownType[][] = [];
for (const [name, info] of Object.entries(RECORD_TYPES)) (BY_LENGTH[name.length] ??= []).push({ name, code: info.code });
// The common types first: most records of a zone are A, AAAA, CNAME, MX, TXT.
for (const bucket of BY_LENGTH) bucket?.sort((a, b) => a.code - b.code);

/**
 * The known mnemonic written at text[s, e) (its interned upper-case name and its code), matched
 * case-insensitively without allocating, or undefined when it is not one (TYPEnnn, unknown words).
 * The code comes with it so the parser needs no second lookup by name for every record.
 */
export function knownTypeAt(text: string, s: number, e: number): KnownType | undefined {
  const bucket = BY_LENGTH[e - s];
  if (bucket === undefined) return undefined;
  outer: for (let k = 0; k < bucket.length; k++) {
    const name = bucket[k].name;
    for (let i = 0; i < name.length; i++) {
      let c = text.charCodeAt(s + i);
      if (c >= 97 && c <= 122) c -= 32;
      if (c !== name.charCodeAt(i)) continue outer;
    }
    return bucket[k];
  }
  return undefined;
}
