// DKIM public-key records at <selector>._domainkey.<domain> (RFC 6376 §3.6.1), including the
// size of RSA keys read from the DER structure: keys under 1024 bits are breakable (RFC 8301).
import { base64Decode } from '../parsers/zone/lexical';
import { parseTags, RecordProblem } from './problem';

export function checkDkim(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'dkim', out);
  const byName = new Map(tags.map((t) => [t.name, t.value]));
  const tagOf = new Map(tags.map((t) => [t.name, t]));
  /** The value span of a tag, for problems about it. */
  const span = (name: string) => {
    const t = tagOf.get(name);
    return t ? { start: t.valueStart, end: t.valueEnd } : {};
  };
  const v = byName.get('v');
  if (v !== undefined && (tags[0].name !== 'v' || v !== 'DKIM1')) {
    out.push({ code: 'dkim-version', severity: 'warning', message: "When present, 'v=DKIM1' must be the first tag", ...span('v') });
  }
  const k = (byName.get('k') ?? 'rsa').toLowerCase();
  if (!['rsa', 'ed25519'].includes(k)) out.push({ code: 'dkim-bad-value', severity: 'warning', message: `Unknown key type 'k=${k}': use rsa or ed25519`, ...span('k') });
  const h = byName.get('h');
  if (h !== undefined) {
    for (const alg of h.split(':').map((s) => s.trim().toLowerCase())) {
      if (alg === 'sha1') out.push({ code: 'dkim-sha1', severity: 'warning', message: "'h=sha1' allows SHA-1 signatures, which verifiers reject (RFC 8301); use sha256", ...span('h') });
      else if (alg !== 'sha256') out.push({ code: 'dkim-bad-value', severity: 'warning', message: `Unknown hash algorithm '${alg}' in 'h=' (use sha256)`, ...span('h') });
    }
  }
  const t = byName.get('t');
  if (t !== undefined) {
    for (const flag of t.split(':').map((s) => s.trim())) {
      if (flag !== 'y' && flag !== 's') out.push({ code: 'dkim-bad-value', severity: 'warning', message: `Unknown flag '${flag}' in 't=' (y = testing, s = strict domain)`, ...span('t') });
      if (flag === 'y') out.push({ code: 'dkim-testing', severity: 'info', message: "'t=y': the domain is testing DKIM; verifiers treat failures leniently", ...span('t') });
    }
  }
  const s = byName.get('s');
  if (s !== undefined && !s.split(':').some((x) => ['*', 'email'].includes(x.trim()))) {
    out.push({ code: 'dkim-bad-value', severity: 'warning', message: `'s=${s}' does not include email or *; the key will not be used for mail`, ...span('s') });
  }
  const p = byName.get('p');
  if (p === undefined) {
    out.push({ code: 'dkim-no-key', severity: 'warning', message: "The 'p=' tag (the public key) is required" });
    return out;
  }
  const b64 = p.replace(/\s+/g, '');
  if (b64 === '') {
    out.push({ code: 'dkim-revoked', severity: 'info', message: "'p=' is empty: this key is revoked and signatures with this selector fail", ...span('p') });
    return out;
  }
  const bytes = base64Decode(b64);
  if (!bytes) {
    out.push({ code: 'dkim-bad-key', severity: 'warning', message: "'p=' is not valid base64 (a split key must be whole after joining its strings)", ...span('p') });
    return out;
  }
  if (k === 'ed25519') {
    if (bytes.length !== 32) out.push({ code: 'dkim-bad-key', severity: 'warning', message: `An ed25519 key is 32 bytes; this one is ${bytes.length}`, ...span('p') });
    return out;
  }
  const bits = rsaModulusBits(bytes);
  if (bits === undefined) {
    out.push({ code: 'dkim-bad-key', severity: 'warning', message: "'p=' does not hold an RSA public key (DER SubjectPublicKeyInfo)", ...span('p') });
  } else if (bits < 1024) {
    out.push({ code: 'dkim-weak-key', severity: 'warning', message: `The RSA key has ${bits} bits; verifiers reject keys under 1024 bits (RFC 8301). Use 2048`, ...span('p') });
  } else {
    out.push({ code: 'dkim-key-length', severity: 'info', message: `RSA key of ${bits} bits`, ...span('p') });
  }
  return out;
}

interface Der {
  tag: number;
  start: number; // content start
  end: number; // content end
}

function readDer(b: Uint8Array, at: number): Der | undefined {
  if (at + 2 > b.length) return undefined;
  const tag = b[at];
  let len = b[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > b.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > b.length) return undefined;
  return { tag, start: p, end: p + len };
}

/** Bits of the modulus of an RSA key in SubjectPublicKeyInfo or bare RSAPublicKey form. */
export function rsaModulusBits(b: Uint8Array): number | undefined {
  let outer = readDer(b, 0);
  if (!outer || outer.tag !== 0x30) return undefined;
  let first = readDer(b, outer.start);
  if (!first) return undefined;
  if (first.tag === 0x30) {
    // SubjectPublicKeyInfo: algorithm, then a BIT STRING wrapping RSAPublicKey.
    const bits = readDer(b, first.end);
    if (!bits || bits.tag !== 0x03) return undefined;
    outer = readDer(b, bits.start + 1);
    if (!outer || outer.tag !== 0x30) return undefined;
    first = readDer(b, outer.start);
    if (!first) return undefined;
  }
  if (first.tag !== 0x02) return undefined;
  let s = first.start;
  while (s < first.end && b[s] === 0) s++;
  if (s >= first.end) return 0;
  return (first.end - s - 1) * 8 + (32 - Math.clz32(b[s]));
}
