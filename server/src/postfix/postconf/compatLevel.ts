// Compatibility levels in comparisons (`${{$compatibility_level} <level {2}?...}`), as Postfix's
// compat_level code reads them: "major", "major.minor" or "major.minor.patch", each number in
// strtol's syntax (leading blanks and a sign allowed), minor and patch at most 1023.
const LONG_MAX = 2n ** 63n - 1n;
const MAJOR_MAX = LONG_MAX >> 20n;

/** strtol(…, 10) at `s`: [value, characters used] or undefined when no digits follow. */
function strtol(s: string): [bigint, number] | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)/.exec(s);
  if (!m) return undefined;
  const v = BigInt(m[2]) * (m[1] === '-' ? -1n : 1n);
  // Out of range is ERANGE in C, which the caller rejects: a value past any limit does the same.
  return [v, m[0].length];
}

/** compat_level_from_string(): the level as one comparable number, or undefined (with a warning). */
function levelOf(text: string, warn: (m: string) => void): bigint | undefined {
  const limits = [MAJOR_MAX, 1023n, 1023n];
  let res = 0n;
  let start = 0;
  for (let part = 0; part < 3; part++) {
    const n = strtol(text.slice(start));
    if (!n || n[0] < 0n || n[0] > limits[part]) break;
    const end = start + n[1];
    const next = text[end];
    if (next !== undefined && (next !== '.' || part === 2)) break;
    res |= n[0] << BigInt(20 - 10 * part);
    if (next === undefined) return res;
    start = end + 1;
  }
  warn(`malformed compatibility level syntax: "${text}"`);
  return undefined;
}

/**
 * compat_relop_eval(): the sign of left - right, or undefined when either is malformed; the right
 * side is only read when the left one is well-formed.
 */
export function compareLevels(left: string, right: string, warn: (m: string) => void): number | undefined {
  const l = levelOf(left, warn);
  if (l === undefined) return undefined;
  const r = levelOf(right, warn);
  if (r === undefined) return undefined;
  return l < r ? -1 : l > r ? 1 : 0;
}
