// Small checks on token text, done on char codes to avoid allocating: numbers, IPv4/IPv6,
// hex and base64, and the decoding of character-strings with \X and \DDD escapes.

/** Unsigned integer in text[s, e) not above max, or -1. */
export function uintAt(text: string, s: number, e: number, max: number): number {
  if (s >= e || e - s > 10) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v <= max ? v : -1;
}

export function isIPv4At(text: string, s: number, e: number): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = s; i <= e; i++) {
    const c = i < e ? text.charCodeAt(i) : 46;
    if (c === 46) {
      // No leading zeros: inet_pton, which BIND reads addresses with, refuses 1.2.3.04.
      if (digits === 0 || value > 255 || (digits > 1 && text.charCodeAt(i - digits) === 48)) return false;
      parts++;
      value = 0;
      digits = 0;
      continue;
    }
    if (c < 48 || c > 57 || ++digits > 3) return false;
    value = value * 10 + (c - 48);
  }
  return parts === 4;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}

export function isIPv6At(text: string, s: number, e: number): boolean {
  if (e - s < 2) return false;
  let groups = 0;
  let doubleColon = false;
  let i = s;
  if (text.charCodeAt(i) === 58) {
    if (text.charCodeAt(i + 1) !== 58) return false;
    doubleColon = true;
    i += 2;
    if (i === e) return true;
  }
  while (i < e) {
    let j = i;
    while (j < e && isHexDigit(text.charCodeAt(j))) j++;
    const len = j - i;
    if (j < e && text.charCodeAt(j) === 46) {
      // An embedded IPv4 address ends the address and counts as two groups.
      if (!isIPv4At(text, i, e)) return false;
      groups += 2;
      i = e;
      break;
    }
    if (len === 0 || len > 4) return false;
    groups++;
    i = j;
    if (i === e) break;
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    if (i < e && text.charCodeAt(i) === 58) {
      if (doubleColon) return false;
      doubleColon = true;
      i++;
      if (i === e) break;
    } else if (i === e) return false;
  }
  return doubleColon ? groups < 8 : groups === 8;
}

/** Bytes of hex text[s, e) (whitespace already removed), or -1 when not valid hex of even length. */
export function hexLengthAt(text: string, s: number, e: number): number {
  if ((e - s) % 2 !== 0) return -1;
  for (let i = s; i < e; i++) if (!isHexDigit(text.charCodeAt(i))) return -1;
  return (e - s) / 2;
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/**
 * Decoded length of strict base64 (padding required, unused bits zero, as BIND insists), or -1.
 */
export function base64Length(b64: string): number {
  const n = b64.length;
  if (n === 0 || n % 4 !== 0) return -1;
  let pad = 0;
  if (b64.charCodeAt(n - 1) === 61) pad++;
  if (b64.charCodeAt(n - 2) === 61) pad++;
  for (let i = 0; i < n - pad; i++) {
    const c = b64.charCodeAt(i);
    if (c > 127 || B64[c] < 0) return -1;
  }
  const last = B64[b64.charCodeAt(n - pad - 1)];
  if (pad === 1 && (last & 0x3) !== 0) return -1;
  if (pad === 2 && (last & 0xf) !== 0) return -1;
  return (n / 4) * 3 - pad;
}

/**
 * True when the tokens text[starts[k], ends[k]) for k in [from, to) joined are strict base64, as
 * base64Length judges it, without building the joined string (signatures of signed zones).
 */
export function base64SpansOk(text: string, starts: Int32Array, ends: Int32Array, from: number, to: number): boolean {
  let n = 0;
  let pad = 0;
  let last = 0;
  for (let k = from; k < to; k++) {
    for (let i = starts[k]; i < ends[k]; i++) {
      const c = text.charCodeAt(i);
      n++;
      if (c === 61) {
        if (++pad > 2) return false;
        continue;
      }
      if (pad > 0 || c > 127 || B64[c] < 0) return false;
      last = B64[c];
    }
  }
  if (n === 0 || n % 4 !== 0) return false;
  return !((pad === 1 && (last & 0x3) !== 0) || (pad === 2 && (last & 0xf) !== 0));
}

/** Bytes of strict base64, or undefined. */
export function base64Decode(b64: string): Uint8Array | undefined {
  if (base64Length(b64) < 0) return undefined;
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

/**
 * The value of a character-string token: quotes removed, \X and \DDD decoded. Returns the
 * decoded text and its length in octets (code points above 0x7f count as UTF-8 bytes).
 */
export function decodeString(text: string, s: number, e: number, quoted: boolean): string {
  if (quoted) {
    s++;
    if (e > s && text.charCodeAt(e - 1) === 34) e--;
  }
  let out = '';
  let from = s;
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    out += text.slice(from, i);
    const d1 = text.charCodeAt(i + 1);
    if (d1 >= 48 && d1 <= 57 && i + 3 < e + 1) {
      out += String.fromCharCode(Number(text.slice(i + 1, i + 4)) & 0xff);
      i += 3;
    } else if (i + 1 < e) {
      out += text[i + 1];
      i++;
    }
    from = i + 1;
  }
  return from === s ? text.slice(s, e) : out + text.slice(from, e);
}

/** True when every \DDD escape in text[s, e) has three digits and is at most 255 (BIND: "syntax error" otherwise). */
export function escapesOkAt(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    const d1 = text.charCodeAt(i + 1);
    if (d1 >= 48 && d1 <= 57) {
      const d2 = text.charCodeAt(i + 2);
      const d3 = text.charCodeAt(i + 3);
      if (i + 3 >= e || !(d2 >= 48 && d2 <= 57 && d3 >= 48 && d3 <= 57)) return false;
      if ((d1 - 48) * 100 + (d2 - 48) * 10 + (d3 - 48) > 255) return false;
      i += 3;
    } else i++;
  }
  return true;
}

export function octets(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return n;
}
