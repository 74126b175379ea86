// The DNS answers a user gives the simulator, for the restrictions that would ask DNS: which DNS
// lists list a client address or a name (reject_rbl_client, reject_rhsbl_*, permit_dnswl_client,
// permit_rhswl_client), and which names have no address or MX record (reject_unknown_helo_hostname,
// reject_unknown_sender_domain, reject_unknown_recipient_domain). Given answers are the whole
// world: a list that is not said to list a key does not, and a name not said to be missing exists.
// Without answers those restrictions stay "depends on DNS".

export interface DnsListing {
  /** The list's domain as the restriction names it, without a =reply filter: zen.spamhaus.org. */
  list: string;
  /** A client address (192.0.2.1, 2001:db8::1) or a domain name the list has. */
  key: string;
  /** The TXT record's text, which Postfix appends to its reply. */
  reason?: string;
  /** The address the list answers (default 127.0.0.2), which a list=filter must match. */
  address?: string;
}

export interface DnsAnswers {
  listed?: DnsListing[];
  /** Names with no A, AAAA or MX record: the lookup answers NXDOMAIN. */
  missing?: string[];
}

const folded = (name: string) => name.toLowerCase().replace(/\.$/, '');

/**
 * The listing of `key` by the list a restriction names, when its answer passes the argument's
 * =filter: an IPv4 pattern whose octets are numbers or bracketed lists of numbers and ranges,
 * 127.0.0.2, 127.0.0.[2..11], 127.0.[0;1].[2;4..6].
 */
export function listing(answers: DnsAnswers, listArgument: string, key: string): DnsListing | undefined {
  const [name, filter] = listArgument.split('=', 2);
  const hit = answers.listed?.find((l) => folded(l.list) === folded(name) && folded(l.key) === folded(key));
  return hit && (filter === undefined || addressMatches(filter, hit.address ?? '127.0.0.2')) ? hit : undefined;
}

function addressMatches(pattern: string, address: string): boolean {
  const octets = address.split('.');
  const parts = pattern.match(/\[[^\]]*\]|[^.[\]]+/g) ?? [];
  if (parts.length !== 4 || octets.length !== 4) return false;
  return parts.every((part, i) => {
    const n = Number(octets[i]);
    if (!part.startsWith('[')) return Number(part) === n;
    return part.slice(1, -1).split(';').some((item) => {
      const [lo, hi = lo] = item.split('..').map(Number);
      return n >= lo && n <= hi;
    });
  });
}

export function nameMissing(answers: DnsAnswers, name: string): boolean {
  return (answers.missing ?? []).some((m) => folded(m) === folded(name));
}

/** The problems of answers read from a file or a request, in words for the user; [] when usable. */
export function dnsAnswersProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the DNS answers must be an object with "listed" and/or "missing"'];
  const v = value as Record<string, unknown>;
  const out: string[] = [];
  for (const k of Object.keys(v)) if (k !== 'listed' && k !== 'missing') out.push(`unknown key "${k}" in the DNS answers`);
  if (v.listed !== undefined) {
    if (!Array.isArray(v.listed)) out.push('"listed" must be a list of {list, key, reason?, address?}');
    else
      v.listed.forEach((l, i) => {
        const e = l as Record<string, unknown>;
        if (typeof e !== 'object' || e === null || typeof e.list !== 'string' || typeof e.key !== 'string' || (e.reason !== undefined && typeof e.reason !== 'string') || (e.address !== undefined && typeof e.address !== 'string'))
          out.push(`"listed"[${i}] must be {list: string, key: string, reason?: string, address?: string}`);
      });
  }
  if (v.missing !== undefined && (!Array.isArray(v.missing) || v.missing.some((m) => typeof m !== 'string'))) out.push('"missing" must be a list of names');
  return out;
}
