import { Localized, msg } from '../../l10n';
import { svcWireValueProblem } from './svcb';

// RFC 3597 generic data (\# LENGTH HEX) of a type this reader knows is read by BIND as that type's
// wire form, and refused ("FORMERR", "unexpected end of input") when it is not one. The structure
// of the common types is checked here; other types' generic data is taken as it is.

/** Octets of an uncompressed wire name at `at`, or -1 when none is there (BIND reads \# data without compression). */
function wireName(b: Uint8Array, at: number): number {
  let i = at;
  for (let total = 0; ; ) {
    if (i >= b.length) return -1;
    const len = b[i];
    if (len === 0) return i + 1 - at;
    if (len > 63) return -1;
    total += len + 1;
    if (total > 254) return -1;
    i += len + 1;
  }
}

/** Fields in order: n fixed octets (a number) or a name ('n'). */
const LAYOUTS: Record<string, Array<number | 'n'>> = {
  NS: ['n'], CNAME: ['n'], DNAME: ['n'], PTR: ['n'], MB: ['n'], MG: ['n'], MR: ['n'], MD: ['n'], MF: ['n'], 'NSAP-PTR': ['n'],
  MX: [2, 'n'], AFSDB: [2, 'n'], RT: [2, 'n'], KX: [2, 'n'], LP: [2, 'n'], PX: [2, 'n', 'n'], MINFO: ['n', 'n'], RP: ['n', 'n'],
  SRV: [6, 'n'], SOA: ['n', 'n', 20],
};

/** Why `bytes` is not valid data of `type` (upper-case mnemonic), or undefined. */
export function wireProblem(type: string, bytes: Uint8Array): Localized | undefined {
  if (type === 'HIP') return hipProblem(bytes);
  const check = CHECKS[type];
  if (check) return check(bytes) ? undefined : msg('zone.wire.invalid', type);
  const layout = LAYOUTS[type];
  if (!layout) return undefined;
  let at = 0;
  for (const f of layout) {
    if (typeof f === 'number') {
      if (at + f > bytes.length) return msg('zone.wire.ends-early', type);
      at += f;
    } else {
      const n = wireName(bytes, at);
      if (n < 0) return msg('zone.wire.bad-name', type);
      at += n;
    }
  }
  return at === bytes.length ? undefined : msg('zone.wire.too-long', type, bytes.length - at);
}

/** HIP (RFC 8005 §5): HIT length (not 0), algorithm, key length (not 0), HIT, key, then rendezvous server names. */
function hipProblem(b: Uint8Array): Localized | undefined {
  if (b.length < 4 || b[0] === 0) return msg('zone.wire.hip-short');
  const keyLength = (b[2] << 8) | b[3];
  let at = 4 + b[0] + keyLength;
  if (keyLength === 0 || at > b.length) return msg('zone.wire.hip-lengths');
  while (at < b.length) {
    const n = wireName(b, at);
    if (n < 0) return msg('zone.wire.hip-server');
    at += n;
  }
  return undefined;
}

/** The rest of the data from `at` is whole character-strings: at least `min` and at most `max` of them. */
function strings(b: Uint8Array, at: number, min: number, max = Infinity): boolean {
  let n = 0;
  while (at < b.length) {
    at += b[at] + 1;
    n++;
  }
  return at === b.length && n >= min && n <= max;
}

/** A type bitmap (RFC 4034 §4.1.2) from `at` to the end: windows in increasing order, 1-32 octets each, the last not 0. */
function bitmap(b: Uint8Array, at: number, allowEmpty: boolean): boolean {
  if (at === b.length) return allowEmpty;
  let last = -1;
  while (at < b.length) {
    if (at + 2 > b.length) return false;
    const win = b[at];
    const len = b[at + 1];
    if (win <= last || len < 1 || len > 32 || at + 2 + len > b.length || b[at + 1 + len] === 0) return false;
    last = win;
    at += 2 + len;
  }
  return true;
}

/** A name at `at` followed by exactly `rest` more octets (-1: any number). */
function nameThen(b: Uint8Array, at: number, rest: number): boolean {
  const n = wireName(b, at);
  return n >= 0 && (rest < 0 || at + n + rest === b.length);
}

const DS_DIGESTS: Record<number, number> = { 1: 20, 2: 32, 3: 32, 4: 48 };
const ds = (b: Uint8Array) => b.length >= 4 && (DS_DIGESTS[b[3]] === undefined || b.length === 4 + DS_DIGESTS[b[3]]);
const key = (rkey: boolean, nokeyAllowed: boolean) => (b: Uint8Array) =>
  b.length >= 4 && (!rkey || (b[0] === 0 && b[1] === 0)) && (b.length > 4 || (nokeyAllowed && (b[0] & 0xc0) === 0xc0));
const atLeast = (n: number) => (b: Uint8Array) => b.length >= n;

/** BIND's checks of the wire form of types with more than a fixed layout (lib/dns/rdata/ *: fromwire). */
const CHECKS: Record<string, (b: Uint8Array) => boolean> = {
  TXT: (b) => strings(b, 0, 1),
  SPF: (b) => strings(b, 0, 1),
  NINFO: (b) => strings(b, 0, 1),
  AVC: (b) => strings(b, 0, 1),
  RESINFO: (b) => strings(b, 0, 1),
  WALLET: (b) => strings(b, 0, 1),
  HINFO: (b) => strings(b, 0, 2, 2),
  ISDN: (b) => strings(b, 0, 1, 2),
  GPOS: (b) => strings(b, 0, 3, 3),
  X25: (b) => strings(b, 0, 1, 1) && b[0] >= 4,
  DS: ds,
  CDS: ds,
  TA: ds,
  DLV: ds,
  DNSKEY: key(false, false),
  CDNSKEY: key(false, false),
  KEY: key(false, true),
  RKEY: key(true, false),
  RRSIG: (b) => b.length >= 18 && wireName(b, 18) >= 0 && b.length > 18 + wireName(b, 18),
  SIG: (b) => b.length >= 18 && wireName(b, 18) >= 0 && b.length > 18 + wireName(b, 18),
  NSEC: (b) => wireName(b, 0) >= 0 && bitmap(b, wireName(b, 0), false),
  NSEC3: (b) => {
    if (b.length < 5 || 5 + b[4] >= b.length) return false;
    const h = 5 + b[4];
    return b[h] >= 1 && h + 1 + b[h] <= b.length && bitmap(b, h + 1 + b[h], true);
  },
  NSEC3PARAM: (b) => b.length >= 5 && b.length === 5 + b[4],
  CSYNC: (b) => b.length >= 6 && bitmap(b, 6, true),
  CAA: (b) => {
    if (b.length < 2 || b[1] === 0 || 2 + b[1] > b.length) return false;
    for (let i = 2; i < 2 + b[1]; i++) if (!/[A-Za-z0-9]/.test(String.fromCharCode(b[i]))) return false;
    return true;
  },
  CERT: atLeast(6),
  LOC: (b) => {
    if (b.length < 1) return false;
    if (b[0] !== 0) return true;
    if (b.length !== 16) return false;
    // Size and precisions: a mantissa and an exponent of at most 9 each.
    for (const i of [1, 2, 3]) if ((b[i] >> 4) > 9 || (b[i] & 0xf) > 9 || ((b[i] >> 4) === 0 && (b[i] & 0xf) !== 0)) return false;
    return true;
  },
  DOA: (b) => b.length >= 10 && b[9] <= b.length - 10,
  WKS: (b) => b.length >= 5 && b.length <= 8 * 1024 + 5 && (b.length === 5 || b[b.length - 1] !== 0),
  IPSECKEY: (b) => {
    if (b.length < 3) return false;
    const gateway = b[1];
    if (gateway === 0) return true;
    if (gateway === 1) return b.length >= 7;
    if (gateway === 2) return b.length >= 19;
    return gateway === 3 && wireName(b, 3) >= 0;
  },
  TLSA: atLeast(4),
  SMIMEA: atLeast(4),
  SSHFP: (b) => b.length >= 2 && !(b[1] === 1 && b.length !== 22) && !(b[1] === 2 && b.length !== 34),
  ZONEMD: (b) => b.length >= 18 && !(b[5] === 1 && b.length !== 54) && !(b[5] === 2 && b.length !== 70),
  ATMA: (b) => b.length >= 2 && (b[0] !== 1 || Array.from(b.subarray(1)).every((c) => c >= 48 && c <= 57)),
  EID: atLeast(1),
  NIMLOC: atLeast(1),
  NSAP: atLeast(1),
  OPENPGPKEY: atLeast(1),
  DHCID: atLeast(1),
  SINK: atLeast(3),
  URI: atLeast(4),
  TALINK: (b) => wireName(b, 0) >= 0 && nameThen(b, wireName(b, 0), 0),
  DSYNC: (b) => b.length >= 5 && nameThen(b, 5, 0),
  NAPTR: (b) => {
    let at = 4;
    for (let k = 0; k < 3; k++) {
      if (at >= b.length) return false;
      at += b[at] + 1;
    }
    return at <= b.length && nameThen(b, at, 0);
  },
  A6: (b) => {
    if (b.length < 1 || b[0] > 128) return false;
    const at = 1 + 16 - Math.floor(b[0] / 8);
    return b[0] === 0 ? b.length === 17 : at <= b.length && nameThen(b, at, 0);
  },
  AMTRELAY: (b) => {
    if (b.length < 2) return false;
    const relay = b[1] & 0x7f;
    return relay === 0 ? b.length === 2 : relay === 1 ? b.length === 6 : relay === 2 ? b.length === 18 : relay === 3 && nameThen(b, 2, 0);
  },
  APL: (b) => {
    for (let at = 0; at < b.length; ) {
      if (at + 4 > b.length) return false;
      const afi = (b[at] << 8) | b[at + 1];
      const len = b[at + 3] & 0x7f;
      const max = afi === 1 ? 4 : afi === 2 ? 16 : 255;
      if (len > max || at + 4 + len > b.length || (len > 0 && b[at + 3 + len] === 0)) return false;
      if ((afi === 1 && b[at + 2] > 32) || (afi === 2 && b[at + 2] > 128)) return false;
      at += 4 + len;
    }
    return true;
  },
  SVCB: (b) => svcbWire(b),
  HTTPS: (b) => svcbWire(b),
};

/** SVCB/HTTPS: priority, target name, then parameters with increasing keys, each value as the key requires. */
function svcbWire(b: Uint8Array): boolean {
  if (b.length < 3) return false;
  const n = wireName(b, 2);
  if (n < 0) return false;
  let last = -1;
  for (let at = 2 + n; at < b.length; ) {
    if (at + 4 > b.length) return false;
    const k = (b[at] << 8) | b[at + 1];
    const len = (b[at + 2] << 8) | b[at + 3];
    if (k <= last || at + 4 + len > b.length) return false;
    if (svcWireValueProblem(k, Buffer.from(b.subarray(at + 4, at + 4 + len)).toString('latin1')) !== undefined) return false;
    last = k;
    at += 4 + len;
  }
  return true;
}