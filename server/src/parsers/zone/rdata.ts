// Typed record data: reads the tokens after the type into a structure per record type, or
// reports the first problem with the index of the token at fault (count = "end of the record").
// The checks follow what BIND's reader rejects, so our errors and named-checkzone's agree.
import { localize, Localized, msg } from '../../l10n';
import type { TokenSpan } from './lexer';
import { base64Length, base64SpansOk, decodeString, escapesOkAt, hexLengthAt, isIPv4At, isIPv6At, octets, uintAt } from './lexical';
import { absoluteName, checkName, NAME_PROBLEM_MESSAGES } from './names';
import { parseSvcParam, SvcParam, svcParamSetProblem } from './svcb';
import { parseTtlAt } from './ttl';
import { knownTypeAt, typeCode } from './types';
import { wireProblem } from './wire';

export class RdataError {
  constructor(
    /** Token index at fault; equal to the token count for "data ends too early". */
    readonly index: number,
    readonly code: string,
    readonly l10n: Localized,
    /** Token count up to which the span is at fault (for errors over several tokens). */
    readonly endIndex = index,
  ) {}
  /** In English. */
  get message(): string {
    return localize('en', this.l10n);
  }
}

export interface NameField {
  /** As written. */
  text: string;
  /** Absolute. */
  name: string;
  index: number;
}

export type Rdata =
  | { type: 'A' | 'AAAA'; address: string }
  | { type: 'NS' | 'CNAME' | 'DNAME' | 'PTR'; target: NameField }
  | { type: 'MX'; preference: number; exchange: NameField }
  | { type: 'SOA'; mname: NameField; rname: NameField; serial: number; refresh: number; retry: number; expire: number; minimum: number }
  | { type: 'TXT' | 'SPF'; strings: string[] }
  | { type: 'SRV'; priority: number; weight: number; port: number; target: NameField }
  | { type: 'CAA'; flags: number; tag: string; value: string }
  | { type: 'TLSA'; usage: number; selector: number; matchingType: number; hex: string }
  | { type: 'SSHFP'; algorithm: number; fingerprintType: number; hex: string }
  | { type: 'NAPTR'; order: number; preference: number; flags: string; services: string; regexp: string; replacement: NameField }
  | { type: 'DS'; keyTag: number; algorithm: number; digestType: number; hex: string }
  | { type: 'DNSKEY'; flags: number; protocol: number; algorithm: number; key: string }
  | { type: 'SVCB' | 'HTTPS'; priority: number; target: NameField; params: SvcParam[] }
  | { type: 'HINFO'; cpu: string; os: string }
  | { type: 'RP'; mailbox: NameField; txt: NameField }
  | { type: 'LOC'; text: string }
  | { type: 'generic'; length: number; hex: string }
  | { type: 'other'; tokens: string[] };

/** The record types whose data names a host that must exist (RFC 2181 §10.3 applies to some). */
export const TARGET_TYPES: Record<string, number> = { NS: 0, CNAME: 0, DNAME: 0, PTR: 0, MX: 1, SRV: 3 };

const DS_DIGEST_LENGTHS: Record<number, number> = { 1: 20, 2: 32, 4: 48 };
const SSHFP_LENGTHS: Record<number, number> = { 1: 20, 2: 32 };
const ZONEMD_LENGTHS: Record<number, number> = { 1: 48, 2: 64 };

/** DNSSEC algorithm mnemonics BIND accepts in place of the number (any case). */
const SECALGS: Record<string, number> = {
  RSAMD5: 1, DH: 2, DSA: 3, RSASHA1: 5, NSEC3DSA: 6, NSEC3RSASHA1: 7, RSASHA256: 8, RSASHA512: 10, ECCGOST: 12,
  ECDSAP256SHA256: 13, ECDSA256: 13, ECDSAP384SHA384: 14, ECDSA384: 14, ED25519: 15, ED448: 16, INDIRECT: 252, PRIVATEDNS: 253, PRIVATEOID: 254,
};

const CERT_TYPES: Record<string, number> = { PKIX: 1, SPKI: 2, PGP: 3, IPKIX: 4, ISPKI: 5, IPGP: 6, ACPKIX: 7, IACPKIX: 8, URI: 253, OID: 254 };

const SECPROTOS: Record<string, number> = { NONE: 0, TLS: 1, EMAIL: 2, DNSSEC: 3, IPSEC: 4, ALL: 255 };

/** DNSKEY flag names BIND accepts, joined by '|', in place of the number: [value, mask]. */
const KEYFLAGS: Record<string, [number, number]> = {
  NOCONF: [0x4000, 0xc000], NOAUTH: [0x8000, 0xc000], NOKEY: [0xc000, 0xc000], FLAG2: [0x2000, 0x2000], EXTEND: [0x1000, 0x1000],
  FLAG4: [0x0800, 0x0800], FLAG5: [0x0400, 0x0400], USER: [0, 0x0300], ZONE: [0x0100, 0x0300], HOST: [0x0200, 0x0300],
  NTYP3: [0x0300, 0x0300], FLAG8: [0x80, 0x80], FLAG9: [0x40, 0x40], FLAG10: [0x20, 0x20], FLAG11: [0x10, 0x10], KSK: [1, 1],
};
for (let k = 0; k < 16; k++) KEYFLAGS[`SIG${k}`] = [k, 0x000f];
const EUI48 = /^[0-9A-Fa-f]{1,2}(-[0-9A-Fa-f]{1,2}){5}/;
const EUI64 = /^[0-9A-Fa-f]{1,2}(-[0-9A-Fa-f]{1,2}){7}/;

/** The fields of the simple types: a 16-bit number, a domain name, an IPv4 address, a 64-bit ILNP locator (RFC 6742). */
const FIELDS: Record<string, string> = {
  RT: 'u16 name', LP: 'u16 name', AFSDB: 'u16 name', KX: 'u16 name', PX: 'u16 name name', MINFO: 'name name',
  MB: 'name', MG: 'name', MR: 'name', MD: 'name', MF: 'name', 'NSAP-PTR': 'name', L32: 'u16 ipv4', L64: 'u16 ilnp64', NID: 'u16 ilnp64',
};

class Reader {
  i: number;
  constructor(
    readonly t: TokenSpan,
    from: number,
    readonly origin: string,
  ) {
    this.i = from;
  }
  get more(): boolean {
    return this.i < this.t.count;
  }
  end(): RdataError {
    return new RdataError(this.t.count, 'missing-rdata', msg('zone.data.incomplete'));
  }
  uint(max: number, what: Localized): number | RdataError {
    if (!this.more) return this.end();
    const i = this.i++;
    const v = uintAt(this.t.text, this.t.starts[i], this.t.ends[i], max);
    return v < 0 ? new RdataError(i, 'bad-number', msg('zone.data.bad-number', what, max)) : v;
  }
  /** A DNSSEC algorithm: a number 0-255 or a mnemonic such as RSASHA256. */
  algorithm(what: Localized): number | RdataError {
    if (!this.more) return this.end();
    const known = SECALGS[this.t.text.slice(this.t.starts[this.i], this.t.ends[this.i]).toUpperCase()];
    if (known === undefined) return this.uint(255, what);
    this.i++;
    return known;
  }
  /** A key's protocol: a number 0-255 or NONE, TLS, EMAIL, DNSSEC, IPSEC, ALL. */
  protocol(): number | RdataError {
    if (!this.more) return this.end();
    const known = SECPROTOS[this.t.text.slice(this.t.starts[this.i], this.t.ends[this.i]).toUpperCase()];
    if (known === undefined) return this.uint(255, msg('zone.field.key-protocol'));
    this.i++;
    return known;
  }
  /** DNSKEY flags: a number 0-65535 or flag names joined by '|' (ZONE|KSK). */
  keyFlags(): number | RdataError {
    if (!this.more) return this.end();
    const w = this.t.text.slice(this.t.starts[this.i], this.t.ends[this.i]);
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) return this.uint(65535, msg('zone.field.dnskey-flags'));
    let value = 0;
    for (const name of w.split('|')) {
      const f = KEYFLAGS[name.toUpperCase()];
      if (!f) return new RdataError(this.i, 'bad-number', msg('zone.data.bad-key-flag', name));
      value = (value & ~f[1]) | f[0];
    }
    this.i++;
    return value;
  }
  timer(what: Localized): number | RdataError {
    if (!this.more) return this.end();
    const i = this.i++;
    const v = parseTtlAt(this.t.text, this.t.starts[i], this.t.ends[i]);
    return v < 0 || v > 4294967295 ? new RdataError(i, 'bad-number', msg('zone.data.bad-time', what)) : v;
  }
  name(): NameField | RdataError {
    if (!this.more) return this.end();
    const i = this.i++;
    if (this.t.quoted[i]) return new RdataError(i, 'bad-name', msg('zone.data.quoted-name'));
    const text = this.t.text.slice(this.t.starts[i], this.t.ends[i]);
    const name = absoluteName(text, this.origin);
    const problem = checkName(name);
    return problem ? new RdataError(i, problem, NAME_PROBLEM_MESSAGES[problem]) : { text, name, index: i };
  }
  string(what: Localized): string | RdataError {
    if (!this.more) return this.end();
    const i = this.i++;
    const q = this.t.quoted[i];
    // A closing quote is not part of the text: an escape must end before it.
    if (!escapesOkAt(this.t.text, this.t.starts[i] + q, this.t.ends[i] - (q && this.t.text.charCodeAt(this.t.ends[i] - 1) === 34 && this.t.ends[i] - this.t.starts[i] > 1 ? 1 : 0))) {
      return new RdataError(i, 'bad-escape', msg('zone.data.bad-escape'));
    }
    const s = decodeString(this.t.text, this.t.starts[i], this.t.ends[i], this.t.quoted[i] === 1);
    return octets(s) > 255 ? new RdataError(i, 'string-too-long', msg('zone.data.string-too-long', what)) : s;
  }
  word(): string | RdataError {
    if (!this.more) return this.end();
    const i = this.i++;
    return decodeString(this.t.text, this.t.starts[i], this.t.ends[i], this.t.quoted[i] === 1);
  }
  /** The remaining tokens joined, for hex and base64 fields that may be split by spaces. */
  rest(): { text: string; first: number } {
    const first = this.i;
    let s = '';
    for (; this.i < this.t.count; this.i++) s += this.t.text.slice(this.t.starts[this.i], this.t.ends[this.i]);
    return { text: s, first };
  }
  done(): RdataError | undefined {
    return this.more ? new RdataError(this.i, 'extra-rdata', msg('zone.data.extra'), this.t.count) : undefined;
  }
}

function isErr(x: unknown): x is RdataError {
  return x instanceof RdataError;
}

/** Parses the data of a record of type `type` (upper case) from token `from` on. */
export function parseRdata(type: string, t: TokenSpan, from: number, origin: string): Rdata | RdataError {
  const r = new Reader(t, from, origin);
  if (r.more && t.ends[r.i] - t.starts[r.i] === 2 && t.text.charCodeAt(t.starts[r.i]) === 92 && t.text.charCodeAt(t.starts[r.i] + 1) === 35) {
    // In TXT, \# not followed by a length is the text "#" (BIND reads it so).
    const literal = type === 'TXT' && (r.i + 1 >= t.count || uintAt(t.text, t.starts[r.i + 1], t.ends[r.i + 1], 4294967295) < 0);
    if (!literal) return generic(r, type);
  }
  switch (type) {
    case 'A':
    case 'AAAA': {
      if (!r.more) return r.end();
      const i = r.i++;
      const ok = type === 'A' ? isIPv4At(t.text, t.starts[i], t.ends[i]) : isIPv6At(t.text, t.starts[i], t.ends[i]);
      if (!ok) {
        return type === 'A'
          ? new RdataError(i, 'bad-ipv4', msg('zone.data.bad-ipv4'))
          : new RdataError(i, 'bad-ipv6', msg('zone.data.bad-ipv6'));
      }
      return r.done() ?? { type, address: t.text.slice(t.starts[i], t.ends[i]) };
    }
    case 'NS':
    case 'CNAME':
    case 'DNAME':
    case 'PTR': {
      const target = r.name();
      if (isErr(target)) return target;
      return r.done() ?? { type, target };
    }
    case 'MX': {
      const preference = r.uint(65535, msg('zone.field.mx-preference'));
      if (isErr(preference)) return preference;
      const exchange = r.name();
      if (isErr(exchange)) return exchange;
      return r.done() ?? { type, preference, exchange };
    }
    case 'SOA': {
      const mname = r.name();
      if (isErr(mname)) return mname;
      const rname = r.name();
      if (isErr(rname)) return rname;
      const serial = r.uint(4294967295, msg('zone.field.serial'));
      if (isErr(serial)) return serial;
      const refresh = r.timer(msg('zone.field.refresh'));
      if (isErr(refresh)) return refresh;
      const retry = r.timer(msg('zone.field.retry'));
      if (isErr(retry)) return retry;
      const expire = r.timer(msg('zone.field.expire'));
      if (isErr(expire)) return expire;
      const minimum = r.timer(msg('zone.field.minimum'));
      if (isErr(minimum)) return minimum;
      return r.done() ?? { type, mname, rname, serial, refresh, retry, expire, minimum };
    }
    case 'TXT':
    case 'SPF': {
      if (!r.more) return r.end();
      const strings: string[] = [];
      while (r.more) {
        const s = r.string(msg('zone.field.txt'));
        if (isErr(s)) return s;
        strings.push(s);
      }
      return { type, strings };
    }
    case 'SRV': {
      const priority = r.uint(65535, msg('zone.field.srv-priority'));
      if (isErr(priority)) return priority;
      const weight = r.uint(65535, msg('zone.field.srv-weight'));
      if (isErr(weight)) return weight;
      const port = r.uint(65535, msg('zone.field.srv-port'));
      if (isErr(port)) return port;
      const target = r.name();
      if (isErr(target)) return target;
      return r.done() ?? { type, priority, weight, port, target };
    }
    case 'CAA': {
      const flags = r.uint(255, msg('zone.field.caa-flags'));
      if (isErr(flags)) return flags;
      const tagIndex = r.i;
      const tag = r.word();
      if (isErr(tag)) return tag;
      if (t.quoted[tagIndex] || !/^[A-Za-z0-9]{1,255}$/.test(tag)) return new RdataError(tagIndex, 'bad-caa-tag', msg('zone.data.caa-tag'));
      const value = r.string(msg('zone.field.caa-value'));
      if (isErr(value)) return value;
      return r.done() ?? { type, flags, tag, value };
    }
    case 'TLSA': {
      const usage = r.uint(255, msg('zone.field.tlsa-certificate-usage'));
      if (isErr(usage)) return usage;
      const selector = r.uint(255, msg('zone.field.tlsa-selector'));
      if (isErr(selector)) return selector;
      const matchingType = r.uint(255, msg('zone.field.tlsa-matching-type'));
      if (isErr(matchingType)) return matchingType;
      const hex = hexField(r);
      return isErr(hex) ? hex : { type, usage, selector, matchingType, hex };
    }
    case 'SSHFP': {
      const algorithm = r.uint(255, msg('zone.field.sshfp-algorithm'));
      if (isErr(algorithm)) return algorithm;
      const fingerprintType = r.uint(255, msg('zone.field.sshfp-fingerprint-type'));
      if (isErr(fingerprintType)) return fingerprintType;
      const hex = hexField(r, SSHFP_LENGTHS[fingerprintType]);
      return isErr(hex) ? hex : { type, algorithm, fingerprintType, hex };
    }
    case 'DS':
    case 'CDS': {
      const keyTag = r.uint(65535, msg('zone.field.ds-key-tag'));
      if (isErr(keyTag)) return keyTag;
      const algorithm = r.algorithm(msg('zone.field.ds-algorithm'));
      if (isErr(algorithm)) return algorithm;
      const digestType = r.uint(255, msg('zone.field.ds-digest-type'));
      if (isErr(digestType)) return digestType;
      const hex = hexField(r, DS_DIGEST_LENGTHS[digestType]);
      return isErr(hex) ? hex : { type: 'DS', keyTag, algorithm, digestType, hex };
    }
    case 'DNSKEY':
    case 'CDNSKEY':
    case 'KEY':
    case 'RKEY': {
      const flagsIndex = r.i;
      const flags = r.keyFlags();
      if (isErr(flags)) return flags;
      if (type === 'RKEY' && flags !== 0) return new RdataError(flagsIndex, 'bad-number', msg('zone.data.rkey-flags'));
      const protocol = r.protocol();
      if (isErr(protocol)) return protocol;
      const algorithm = r.algorithm(msg('zone.field.dnskey-algorithm'));
      if (isErr(algorithm)) return algorithm;
      // A KEY whose flags say "no key" (RFC 2535 §3.1.2) has no key data.
      if (type === 'KEY' && (flags & 0xc000) === 0xc000) return r.done() ?? { type: 'DNSKEY', flags, protocol, algorithm, key: '' };
      if (!r.more) return r.end();
      const { text, first } = r.rest();
      if (base64Length(text) < 0) return new RdataError(first, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.key')), t.count);
      return { type: 'DNSKEY', flags, protocol, algorithm, key: text };
    }
    case 'NAPTR': {
      const order = r.uint(65535, msg('zone.field.naptr-order'));
      if (isErr(order)) return order;
      const preference = r.uint(65535, msg('zone.field.naptr-preference'));
      if (isErr(preference)) return preference;
      const flags = r.string(msg('zone.field.naptr-flags'));
      if (isErr(flags)) return flags;
      const services = r.string(msg('zone.field.naptr-services'));
      if (isErr(services)) return services;
      const regexpIndex = r.i;
      const regexp = r.string(msg('zone.field.naptr-regexp'));
      if (isErr(regexp)) return regexp;
      if (!naptrRegexpOk(regexp)) return new RdataError(regexpIndex, 'bad-naptr-regexp', msg('zone.data.naptr-regexp'));
      const replacement = r.name();
      if (isErr(replacement)) return replacement;
      return r.done() ?? { type, order, preference, flags, services, regexp, replacement };
    }
    case 'SVCB':
    case 'HTTPS': {
      const priority = r.uint(65535, msg('zone.field.type-priority', type));
      if (isErr(priority)) return priority;
      const target = r.name();
      if (isErr(target)) return target;
      const params: SvcParam[] = [];
      while (r.more) {
        const i = r.i++;
        if (t.quoted[i]) return new RdataError(i, 'bad-svc-param', msg('zone.data.svc-quoted-key'));
        let raw = t.text.slice(t.starts[i], t.ends[i]);
        // key="value": the quoted value is a token of its own, right after the '='.
        if (raw.endsWith('=') && r.more && t.quoted[r.i] && t.starts[r.i] === t.ends[i]) {
          raw += t.text.slice(t.starts[r.i] + 1, t.ends[r.i] - 1);
          r.i++;
        }
        const p = parseSvcParam(raw);
        if ('args' in p) return new RdataError(i, 'bad-svc-param', p, r.i);
        params.push(p);
      }
      const problem = svcParamSetProblem(params);
      // A problem of the set as a whole shows where the record ends, as BIND's does.
      if (problem) return new RdataError(t.count, 'bad-svc-param', problem, t.count);
      return { type, priority, target, params };
    }
    case 'HINFO': {
      const cpu = r.string(msg('zone.field.hinfo-cpu'));
      if (isErr(cpu)) return cpu;
      const os = r.string(msg('zone.field.hinfo-os'));
      if (isErr(os)) return os;
      return r.done() ?? { type, cpu, os };
    }
    case 'RP': {
      const mailbox = r.name();
      if (isErr(mailbox)) return mailbox;
      const txt = r.name();
      if (isErr(txt)) return txt;
      return r.done() ?? { type, mailbox, txt };
    }
    case 'LOC':
      return loc(r);
    case 'EUI48':
    case 'EUI64': {
      // Hex octets joined by hyphens (RFC 7043 §3.2, §4.2). BIND reads them with sscanf("%2x-..."),
      // so an octet may have one digit and text after the last octet is not looked at.
      if (!r.more) return r.end();
      const i = r.i++;
      const groups = type === 'EUI48' ? 6 : 8;
      const w = t.text.slice(t.starts[i], t.ends[i]);
      if (!(groups === 6 ? EUI48 : EUI64).test(w)) {
        return new RdataError(i, 'bad-eui', msg('zone.data.bad-eui', type, groups, type === 'EUI48' ? '00-00-5e-00-53-2a' : '00-00-5e-ef-10-00-00-2a'));
      }
      return r.done() ?? { type: 'other', tokens: [w] };
    }
    case 'NSAP': {
      // 0x then an even number of hex digits, dots allowed between them (RFC 1706 §5).
      if (!r.more) return r.end();
      const i = r.i++;
      const w = t.text.slice(t.starts[i], t.ends[i]);
      const digits = w.slice(2).replace(/\./g, '');
      if (!/^0x/i.test(w) || !/^[0-9A-Fa-f]*$/.test(digits) || digits.length === 0 || digits.length % 2 !== 0) {
        return new RdataError(i, 'bad-hex', msg('zone.data.bad-nsap'));
      }
      return r.done() ?? { type: 'other', tokens: [w] };
    }
    case 'NSEC3': {
      const algorithm = nsec3Parameters(r, type);
      if (isErr(algorithm)) return algorithm;
      if (!r.more) return r.end();
      const hi = r.i++;
      const octets = base32HexLength(t.text.slice(t.starts[hi], t.ends[hi]));
      if (octets < 0) return new RdataError(hi, 'bad-base32', msg('zone.data.bad-next-hashed'));
      if (algorithm === 1 ? octets !== 20 : octets > 155) return new RdataError(hi, 'bad-digest-length', msg('zone.data.next-hashed-length', octets));
      return typeList(r) ?? { type: 'other', tokens: [] };
    }
    case 'ZONEMD': {
      const serial = r.uint(4294967295, msg('zone.field.zonemd-serial'));
      if (isErr(serial)) return serial;
      const scheme = r.uint(255, msg('zone.field.zonemd-scheme'));
      if (isErr(scheme)) return scheme;
      const hashAlgorithm = r.uint(255, msg('zone.field.zonemd-hash-algorithm'));
      if (isErr(hashAlgorithm)) return hashAlgorithm;
      const expected = ZONEMD_LENGTHS[hashAlgorithm];
      const hex = hexField(r, expected);
      if (isErr(hex)) return hex;
      if (hex.length < 24) return new RdataError(t.count, 'bad-digest-length', msg('zone.data.zonemd-short'));
      return { type: 'other', tokens: [] };
    }
    case 'X25': {
      // The PSDN address: at least four digits (RFC 1183 §3.1).
      if (!r.more) return r.end();
      const i = r.i;
      const address = r.word();
      if (isErr(address)) return address;
      if (!/^\d{4,}$/.test(address)) return new RdataError(i, 'bad-x25', msg('zone.data.bad-x25'));
      return r.done() ?? { type: 'other', tokens: [address] };
    }
    case 'SINK': {
      for (const what of ['sink-meaning', 'sink-coding', 'sink-subcoding'] as const) {
        const v = r.uint(255, msg(`zone.field.${what}`));
        if (isErr(v)) return v;
      }
      if (r.more) {
        const { text, first } = r.rest();
        if (base64Length(text) < 0) return new RdataError(first, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.sink-data')), t.count);
      }
      return { type: 'other', tokens: [] };
    }
    case 'NSEC': {
      const next = r.name();
      if (isErr(next)) return next;
      return typeList(r) ?? { type: 'other', tokens: [] };
    }
    case 'CSYNC': {
      const serial = r.uint(4294967295, msg('zone.field.csync-serial'));
      if (isErr(serial)) return serial;
      const flags = r.uint(65535, msg('zone.field.csync-flags'));
      if (isErr(flags)) return flags;
      return typeList(r) ?? { type: 'other', tokens: [] };
    }
    case 'RRSIG':
    case 'SIG': {
      if (!r.more) return r.end();
      const ci = r.i++;
      if (knownTypeAt(t.text, t.starts[ci], t.ends[ci]) === undefined) {
        const covered = t.text.slice(t.starts[ci], t.ends[ci]);
        if (!isTypeWord(covered) && uintAt(covered, 0, covered.length, 65535) < 0) return new RdataError(ci, 'unknown-type', msg('zone.data.not-a-type', covered));
      }
      const algorithm = r.algorithm(msg('zone.field.signature-algorithm'));
      if (isErr(algorithm)) return algorithm;
      const labels = r.uint(255, msg('zone.field.label-count'));
      if (isErr(labels)) return labels;
      const originalTtl = r.uint(4294967295, msg('zone.field.original-ttl'));
      if (isErr(originalTtl)) return originalTtl;
      for (let k = 0; k < 2; k++) {
        if (!r.more) return r.end();
        const i = r.i++;
        if (!isSignatureTime(t.text, t.starts[i], t.ends[i])) return new RdataError(i, 'bad-number', msg(k === 0 ? 'zone.data.signature-expiration' : 'zone.data.signature-inception'));
      }
      const keyTag = r.uint(65535, msg('zone.field.key-tag'));
      if (isErr(keyTag)) return keyTag;
      const signer = r.name();
      if (isErr(signer)) return signer;
      if (!r.more) return r.end();
      if (!base64SpansOk(t.text, t.starts, t.ends, r.i, t.count)) return new RdataError(r.i, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.signature')), t.count);
      return { type: 'other', tokens: [] };
    }
    case 'DHCID':
    case 'OPENPGPKEY': {
      if (!r.more) return r.end();
      const { text, first } = r.rest();
      if (base64Length(text) < 0) return new RdataError(first, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.type-data', type)), t.count);
      return { type: 'other', tokens: [] };
    }
    case 'IPSECKEY': {
      const precedence = r.uint(255, msg('zone.field.ipseckey-precedence'));
      if (isErr(precedence)) return precedence;
      const gi = r.i;
      const gatewayType = r.uint(255, msg('zone.field.ipseckey-gateway-type'));
      if (isErr(gatewayType)) return gatewayType;
      if (gatewayType > 3) return new RdataError(gi, 'bad-number', msg('zone.data.ipseckey-gateway-type'));
      const algorithm = r.uint(255, msg('zone.field.ipseckey-algorithm'));
      if (isErr(algorithm)) return algorithm;
      if (!r.more) return r.end();
      const w = r.i;
      const gateway = t.text.slice(t.starts[w], t.ends[w]);
      if (gatewayType === 0 && gateway !== '.') return new RdataError(w, 'bad-name', msg('zone.data.ipseckey-no-gateway'));
      if (gatewayType === 1 && !isIPv4At(gateway, 0, gateway.length)) return new RdataError(w, 'bad-ipv4', msg('zone.data.bad-ipv4-gateway'));
      if (gatewayType === 2 && !isIPv6At(gateway, 0, gateway.length)) return new RdataError(w, 'bad-ipv6', msg('zone.data.bad-ipv6-gateway'));
      if (gatewayType === 3) {
        const n = r.name();
        if (isErr(n)) return n;
      } else r.i++;
      // The public key is required (RFC 4025 §2.1 allows none, BIND 9.18 does not).
      if (!r.more) return r.end();
      if (!base64SpansOk(t.text, t.starts, t.ends, r.i, t.count)) return new RdataError(r.i, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.ipseckey-public-key')), t.count);
      return { type: 'other', tokens: [] };
    }
    case 'NSEC3PARAM': {
      const algorithm = nsec3Parameters(r, type);
      if (isErr(algorithm)) return algorithm;
      return r.done() ?? { type: 'other', tokens: [] };
    }
    case 'A6': {
      const prefix = r.uint(128, msg('zone.field.a6-prefix-length'));
      if (isErr(prefix)) return prefix;
      if (prefix < 128) {
        if (!r.more) return r.end();
        const i = r.i++;
        if (!isIPv6At(t.text, t.starts[i], t.ends[i])) return new RdataError(i, 'bad-ipv6', msg('zone.data.bad-a6-suffix'));
      }
      if (prefix > 0) {
        const n = r.name();
        if (isErr(n)) return n;
      }
      return r.done() ?? { type: 'other', tokens: [] };
    }
    case 'AMTRELAY': {
      const precedence = r.uint(255, msg('zone.field.amtrelay-precedence'));
      if (isErr(precedence)) return precedence;
      const discovery = r.uint(1, msg('zone.field.amtrelay-discovery-bit'));
      if (isErr(discovery)) return discovery;
      const ti = r.i;
      const relayType = r.uint(127, msg('zone.field.amtrelay-relay-type'));
      if (isErr(relayType)) return relayType;
      if (relayType > 3) return new RdataError(ti, 'bad-number', msg('zone.data.amtrelay-type'));
      if (relayType === 0) {
        // No relay: a '.' may stand in its place.
        if (r.more && t.text.slice(t.starts[r.i], t.ends[r.i]) === '.') r.i++;
        return r.done() ?? { type: 'other', tokens: [] };
      }
      if (!r.more) return r.end();
      const w = r.i;
      if (relayType === 3) {
        const n = r.name();
        if (isErr(n)) return n;
      } else if (!(relayType === 1 ? isIPv4At(t.text, t.starts[w], t.ends[w]) : isIPv6At(t.text, t.starts[w], t.ends[w]))) {
        return new RdataError(w, relayType === 1 ? 'bad-ipv4' : 'bad-ipv6', msg('zone.data.amtrelay-address'));
      } else r.i++;
      return r.done() ?? { type: 'other', tokens: [] };
    }
    case 'APL': {
      // [!]afi:address/prefix, afi 1 (IPv4, /0-32) or 2 (IPv6, /0-128) (RFC 3123 §4).
      for (; r.more; r.i++) {
        const w = t.text.slice(t.starts[r.i], t.ends[r.i]);
        const m = /^!?(\d+):([^/]*)\/(\d{1,3})$/.exec(w);
        const ok = m && ((m[1] === '1' && isIPv4At(m[2], 0, m[2].length) && Number(m[3]) <= 32) || (m[1] === '2' && isIPv6At(m[2], 0, m[2].length) && Number(m[3]) <= 128));
        if (!ok) return new RdataError(r.i, 'bad-apl', msg('zone.data.bad-apl', w));
      }
      return { type: 'other', tokens: [] };
    }
    case 'CERT': {
      if (!r.more) return r.end();
      const ci = r.i;
      const certType = CERT_TYPES[t.text.slice(t.starts[ci], t.ends[ci]).toUpperCase()];
      if (certType === undefined) {
        const v = r.uint(65535, msg('zone.field.cert-type'));
        if (isErr(v)) return v;
      } else r.i++;
      const keyTag = r.uint(65535, msg('zone.field.cert-key-tag'));
      if (isErr(keyTag)) return keyTag;
      const algorithm = r.algorithm(msg('zone.field.cert-algorithm'));
      if (isErr(algorithm)) return algorithm;
      if (!r.more) return r.end();
      if (!base64SpansOk(t.text, t.starts, t.ends, r.i, t.count)) return new RdataError(r.i, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.certificate')), t.count);
      return { type: 'other', tokens: [] };
    }
    case 'GPOS':
    case 'ISDN': {
      // GPOS: longitude, latitude, altitude; ISDN: an address and an optional subaddress.
      const needed = type === 'GPOS' ? 3 : 1;
      const most = type === 'GPOS' ? 3 : 2;
      for (let k = 0; k < most && (k < needed || r.more); k++) {
        const v = r.string(msg('zone.field.type-string', type));
        if (isErr(v)) return v;
      }
      return r.done() ?? { type: 'other', tokens: [] };
    }
    case 'HIP': {
      const algorithm = r.uint(255, msg('zone.field.hip-public-key-algorithm'));
      if (isErr(algorithm)) return algorithm;
      if (!r.more) return r.end();
      const hi = r.i++;
      const hit = t.text.slice(t.starts[hi], t.ends[hi]);
      if (hexLengthAt(hit, 0, hit.length) <= 0 || hit.length > 510) return new RdataError(hi, 'bad-hex', msg('zone.data.bad-hit'));
      if (!r.more) return r.end();
      const ki = r.i++;
      if (base64Length(t.text.slice(t.starts[ki], t.ends[ki])) < 0) return new RdataError(ki, 'bad-base64', msg('zone.data.bad-base64-in', msg('zone.field.hip-public-key')));
      while (r.more) {
        const n = r.name();
        if (isErr(n)) return n;
      }
      return { type: 'other', tokens: [] };
    }
    case 'URI': {
      const priority = r.uint(65535, msg('zone.field.uri-priority'));
      if (isErr(priority)) return priority;
      const weight = r.uint(65535, msg('zone.field.uri-weight'));
      if (isErr(weight)) return weight;
      if (!r.more) return r.end();
      if (!t.quoted[r.i]) return new RdataError(r.i, 'bad-uri', msg('zone.data.uri-quoted'));
      r.i++;
      return r.done() ?? { type: 'other', tokens: [] };
    }
    case 'WKS': {
      if (!r.more) return r.end();
      const ai = r.i++;
      if (!isIPv4At(t.text, t.starts[ai], t.ends[ai])) return new RdataError(ai, 'bad-ipv4', msg('zone.data.bad-wks-address'));
      if (!r.more) return r.end();
      const pi = r.i++;
      const protocol = t.text.slice(t.starts[pi], t.ends[pi]).toLowerCase();
      if (protocol !== 'tcp' && protocol !== 'udp' && uintAt(protocol, 0, protocol.length, 255) < 0) return new RdataError(pi, 'bad-number', msg('zone.data.wks-protocol'));
      return { type: 'other', tokens: [] };
    }
    case 'SMIMEA': {
      for (const what of ['smimea-certificate-usage', 'smimea-selector', 'smimea-matching-type'] as const) {
        const v = r.uint(255, msg(`zone.field.${what}`));
        if (isErr(v)) return v;
      }
      const hex = hexField(r);
      return isErr(hex) ? hex : { type: 'other', tokens: [] };
    }
    case 'NULL':
      // NULL has no text form: only \# data (handled above) describes it.
      return new RdataError(r.i, 'unknown-type-data', msg('zone.data.null-no-text'), t.count);
    case 'RT':
    case 'LP':
    case 'AFSDB':
    case 'KX':
    case 'PX':
    case 'MINFO':
    case 'MB':
    case 'MG':
    case 'MR':
    case 'MD':
    case 'MF':
    case 'NSAP-PTR':
    case 'L32':
    case 'L64':
    case 'NID':
      return fields(r, type);
    default: {
      const tokens: string[] = [];
      while (r.more) tokens.push(t.text.slice(t.starts[r.i], t.ends[r.i++]));
      return { type: 'other', tokens };
    }
  }
}

function fields(r: Reader, type: string): Rdata | RdataError {
  const t = r.t;
  const tokens: string[] = [];
  for (const f of FIELDS[type].split(' ')) {
    if (f === 'name') {
      const n = r.name();
      if (isErr(n)) return n;
      tokens.push(n.text);
      continue;
    }
    if (f === 'u16') {
      const v = r.uint(65535, msg('zone.field.type-preference', type));
      if (isErr(v)) return v;
      continue;
    }
    if (!r.more) return r.end();
    const i = r.i++;
    const ok = f === 'ipv4' ? isIPv4At(t.text, t.starts[i], t.ends[i]) : /^[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){3}$/.test(t.text.slice(t.starts[i], t.ends[i]));
    if (!ok) return new RdataError(i, f === 'ipv4' ? 'bad-ipv4' : 'bad-number', msg(f === 'ipv4' ? 'zone.data.bad-ipv4' : 'zone.data.bad-ilnp'));
  }
  return r.done() ?? { type: 'other', tokens };
}

/** An RRSIG time: YYYYMMDDHHmmSS (14 digits) or seconds since 1970 that fit 32 bits. */
function isSignatureTime(text: string, s: number, e: number): boolean {
  if (e - s !== 14) return uintAt(text, s, e, 4294967295) >= 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** NSEC3 and NSEC3PARAM's hash algorithm, flags, iterations and salt ('-' or hex); the algorithm. */
function nsec3Parameters(r: Reader, type: string): number | RdataError {
  const algorithm = r.uint(255, msg('zone.field.type-hash-algorithm', type));
  if (isErr(algorithm)) return algorithm;
  const flags = r.uint(255, msg('zone.field.type-flags', type));
  if (isErr(flags)) return flags;
  const iterations = r.uint(65535, msg('zone.field.type-iterations', type));
  if (isErr(iterations)) return iterations;
  if (!r.more) return r.end();
  const t = r.t;
  const si = r.i++;
  const salt = t.text.slice(t.starts[si], t.ends[si]);
  if (salt !== '-' && (salt.length > 510 || hexLengthAt(salt, 0, salt.length) < 0)) return new RdataError(si, 'bad-hex', msg('zone.data.bad-salt', type));
  return algorithm;
}

/** A record type as a type list or RRSIG writes it: a mnemonic or TYPEnnn, any case. */
function isTypeWord(w: string): boolean {
  return typeCode(w.toUpperCase()) >= 0;
}

/** The type list of NSEC, NSEC3 and CSYNC: every word a type (BIND: "unknown class/type" otherwise). */
function typeList(r: Reader): RdataError | undefined {
  const t = r.t;
  for (; r.more; r.i++) {
    if (knownTypeAt(t.text, t.starts[r.i], t.ends[r.i]) !== undefined) continue;
    const w = t.text.slice(t.starts[r.i], t.ends[r.i]);
    if (!isTypeWord(w)) return new RdataError(r.i, 'unknown-type', msg('zone.data.not-a-type-mnemonic', w));
  }
  return undefined;
}

/** Octets of unpadded base32hex text (RFC 4648 §7), or -1 when it is not that. */
export function base32HexLength(w: string): number {
  if (!/^[0-9A-Va-v]*$/.test(w)) return -1;
  const tail = w.length % 8;
  if (tail === 1 || tail === 3 || tail === 6) return -1;
  return Math.floor((w.length * 5) / 8);
}

/** RFC 3402 §3.2: empty, or a delimiter (not a digit, 'i' or '\\') that appears three times, then only the flag 'i'. */
function naptrRegexpOk(re: string): boolean {
  if (re === '') return true;
  const delim = re[0];
  if (/[0-9i\\]/.test(delim)) return false;
  let count = 1;
  let i = 1;
  for (; i < re.length && count < 3; i++) {
    if (re[i] === '\\') i++;
    else if (re[i] === delim) count++;
  }
  return count === 3 && /^i?$/.test(re.slice(i));
}

function hexField(r: Reader, expected?: number): string | RdataError {
  if (!r.more) return r.end();
  const { text, first } = r.rest();
  const len = hexLengthAt(text, 0, text.length);
  if (len < 0) return new RdataError(first, 'bad-hex', msg('zone.data.bad-hex'), r.t.count);
  if (expected !== undefined && len !== expected) {
    // Too short: shown where the data ends, as for any record that ends too early.
    return new RdataError(len < expected ? r.t.count : first, 'bad-digest-length', msg('zone.data.digest-length', expected, expected * 2, len), r.t.count);
  }
  return text;
}

/** Wire lengths of the known types whose data has one fixed size (BIND reads \# data of a known type as that type). */
const FIXED_LENGTHS: Record<string, number> = { A: 4, AAAA: 16, EUI48: 6, EUI64: 8, L32: 6, L64: 10, NID: 10 };

/** RFC 3597 generic data: \# LENGTH HEX... */
function generic(r: Reader, type: string): Rdata | RdataError {
  r.i++;
  const length = r.uint(65535, msg('zone.field.generic-data-length'));
  if (isErr(length)) return length;
  const { text, first } = r.rest();
  const got = hexLengthAt(text, 0, text.length);
  if (got < 0) return new RdataError(first, 'bad-hex', msg('zone.data.generic-bad-hex'), r.t.count);
  if (got !== length) return new RdataError(first, 'bad-generic-length', msg('zone.data.generic-length', got, length), r.t.count);
  const fixed = FIXED_LENGTHS[type];
  if (fixed !== undefined && got !== fixed) return new RdataError(first - 1, 'bad-generic-length', msg('zone.data.generic-fixed', type, fixed, got), r.t.count);
  const problem = wireProblem(type, Buffer.from(text, 'hex'));
  if (problem) return new RdataError(first - 1, 'bad-generic-length', msg('zone.data.generic-as-type', problem), r.t.count);
  return { type: 'generic', length, hex: text };
}

/** LOC (RFC 1876): d [m [s]] N|S d [m [s]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]. */
function loc(r: Reader): Rdata | RdataError {
  const t = r.t;
  const start = r.i;
  const word = () => (r.more ? t.text.slice(t.starts[r.i], t.ends[r.i]) : undefined);
  for (const [hemi, maxDeg] of [['NS', 90], ['EW', 180]] as const) {
    const d = r.uint(maxDeg, msg('zone.field.degrees'));
    if (isErr(d)) return d;
    for (let k = 0; k < 2; k++) {
      const w = word();
      if (w === undefined) return r.end();
      if (hemi.includes(w.toUpperCase())) break;
      if (!/^\d+(\.\d{1,3})?$/.test(w) || Number(w) >= 60) return new RdataError(r.i, 'bad-loc', msg('zone.data.loc-minutes'));
      r.i++;
    }
    const h = word();
    if (h === undefined) return r.end();
    if (!hemi.includes(h.toUpperCase())) return new RdataError(r.i, 'bad-loc', msg('zone.data.loc-hemisphere', hemi[0], hemi[1]));
    r.i++;
  }
  if (!r.more) return r.end();
  for (let k = 0; r.more; k++) {
    const w = word()!;
    if (k > 3 || !/^-?\d+(\.\d{1,2})?m?$/i.test(w)) return new RdataError(r.i, 'bad-loc', msg('zone.data.loc-metres'));
    // RFC 1876: the altitude is -100000.00 to 42849672.95 m, sizes and precisions 0 to 90000000.00 m.
    const metres = parseFloat(w);
    if (k === 0 ? metres < -100000 || metres > 42849672.95 : metres < 0 || metres > 90000000) return new RdataError(r.i, 'bad-loc', msg('zone.data.loc-range'));
    r.i++;
  }
  return { type: 'LOC', text: Array.from({ length: t.count - start }, (_, k) => t.text.slice(t.starts[start + k], t.ends[start + k])).join(' ') };
}
