// The order in which Postfix walks a hash table (htable.c) when hashing is not randomized
// (NORANDOMIZE set): postconf scans main.cf and the master.cf name spaces in that order, which
// decides which warnings come out before a fatal error stops it, and in which order its
// "unused parameter" warnings appear. Tables start with 13 buckets and double (plus one) when
// full; a new entry goes to the head of its bucket's chain, and growing relinks the old chains
// bucket by bucket, each from its head.
const FNV_PRIME = 0x100000001b3n;
const FNV_BASIS = 0xcbf29ce484222325n;
const MASK = 2n ** 64n - 1n;

/** Postfix's "modified FNV-1a": each byte plus one, 64 bits. */
export function hashFnv(key: string): bigint {
  let h = FNV_BASIS;
  for (const b of Buffer.from(key, 'utf8')) h = ((h ^ BigInt(b + 1)) * FNV_PRIME) & MASK;
  return h;
}

/** The keys, inserted in the given order into a fresh table of `initial` buckets, as listed by it. */
export function hashOrder(keys: Iterable<string>, initial = 13): string[] {
  const hashes = new Map<string, bigint>();
  let size = Math.max(initial, 13) | 1;
  let buckets: string[][] = Array.from({ length: size }, () => []);
  let used = 0;
  const link = (key: string) => {
    buckets[Number(hashes.get(key)! % BigInt(size))].unshift(key);
    used++;
  };
  for (const key of keys) {
    if (hashes.has(key)) continue;
    hashes.set(key, hashFnv(key));
    if (used >= size) {
      const old = buckets;
      size = (2 * size) | 1;
      buckets = Array.from({ length: size }, () => []);
      used = 0;
      for (const chain of old) for (const k of chain) link(k);
    }
    link(key);
  }
  return buckets.flat();
}
