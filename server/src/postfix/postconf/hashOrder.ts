// The order in which Postfix walks a hash table (htable.c) when hashing is not randomized
// (NORANDOMIZE set): postconf scans main.cf and the master.cf name spaces in that order, which
// decides which warnings come out before a fatal error stops it, and in which order its
// "unused parameter" warnings appear. Tables start with 13 buckets and double (plus one) when
// full; a new entry goes to the head of its bucket's chain, and growing relinks the old chains
// bucket by bucket, each from its head.
/**
 * Postfix's "modified FNV-1a" (each byte plus one, 64 bits), as [high, low] 32-bit halves: plain
 * numbers, because BigInt arithmetic made a 20,000-line main.cf cost tens of milliseconds.
 */
export function hashFnv(key: string): [number, number] {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (b: number) => {
    lo = (lo ^ (b + 1)) >>> 0;
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40)
    const loProd = lo * 0x1b3;
    const carry = Math.floor(loProd / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo & 0xffffff) * 256) >>> 0;
    lo = loProd >>> 0;
  };
  if (/^[\x00-\x7f]*$/.test(key)) for (let i = 0; i < key.length; i++) step(key.charCodeAt(i));
  else for (const b of Buffer.from(key, 'utf8')) step(b);
  return [hi, lo];
}

function bucketOf([hi, lo]: [number, number], size: number): number {
  return ((hi % size) * (0x100000000 % size) + lo) % size;
}

/** The keys, inserted in the given order into a fresh table of `initial` buckets, as listed by it. */
export function hashOrder(keys: Iterable<string>, initial = 13): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const key of keys) if (!seen.has(key)) (seen.add(key), list.push(key));
  const hashes = list.map(hashFnv);
  // Chains as index links: head[bucket] is the newest entry, next[entry] the one after it.
  const next = new Int32Array(list.length);
  let size = Math.max(initial, 13) | 1;
  let head = new Int32Array(size).fill(-1);
  const link = (i: number) => {
    const b = bucketOf(hashes[i], size);
    next[i] = head[b];
    head[b] = i;
  };
  for (let i = 0; i < list.length; i++) {
    if (i >= size) {
      const old = head;
      size = (2 * size) | 1;
      head = new Int32Array(size).fill(-1);
      for (let b = 0; b < old.length; b++) {
        for (let e = old[b]; e >= 0; ) {
          const after = next[e];
          link(e);
          e = after;
        }
      }
    }
    link(i);
  }
  const out: string[] = [];
  for (let b = 0; b < size; b++) for (let e = head[b]; e >= 0; e = next[e]) out.push(list[e]);
  return out;
}
