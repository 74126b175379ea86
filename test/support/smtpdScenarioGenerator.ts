// Seeded configurations and sessions for the simulator-vs-smtpd differential: restriction lists
// drawn from the restrictions the simulator claims to know, access tables of every offline type
// Postfix on this machine has (inline, texthash, hash, cidr, regexp) with every kind of action,
// domain and network lists, restriction classes, delay settings, reply codes and master.cf `-o`
// overrides. Everything DNS-dependent is left out: the oracle has no resolver of its own.
import { seededRandom } from './seededRandom';
import { serviceLines } from './smtpdOracle';

export interface GeneratedService {
  port: number;
  /** name=value pairs for `-o`. */
  options: [string, string][];
}

export interface GeneratedSession {
  service: number;
  address: string;
  hostname?: string;
  helo?: string;
  sasl?: string;
  tls?: boolean;
  sender: string;
  recipients: string[];
}

export interface GeneratedBatch {
  /** main.cf lines after the oracle's base lines. */
  mainCf: string;
  services: GeneratedService[];
  /** Table sources by absolute path; `hash` lists the ones postmap must index. */
  files: Record<string, string>;
  hash: string[];
  sessions: GeneratedSession[];
}

const DOMAINS = ['mail1.org', 'mail2.org', 'sub.mail1.org', 'example.com', 'virt.example', 'alias.example', 'relay.example', 'deep.relay.example', 'other.net'];
const CLIENTS: [string, string | undefined][] = [
  ['192.0.2.10', 'host.mail1.org'],
  ['192.0.2.66', undefined],
  ['198.51.100.7', 'mx.other.net'],
  ['198.51.100.200', undefined],
  ['203.0.113.5', 'client.example.com'],
  ['10.1.2.3', 'inside.mail1.org'],
  ['10.9.9.9', undefined],
];
const HELOS = ['client.example.com', 'host.mail1.org', 'localhost', 'nodots', 'bad_name!', '[192.0.2.10]', '[300.1.2.3]', 'a-.example', 'mx.other.net.', '1.2.3.4'];
const LOCALS = ['alice', 'bob', 'postmaster', 'usuario', 'alice+tag', 'nobody'];
const CODES = ['450', '451', '550', '554', '521', '553'];

export function generateBatch(seed: number, ports: number[], tablesDir: string, sessionsPerService: number): GeneratedBatch {
  const rnd = seededRandom(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const chance = (p: number) => rnd() < p;
  const some = <T>(a: readonly T[], max: number): T[] => {
    const n = Math.floor(rnd() * (max + 1));
    return Array.from({ length: n }, () => pick(a));
  };
  const files: Record<string, string> = {};
  const hash: string[] = [];
  let tableNo = 0;

  const address = () => (chance(0.1) ? 'postmaster' : `${pick(LOCALS)}@${pick(DOMAINS)}`);
  const action = (): string =>
    pick([
      'OK',
      'REJECT',
      'REJECT you are not welcome',
      'REJECT 5.7.9 custom status',
      'DEFER',
      'DEFER 4.7.2 later please',
      'DUNNO',
      `${pick(CODES)} coded refusal`,
      `${pick(['550', '450'])} 5.1.1 address-status code`,
      'RELAY',
      'permit',
      'reject_unauth_destination',
      'reject_non_fqdn_sender, permit',
      'defer_if_permit',
      'DEFER_IF_REJECT',
      'DEFER_IF_PERMIT 4.7.3 maybe',
      'warn_if_reject reject',
      'WARN note',
      '12345',
      'cls1',
    ]);

  /** A table of one of the offline types, keyed from `keys`. */
  const table = (keys: string[], addresses = false): string => {
    const entries = [...new Set(keys)].map((k) => [k, action()] as const);
    const kind = addresses && chance(0.3) ? 'cidr' : pick(['inline', 'texthash', 'hash', 'regexp']);
    const path = `${tablesDir}/t${seed}-${tableNo++}`;
    if (kind === 'inline') return `inline:{ ${entries.map(([k, v]) => (/[\s,]/.test(v) ? `{ ${k} = ${v} }` : `${k}=${v}`)).join(', ')} }`;
    if (kind === 'cidr') {
      files[path] = entries.map(([, v]) => `${pick(['192.0.2.0/24', '192.0.2.66', '198.51.100.0/24', '10.0.0.0/8', '0.0.0.0/0', '203.0.113.5/32'])} ${v}`).join('\n') + '\n';
      return `cidr:${path}`;
    }
    if (kind === 'regexp') {
      files[path] = entries.map(([k, v]) => `/${k.replace(/[.+[\]]/g, (c) => `\\${c}`)}/ ${v}`).join('\n') + '\n';
      return `regexp:${path}`;
    }
    files[path] = entries.map(([k, v]) => `${k}\t${v}`).join('\n') + '\n';
    if (kind === 'hash') hash.push(path);
    return `${kind}:${path}`;
  };

  const clientKeys = () => some(CLIENTS.flatMap(([a, n]) => [a, a.slice(0, a.lastIndexOf('.')), ...(n ? [n, n.slice(n.indexOf('.') + 1)] : ['unknown'])]), 4);
  const heloKeys = () => some(HELOS, 3).concat(some(['mail1.org', 'example.com', 'other.net'], 2));
  const mailKeys = () => some([...DOMAINS, ...LOCALS.map((l) => `${l}@`), ...DOMAINS.map((d) => `${pick(LOCALS)}@${d}`), '<>'], 4);

  const restriction = (stage: 'client' | 'helo' | 'sender' | 'recipient'): string => {
    const common = [
      'permit_mynetworks',
      'permit_sasl_authenticated',
      'reject_unknown_client_hostname',
      'reject_unknown_reverse_client_hostname',
      'defer_if_reject',
      'warn_if_reject',
      'reject_plaintext_session',
      // permit_inet_interfaces is left out: it looks at the socket's peer, which XCLIENT does
      // not change (the oracle's 127.0.0.1 always matches).
      `check_sasl_access ${table(['alice', 'mallory', 'usuario'])}`,
      'sleep 0',
    ];
    const byStage = {
      client: [`check_client_access ${table(clientKeys(), true)}`, `check_reverse_client_hostname_access ${table(clientKeys(), true)}`],
      helo: [`check_helo_access ${table(heloKeys())}`, 'reject_invalid_helo_hostname', 'reject_non_fqdn_helo_hostname', 'permit_naked_ip_address'],
      sender: [`check_sender_access ${table(mailKeys())}`, 'reject_non_fqdn_sender', 'reject_unlisted_sender', 'reject_sender_login_mismatch'],
      recipient: [`check_recipient_access ${table(mailKeys())}`, 'reject_non_fqdn_recipient', 'reject_unlisted_recipient', 'permit_auth_destination', 'reject_unauth_destination', 'defer_unauth_destination', 'reject_multi_recipient_bounce', 'check_relay_domains'],
    };
    const r = pick([...common, ...byStage[stage], ...byStage[pick(['client', 'helo', 'sender', 'recipient'] as const)]]);
    // In the client and HELO lists smtpd reads an unset flag for this one at the first RCPT TO
    // (see senderRecipientTables() in the simulator): its answer is not deterministic there.
    return r === 'reject_unlisted_sender' && (stage === 'client' || stage === 'helo') ? 'reject_non_fqdn_sender' : r;
  };
  const list = (stage: 'client' | 'helo' | 'sender' | 'recipient', max: number) => {
    const words = Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => restriction(stage));
    if (chance(0.3)) words.push(pick(['permit', 'reject', 'defer', 'defer_if_permit']));
    return words.join(pick([', ', ' ', ',\n    ']));
  };

  const settings: [string, string][] = [];
  const set = (name: string, value: string) => settings.push([name, value]);
  set('myhostname', pick(['smtp.mail1.org', 'mx.mail1.org', 'oracle.example']));
  set('mydestination', pick(['mail1.org, localhost', '$myhostname, mail1.org', 'mail1.org sub.mail1.org', `${table(['mail1.org', 'sub.mail1.org'])}`, '']));
  set('relay_domains', pick(['', 'relay.example', '.relay.example', 'relay.example, !deep.relay.example', '$mydestination', `${table(['relay.example'])}`]));
  set('virtual_alias_domains', pick(['', 'alias.example']));
  set('virtual_alias_maps', pick(['', `texthash:${writeAliases()}`]));
  set('virtual_mailbox_domains', pick(['', 'virt.example']));
  set('virtual_mailbox_maps', pick(['', `inline:{ alice@virt.example=alice/, bob@virt.example=bob/ }`]));
  set('local_recipient_maps', pick(['', 'inline:{ alice=1, usuario=1 }', 'inline:{ alice@mail1.org=1 }', '$virtual_alias_maps']));
  set('relay_recipient_maps', pick(['', 'inline:{ alice@relay.example=1 }']));
  set('mynetworks', pick(['127.0.0.0/8', '127.0.0.0/8 10.0.0.0/8', '127.0.0.0/8 192.0.2.0/24', '127.0.0.0/8 !192.0.2.66 192.0.2.0/24', '127.0.0.0/8 198.51.100.7', `127.0.0.0/8 ${table(['198.51.100.200', '10.9.9.9'])}`, '127.0.0.0/8 inside.mail1.org']));
  set('recipient_delimiter', pick(['', '+']));
  set('smtpd_delay_reject', pick(['yes', 'yes', 'no']));
  set('smtpd_helo_required', pick(['no', 'yes']));
  set('smtpd_relay_before_recipient_restrictions', pick(['yes', 'no']));
  set('smtpd_reject_unlisted_recipient', pick(['yes', 'no']));
  set('smtpd_reject_unlisted_sender', pick(['no', 'yes']));
  set('smtpd_sasl_auth_enable', pick(['no', 'yes']));
  set('smtpd_sender_login_maps', pick(['', 'inline:{ alice@mail1.org=alice, usuario@mail1.org=usuario }']));
  set('smtpd_restriction_classes', 'cls1');
  set('cls1', pick(['reject_non_fqdn_sender, permit', 'reject', 'permit_mynetworks, defer', 'check_helo_access inline:{ localhost=REJECT }']));
  for (const [p, values] of [
    ['reject_code', ['554', '550']],
    ['defer_code', ['450', '451']],
    ['relay_domains_reject_code', ['554', '550']],
    ['access_map_reject_code', ['554', '550', '521']],
    ['access_map_defer_code', ['450', '452']],
    ['non_fqdn_reject_code', ['504', '550']],
    ['invalid_hostname_reject_code', ['501', '550']],
    ['unknown_client_reject_code', ['450', '550']],
    ['unknown_local_recipient_reject_code', ['550', '450']],
    ['soft_bounce', ['no', 'no', 'no', 'yes']],
  ] as const) {
    if (chance(0.3)) set(p, pick(values));
  }
  set('smtpd_client_restrictions', list('client', 2));
  set('smtpd_helo_restrictions', list('helo', 2));
  set('smtpd_sender_restrictions', list('sender', 2));
  const relayEnd = chance(0.95) ? pick(['reject_unauth_destination', 'defer_unauth_destination']) : '';
  set('smtpd_relay_restrictions', [list('recipient', 2), relayEnd].filter(Boolean).join(', '));
  set('smtpd_recipient_restrictions', list('recipient', 3));
  set('smtpd_data_restrictions', pick(['', 'reject_unauth_pipelining', 'reject_multi_recipient_bounce', 'defer_if_permit', 'warn_if_reject reject', 'reject', `check_sender_access ${table(mailKeys())}`, 'permit_mynetworks, reject']));
  set('port25_recipient_restrictions', `permit_mynetworks, ${list('recipient', 2) || 'reject_unauth_destination'}`);

  // With smtpd_delay_reject = no the client list also judges the oracle's own connection from
  // 127.0.0.1, before XCLIENT: let it through, as a configuration under test would need to.
  const clientIndex = settings.findIndex(([n]) => n === 'smtpd_client_restrictions');
  settings[clientIndex][1] = `check_client_access inline:{ 127.0.0.1=OK }${settings[clientIndex][1] ? `, ${settings[clientIndex][1]}` : ''}`;

  const overridable = [
    'smtpd_delay_reject',
    'smtpd_helo_required',
    'smtpd_sasl_auth_enable',
    'mynetworks',
    'smtpd_recipient_restrictions',
    'smtpd_sender_restrictions',
    'smtpd_helo_restrictions',
    'mydestination',
    'relay_domains',
    'smtpd_reject_unlisted_recipient',
    'access_map_reject_code',
    'relay_domains_reject_code',
    'soft_bounce',
    'smtpd_relay_before_recipient_restrictions',
    'smtpd_tls_auth_only',
    'smtpd_tls_security_level',
  ];
  const services: GeneratedService[] = ports.map((port) => {
    const options: [string, string][] = [];
    for (const name of some(overridable, 3)) {
      if (options.some(([n]) => n === name)) continue;
      const value =
        name === 'smtpd_recipient_restrictions'
          ? pick(['$port25_recipient_restrictions', list('recipient', 2) || 'reject_unauth_destination'])
          : name === 'smtpd_sender_restrictions'
            ? list('sender', 2)
            : name === 'smtpd_helo_restrictions'
              ? list('helo', 2)
              : name === 'mynetworks'
                ? pick(['127.0.0.0/8', '127.0.0.0/8 203.0.113.0/24'])
                : name === 'mydestination'
                  ? pick(['mail2.org', '$myhostname'])
                  : name === 'relay_domains'
                    ? pick(['other.net', ''])
                    : name.endsWith('_code')
                      ? pick(['550', '554', '450'])
                      : name === 'smtpd_tls_security_level'
                        ? pick(['may', 'encrypt'])
                        : pick(['yes', 'no']);
      options.push([name, value]);
    }
    return { port, options };
  });

  const sessions: GeneratedSession[] = [];
  services.forEach((_, service) => {
    for (let i = 0; i < sessionsPerService; i++) {
      const [addr, hostname] = pick(CLIENTS);
      sessions.push({
        service,
        address: addr,
        hostname,
        helo: chance(0.85) ? pick(HELOS) : undefined,
        sasl: chance(0.3) ? pick(['alice', 'usuario', 'mallory']) : undefined,
        tls: chance(0.4),
        // Odd forms, the malformed ones (smtpd's 501) among them.
        sender: chance(0.1) ? '' : chance(0.1) ? pick(['bare', 'x@nodot', 'y@[192.0.2.1]', 'y@bad!domain', '-y@other.net', 'y@192.0.2.1']) : address(),
        recipients: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => (chance(0.08) ? pick(['bare', 'x@nodot', 'u@[127.0.0.1]', 'u@[127.0.0.300]', 'u@mail1..org', '-u@mail1.org']) : address())),
      });
    }
  });

  function writeAliases(): string {
    const path = `${tablesDir}/a${seed}`;
    files[path] = 'alice@alias.example alice@mail1.org\nbob@alias.example bob@other.net\n';
    return path;
  }

  const mainCf = settings.map(([n, v]) => `${n} = ${v}`).join('\n') + '\n';
  return { mainCf, services, files, hash, sessions };
}

/** The master.cf text for the generated services. */
export function generatedMasterCf(services: GeneratedService[]): string {
  return services.map((s) => serviceLines(s.port, s.options.map(([n, v]) => (/[\s]/.test(v) || v === '' ? `-o { ${n} = ${v} }` : `-o ${n}=${v}`)))).join('');
}
