// When a server's KEXINIT shares no algorithm with ours, ssh2 only says "Handshake failed: no
// matching key exchange algorithm". Old or misconfigured servers offer only algorithms broken for
// years (diffie-hellman-group1-sha1, ssh-dss, 3des-cbc, hmac-md5...), which we refuse on purpose;
// the user needs to know which ones the server offered and that refusing them is deliberate.

/** Algorithms known to be weak, named so the message can say why they are refused. */
const WEAK = new Set([
  'diffie-hellman-group1-sha1',
  'diffie-hellman-group14-sha1',
  'diffie-hellman-group-exchange-sha1',
  'ssh-dss',
  '3des-cbc',
  'blowfish-cbc',
  'cast128-cbc',
  'arcfour',
  'arcfour128',
  'arcfour256',
  'des-cbc',
  'aes128-cbc',
  'aes192-cbc',
  'aes256-cbc',
  'rijndael-cbc@lysator.liu.se',
  'hmac-md5',
  'hmac-md5-96',
  'hmac-sha1-96',
  'hmac-ripemd160',
  'none',
]);

/** ssh2's debug line names for the lists of a KEXINIT, and how the message calls them. */
const LISTS: { debug: string; failure: RegExp; what: string; setting: string }[] = [
  { debug: 'KEX method', failure: /no matching key exchange algorithm/, what: 'key exchange algorithms', setting: 'KexAlgorithms' },
  { debug: 'Host key format', failure: /no matching host key format/, what: 'host key types', setting: 'HostKeyAlgorithms' },
  { debug: 'C->S cipher', failure: /no matching C->S cipher/, what: 'ciphers', setting: 'Ciphers' },
  { debug: 'S->C cipher', failure: /no matching S->C cipher/, what: 'ciphers', setting: 'Ciphers' },
  { debug: 'C->S MAC', failure: /no matching C->S MAC/, what: 'MACs', setting: 'MACs' },
  { debug: 'S->C MAC', failure: /no matching S->C MAC/, what: 'MACs', setting: 'MACs' },
];

/** Collects the server's lists from ssh2's debug lines ("Handshake: (remote) KEX method: a,b"). */
export class RemoteOffer {
  private readonly lists = new Map<string, string[]>();

  note(line: string): void {
    const m = /^Handshake: \(remote\) (.+?): (.*)$/.exec(line);
    if (m) this.lists.set(m[1], m[2].split(',').filter(Boolean));
  }

  get(debugName: string): string[] | undefined {
    return this.lists.get(debugName);
  }
}

/** A clear message for a handshake that found nothing in common, or undefined for other errors. */
export function handshakeRefusal(message: string, offer: RemoteOffer): string | undefined {
  const list = LISTS.find((l) => l.failure.test(message));
  if (!list) return undefined;
  const offered = offer.get(list.debug) ?? [];
  if (offered.length === 0) return `the server offers no ${list.what} that mailconf accepts (${message})`;
  const weak = offered.filter((a) => WEAK.has(a));
  const named = offered.join(', ');
  if (weak.length === offered.length) {
    return `refused: the server offers only weak ${list.what} (${named}), which mailconf does not use. Enable modern ones in the server's sshd_config (${list.setting}) or upgrade its OpenSSH`;
  }
  return `the server offers no ${list.what} that mailconf supports (it offers ${named}). Enable modern ones in the server's sshd_config (${list.setting})`;
}
