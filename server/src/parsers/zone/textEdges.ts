// Where two versions of a text start and stop differing: the incremental parser and the
// re-check both locate an edit this way.

/** Length of the common prefix of a and b, comparing in chunks first (string equality is a memcmp). */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= n && a.substring(i, i + step) === b.substring(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let k = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (k + step <= limit && a.substring(a.length - k - step, a.length - k) === b.substring(b.length - k - step, b.length - k)) k += step;
  }
  while (k < limit && a.charCodeAt(a.length - k - 1) === b.charCodeAt(b.length - k - 1)) k++;
  return k;
}
