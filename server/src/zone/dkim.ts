// DKIM public-key records at <selector>._domainkey.<domain> (RFC 6376 §3.6.1), including the
// size of RSA keys read from the DER structure: keys under 1024 bits are breakable (RFC 8301).
import { base64Decode } from '../parsers/zone/lexical';
import { parseTags, problem, RecordProblem } from './problem';

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
    out.push(problem('dkim-version', 'warning', 'zone.dkim.version', [], span('v')));
  }
  const k = (byName.get('k') ?? 'rsa').toLowerCase();
  const knownType = k === 'rsa' || k === 'ed25519';
  if (!knownType) out.push(problem('dkim-bad-value', 'warning', 'zone.dkim.key-type', [k], span('k')));
  const h = byName.get('h');
  if (h !== undefined) {
    for (const alg of h.split(':').map((s) => s.trim().toLowerCase())) {
      if (alg === 'sha1') out.push(problem('dkim-sha1', 'warning', 'zone.dkim.sha1', [], span('h')));
      else if (alg !== 'sha256') out.push(problem('dkim-bad-value', 'warning', 'zone.dkim.hash', [alg], span('h')));
    }
  }
  const t = byName.get('t');
  if (t !== undefined) {
    for (const flag of t.split(':').map((s) => s.trim())) {
      if (flag !== 'y' && flag !== 's') out.push(problem('dkim-bad-value', 'warning', 'zone.dkim.flag', [flag], span('t')));
      if (flag === 'y') out.push(problem('dkim-testing', 'info', 'zone.dkim.testing', [], span('t')));
    }
  }
  const s = byName.get('s');
  if (s !== undefined && !s.split(':').some((x) => ['*', 'email'].includes(x.trim()))) {
    out.push(problem('dkim-bad-value', 'warning', 'zone.dkim.service', [s], span('s')));
  }
  const p = byName.get('p');
  if (p === undefined) {
    out.push(problem('dkim-no-key', 'warning', 'zone.dkim.no-key'));
    return out;
  }
  const b64 = p.replace(/\s+/g, '');
  if (b64 === '') {
    out.push(problem('dkim-revoked', 'info', 'zone.dkim.revoked', [], span('p')));
    return out;
  }
  // Verifiers cannot use a key of a type they do not know (RFC 6376 §3.6.1), whatever its bytes.
  if (!knownType) return out;
  const bytes = base64Decode(b64);
  if (!bytes) {
    out.push(problem('dkim-bad-key', 'warning', 'zone.dkim.bad-base64', [], span('p')));
    return out;
  }
  if (k === 'ed25519') {
    if (bytes.length !== 32) out.push(problem('dkim-bad-key', 'warning', 'zone.dkim.ed25519-length', [bytes.length], span('p')));
    return out;
  }
  const bits = rsaModulusBits(bytes);
  if (bits === undefined) {
    out.push(problem('dkim-bad-key', 'warning', 'zone.dkim.not-rsa', [], span('p')));
  } else if (bits < 1024) {
    out.push(problem('dkim-weak-key', 'warning', 'zone.dkim.weak-key', [bits], span('p')));
  } else {
    out.push(problem('dkim-key-length', 'info', 'zone.dkim.key-length', [bits], span('p')));
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
