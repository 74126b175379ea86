// Seeded configurations for the mail-flow differential: the settings cleanup and trivial-rewrite
// read (myorigin, mydestination, the virtual and relay domain lists, recipient_delimiter,
// canonical, recipient_canonical and virtual alias tables, transport_maps with domains, parent
// domains, addresses and the wildcard, relocated_maps, relayhost and the class transports, the
// sender's canonical and sender-dependent tables), and
// the addresses to ask about: the tables' own keys with and without extensions, in other case,
// without a domain, address literals and strangers.
import { ORACLE_TRANSPORTS, SENDER_DOMAIN } from './sendmailBvOracle';
import { seededRandom } from './seededRandom';

export interface MailFlowCase {
  /** main.cf lines after the oracle's base lines. */
  mainCf: string;
  /** Table files by absolute path. */
  files: Record<string, string>;
  addresses: string[];
}

const DOMAINS = ['example.org', 'mx.example.org', 'lab.example', 'va.example', 'vm.example', 'relay.example', 'sub.relay.example', 'deep.sub.relay.example', 'other.example', 'far.test'];
const USERS = ['ana', 'bob', 'carla', 'dario', 'eva', 'root', 'postmaster', 'info', 'sales', 'owner-list', 'list-request'];

export function generateMailFlowCase(seed: number, tablesDir: string, addressCount: number): MailFlowCase {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => chance(p));
  const files: Record<string, string> = {};
  const lines: string[] = [];
  const keys: string[] = [];
  const delimiter = pick(['', '+', '+', '+-', '-']);
  const user = () => pick(USERS);
  const domain = () => pick(DOMAINS);
  const address = () => `${user()}@${domain()}`;
  const transport = () => pick(ORACLE_TRANSPORTS.filter((t) => t !== 'error' && t !== 'retry' && t !== 'local'));
  let tableNo = 0;
  const table = (all: [string, string][]): string => {
    // Mostly one entry per key: a texthash: table with a repeated key fails every lookup, and cleanup defers all its mail.
    const entries = chance(0.05) ? all : all.filter(([k], i) => all.findIndex(([o]) => o.toLowerCase() === k.toLowerCase()) === i);
    // No hash: tables here: postmap takes about two seconds to start, and the simulator reads the source either way.
    const type = pick(['texthash', 'inline']);
    if (type === 'inline') return `inline:{ ${entries.map(([k, v]) => `{ ${k} = ${v} }`).join(', ')} }`;
    const path = `${tablesDir}/t${seed}-${tableNo++}.txt`;
    files[path] = entries.map(([k, v]) => `${k} ${v}`).join('\n') + '\n';
    return `${type}:${path}`;
  };

  lines.push('myhostname = mx.example.org', 'mydomain = example.org');
  lines.push(`myorigin = ${pick(['$myhostname', '$mydomain', 'other.example'])}`);
  lines.push(`mydestination = ${['$myhostname', 'localhost', ...some(['$mydomain', 'lab.example'], 0.5)].join(', ')}`);
  if (delimiter) lines.push(`recipient_delimiter = ${delimiter}`);
  if (chance(0.6)) lines.push('virtual_alias_domains = va.example');
  if (chance(0.6)) lines.push('virtual_mailbox_domains = vm.example');
  if (chance(0.7)) lines.push(`relay_domains = ${pick(['relay.example', 'relay.example, .relay.example', 'sub.relay.example'])}`);
  if (chance(0.3)) lines.push(`parent_domain_matches_subdomains = ${pick(['transport_maps', 'relay_domains, transport_maps', 'relay_domains'])}`);
  if (chance(0.4)) lines.push(`relayhost = ${pick(['[10.0.0.1]', 'smarthost.example:587', '[10.0.0.2]:2525'])}`);
  if (chance(0.3)) lines.push(`default_transport = ${pick(['tp2', 'smtp:[10.0.0.9]', 'slow'])}`);
  if (chance(0.3)) lines.push(`relay_transport = ${pick(['relay:[10.0.0.3]', 'tp1', 'smtp'])}`);
  if (chance(0.3)) lines.push(`local_transport = ${pick(['local:$myhostname', 'lmtp:unix:private/lmtp', 'tp1'])}`);
  if (chance(0.3)) lines.push(`virtual_transport = ${pick(['lmtp:unix:private/dovecot-lmtp', 'tp2', 'virtual'])}`);
  if (chance(0.2)) lines.push(`propagate_unmatched_extensions = ${pick(['canonical', 'virtual', ''])}`);
  if (chance(0.15)) lines.push('show_user_unknown_table_name = no');

  // Canonical tables: full addresses, bare users of our domains, @domain to @domain.
  for (const [parameter, classesParameter] of [
    ['canonical_maps', 'canonical_classes'],
    ['recipient_canonical_maps', 'recipient_canonical_classes'],
  ] as const) {
    if (!chance(0.5)) continue;
    const entries: [string, string][] = [];
    for (let i = 0; i < 3 + Math.floor(rnd() * 4); i++) {
      const form = rnd();
      const key = form < 0.5 ? address() : form < 0.75 ? user() : `@${domain()}`;
      const value = key.startsWith('@') ? `@${domain()}` : chance(0.2) ? user() : address();
      entries.push([key, value]);
      keys.push(key);
    }
    lines.push(`${parameter} = ${table(entries)}`);
    // Now and then a word the parameter does not take (cleanup stops: the mail waits).
    const words = classesParameter === 'canonical_classes' ? ['envelope_sender, header_sender', 'envelope_recipient', 'header_recipient'] : ['envelope_recipient', 'header_recipient', 'header_recipient'];
    if (chance(0.2)) lines.push(`${classesParameter} = ${chance(0.1) ? 'envelope_sender' : pick(words)}`);
  }
  if (chance(0.15) && !lines.some((l) => l.startsWith('canonical_maps'))) {
    const path = `${tablesDir}/t${seed}-re.regexp`;
    files[path] = `/^(.*)@old\\.example$/ $1@example.org\n/^admin@(.*)$/ root@$1\n`;
    lines.push(`canonical_maps = regexp:${path}`);
    keys.push('x@old.example', 'admin@far.test');
  }

  // Virtual aliases: single and multiple targets, chains, an address that keeps itself, catch-alls.
  if (chance(0.8)) {
    const entries: [string, string][] = [];
    for (let i = 0; i < 4 + Math.floor(rnd() * 6); i++) {
      const form = rnd();
      const key = form < 0.6 ? (chance(0.5) ? `${user()}@va.example` : address()) : form < 0.8 ? user() : `@${pick(['va.example', 'lab.example', 'other.example'])}`;
      const n = chance(0.3) ? 2 + Math.floor(rnd() * 2) : 1;
      const targets = Array.from({ length: n }, () => (chance(0.15) ? user() : address()));
      if (chance(0.15) && !key.startsWith('@')) targets.push(key.includes('@') ? key : `${key}@${domain()}`);
      entries.push([key, targets.join(', ')]);
      keys.push(key);
    }
    lines.push(`virtual_alias_maps = ${table(entries)}`);
  }

  // transport_maps: domains, .parents, addresses, "transport", ":nexthop", "transport:nexthop", error text, the wildcard.
  if (chance(0.7)) {
    const entries: [string, string][] = [];
    for (let i = 0; i < 3 + Math.floor(rnd() * 4); i++) {
      const form = rnd();
      const key = form < 0.4 ? domain() : form < 0.6 ? `.${pick(['relay.example', 'example.org', 'example'])}` : address();
      const value = pick([transport(), `${transport()}:[10.1.0.${i}]`, `:[10.2.0.${i}]:26`, `${transport()}:nexthop${i}.example`, 'error:5.7.1 mail for this address is refused', 'error']);
      entries.push([key, value]);
      keys.push(key.startsWith('.') ? `x${key}` : key);
    }
    if (chance(0.2)) entries.push(['*', pick(['tp1', 'slow:[10.3.0.1]', ':[10.3.0.2]'])]);
    lines.push(`transport_maps = ${table(entries)}`);
  }
  if (chance(0.2)) {
    const entries: [string, string][] = [[address(), 'new@far.test'], [`@${pick(['other.example', 'lab.example'])}`, 'the new office']];
    lines.push(`relocated_maps = ${table(entries)}`);
    keys.push(...entries.map(([k]) => k));
  }

  // The sender (probe-N@report.invalid): its domain rewritten, and the sender-dependent tables keyed on either domain.
  if (chance(0.25)) lines.push(`sender_canonical_maps = inline:{ @${SENDER_DOMAIN}=@sender.example }`);
  if (chance(0.25)) lines.push(`sender_dependent_relayhost_maps = inline:{ @${pick([SENDER_DOMAIN, 'sender.example'])}=${pick(['[10.5.0.1]', 'DUNNO', 'relay5.example:2525'])} }`);
  if (chance(0.25)) lines.push(`sender_dependent_default_transport_maps = inline:{ @${pick([SENDER_DOMAIN, 'sender.example'])}=${pick(['tp1', 'DUNNO', 'slow:[10.5.0.3]'])} }`);

  // Addresses: table keys (with @myorigin or a random domain for bare users), extensions, case, strangers.
  const addresses = new Set<string>();
  for (let guard = 0; addresses.size < addressCount && guard < addressCount * 20; guard++) {
    const k = keys.length > 0 && chance(0.6) ? pick(keys) : address();
    let a = k.startsWith('@') ? `${user()}${k}` : k.includes('@') ? k : chance(0.5) ? k : `${k}@${domain()}`;
    const at = a.lastIndexOf('@');
    if (chance(0.25)) {
      const d = delimiter ? delimiter[0] : '+';
      a = at < 0 ? `${a}${d}tag` : `${a.slice(0, at)}${d}tag${a.slice(at)}`;
    }
    if (chance(0.1)) a = a.replace(/^./, (c) => c.toUpperCase()).replace(/@(.)/, (_m, c: string) => `@${c.toUpperCase()}`);
    if (chance(0.05)) a = `${user()}@[127.0.0.1]`;
    // cleanup drops a recipient that repeats an earlier one but for case (same original and final address).
    if (![...addresses].some((b) => b.toLowerCase() === a.toLowerCase())) addresses.add(a);
  }
  return { mainCf: lines.join('\n') + '\n', files, addresses: [...addresses] };
}
