// What building the name index (zoneIndex.ts) and updating it after an edit (zoneIndexUpdate.ts)
// share: how names hash and compare (ASCII case-insensitively, RFC 4343), the HAS_* bits each
// name carries, and the typed arrays an index is made of.

/** The typed arrays of a ZoneIndex (see there). */
export interface IndexParts {
  slots: Int32Array;
  next: Int32Array;
  masks: Uint8Array;
  names: number;
}

/** FNV-1a of s[from, to) with ASCII letters folded to lower case, so names equal under sameName hash alike. */
export function hashName(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** a equals b[from, to), ASCII case-insensitively. */
export function sameName(a: string, b: string, from = 0, to = b.length): boolean {
  if (a.length !== to - from) return false;
  if (from === 0 && a === b) return true;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(from + i);
    if (x === y) continue;
    // Equal but for case: one letter in both cases, which differ in bit 0x20 alone. Testing that
    // first keeps the letter test off the path of names that simply differ, the path every hash
    // collision takes: V8 then optimizes the index build once rather than twice (a branch first
    // taken after optimization throws the optimized code away).
    if ((x ^ y) !== 0x20) return false;
    const l = x | 0x20;
    if (l < 97 || l > 122) return false;
  }
  return true;
}

/** Bits of ZoneIndex.mask(). */
export const HAS_RECORDS = 1;
export const HAS_ADDRESS = 2;
export const HAS_CNAME = 4;
export const HAS_NS = 8;
export const HAS_DNAME = 16;

/** The HAS_* bits one record of type code `c` gives its name. */
export function rowMask(c: number): number {
  return HAS_RECORDS | (c === 1 || c === 28 ? HAS_ADDRESS : c === 5 ? HAS_CNAME : c === 2 ? HAS_NS : c === 39 ? HAS_DNAME : 0);
}

/** A name as sameName compares names (ASCII case folded), to key the names an edit touched. */
export function foldName(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}
