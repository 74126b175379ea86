// RFC 3597 generic data (\# LENGTH HEX) of a type this reader knows is read by BIND as that type's
// wire form, and refused ("FORMERR", "unexpected end of input") when it is not one. The structure
// of the common types is checked here; other types' generic data is taken as it is.

/** Octets of an uncompressed wire name at `at`, or -1 when none is there (BIND reads \# data without compression). */
function wireName(b: Uint8Array, at: number): number {
  let i = at;
  for (let total = 0; ; ) {
    if (i >= b.length) return -1;
    const len = b[i];
    if (len === 0) return i + 1 - at;
    if (len > 63) return -1;
    total += len + 1;
    if (total > 254) return -1;
    i += len + 1;
  }
}

/** Fields in order: n fixed octets (a number), a name ('n'), character-strings to the end ('s*'), names to the end ('n*'). */
const LAYOUTS: Record<string, Array<number | 'n' | 's*' | 'n*'>> = {
  NS: ['n'], CNAME: ['n'], DNAME: ['n'], PTR: ['n'], MB: ['n'], MG: ['n'], MR: ['n'], MD: ['n'], MF: ['n'], 'NSAP-PTR': ['n'],
  MX: [2, 'n'], AFSDB: [2, 'n'], RT: [2, 'n'], KX: [2, 'n'], LP: [2, 'n'], PX: [2, 'n', 'n'], MINFO: ['n', 'n'], RP: ['n', 'n'],
  SRV: [6, 'n'], SOA: ['n', 'n', 20], TXT: ['s*'], SPF: ['s*'],
};

/** Why `bytes` is not valid data of `type` (upper-case mnemonic), or undefined. */
export function wireProblem(type: string, bytes: Uint8Array): string | undefined {
  if (type === 'HIP') return hipProblem(bytes);
  const layout = LAYOUTS[type];
  if (!layout) return undefined;
  let at = 0;
  for (const f of layout) {
    if (typeof f === 'number') {
      if (at + f > bytes.length) return `The ${type} data ends early`;
      at += f;
    } else if (f === 'n') {
      const n = wireName(bytes, at);
      if (n < 0) return `The ${type} data does not hold a valid domain name where one is due`;
      at += n;
    } else if (f === 's*') {
      if (bytes.length === 0) return `${type} data holds at least one string`;
      while (at < bytes.length) at += bytes[at] + 1;
      if (at > bytes.length) return `A string of the ${type} data runs past its end`;
    }
  }
  return at === bytes.length ? undefined : `The ${type} data has ${bytes.length - at} octets too many`;
}

/** HIP (RFC 8005 §5): HIT length (not 0), algorithm, key length (not 0), HIT, key, then rendezvous server names. */
function hipProblem(b: Uint8Array): string | undefined {
  if (b.length < 4 || b[0] === 0) return 'The HIP data is too short or has an empty HIT';
  const keyLength = (b[2] << 8) | b[3];
  let at = 4 + b[0] + keyLength;
  if (keyLength === 0 || at > b.length) return 'The HIP data is shorter than its HIT and key lengths say';
  while (at < b.length) {
    const n = wireName(b, at);
    if (n < 0) return 'A rendezvous server of the HIP data is not a valid domain name';
    at += n;
  }
  return undefined;
}
