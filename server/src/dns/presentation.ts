// One canonical text per record data, whether it was read from a zone file or decoded from an
// answer, so that "what the file says" and "what the server serves" compare as strings: names
// absolute and lower case, IPv6 in RFC 5952 form, hex in lower case, TXT strings quoted.
import type { Rdata } from '../parsers/zone';

/** RFC 5952 form of an IPv6 address (the URL parser applies it), or the text when it is none. */
export function canonicalIPv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address.toLowerCase();
  }
}

export function canonicalName(name: string): string {
  const n = name.toLowerCase();
  return n === '' || n === '.' ? '.' : n.endsWith('.') ? n : n + '.';
}

/** A TXT character-string as written in a zone: quoted, with '"' and '\' escaped. */
export function quoteString(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => '\\' + c)}"`;
}

const hex = (b: Uint8Array | string | undefined) => (typeof b === 'string' ? b : Buffer.from(b ?? []).toString('hex')).toLowerCase();
const text = (b: unknown) => (Buffer.isBuffer(b) ? b.toString('utf8') : String(b));

/** Canonical data of a record decoded by dns-packet (`data` as the codec returns it). */
export function presentRecord(type: string, data: unknown): string {
  const d = data as Record<string, unknown>;
  switch (type) {
    case 'A':
      return String(data);
    case 'AAAA':
      return canonicalIPv6(String(data));
    case 'NS':
    case 'CNAME':
    case 'DNAME':
    case 'PTR':
      return canonicalName(String(data));
    case 'MX':
      return `${d.preference} ${canonicalName(String(d.exchange))}`;
    case 'TXT':
      return (Array.isArray(data) ? data : [data]).map((s) => quoteString(text(s))).join(' ');
    case 'SOA':
      return `${canonicalName(String(d.mname))} ${canonicalName(String(d.rname))} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    case 'SRV':
      return `${d.priority} ${d.weight} ${d.port} ${canonicalName(String(d.target))}`;
    case 'CAA':
      return `${d.flags} ${String(d.tag).toLowerCase()} ${quoteString(String(d.value))}`;
    case 'TLSA':
      return `${d.usage} ${d.selector} ${d.matchingType} ${hex(d.certificate as Buffer)}`;
    case 'SSHFP':
      return `${d.algorithm} ${d.hash} ${hex(d.fingerprint as string)}`;
    case 'DS':
      return `${d.keyTag} ${d.algorithm} ${d.digestType} ${hex(d.digest as Buffer)}`;
    default:
      return Buffer.isBuffer(data) ? `\\# ${data.length} ${hex(data)}`.trimEnd() : JSON.stringify(data);
  }
}

/** Canonical data of a record parsed from a zone file; undefined for types not compared. */
export function presentRdata(d: Rdata): string | undefined {
  switch (d.type) {
    case 'A':
      return d.address;
    case 'AAAA':
      return canonicalIPv6(d.address);
    case 'NS':
    case 'CNAME':
    case 'DNAME':
    case 'PTR':
      return canonicalName(d.target.name);
    case 'MX':
      return `${d.preference} ${canonicalName(d.exchange.name)}`;
    case 'TXT':
      return d.strings.map(quoteString).join(' ');
    case 'SOA':
      return `${canonicalName(d.mname.name)} ${canonicalName(d.rname.name)} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`;
    case 'SRV':
      return `${d.priority} ${d.weight} ${d.port} ${canonicalName(d.target.name)}`;
    case 'CAA':
      return `${d.flags} ${d.tag.toLowerCase()} ${quoteString(d.value)}`;
    case 'TLSA':
      return `${d.usage} ${d.selector} ${d.matchingType} ${hex(d.hex)}`;
    case 'SSHFP':
      return `${d.algorithm} ${d.fingerprintType} ${hex(d.hex)}`;
    case 'DS':
      return `${d.keyTag} ${d.algorithm} ${d.digestType} ${hex(d.hex)}`;
    default:
      return undefined;
  }
}

/** The joined text of a TXT record's canonical data (for SPF, DMARC, DKIM... policies). */
export function txtJoined(data: string): string {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"/g;
  for (let m = re.exec(data); m; m = re.exec(data)) out.push(m[1].replace(/\\(.)/g, '$1'));
  return out.join('');
}
