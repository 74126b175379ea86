// Decides whether to trust the key a server presents: known_hosts files first (read-only, never
// written by us), then the extension's own store (a known_hosts-format file it may append to when
// the user says "always"). A changed key is refused here, with no way to override it from the
// prompt; an unknown one is refused unless an interactive caller asks the user and gets a yes.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { HostKeyFacts, SshError } from './errors';
import { hostId, keyTypeOf, sha256Fingerprint } from './fingerprint';
import { KnownHostEntry, knownHostsLine, knownKeyTypes, lookupHostKey, parseKnownHosts } from './knownHosts';

export type UnknownKeyAnswer = 'once' | 'always' | 'refuse';

export interface HostKeyPolicy {
  /** known_hosts files to read; default ~/.ssh/known_hosts. Missing files count as empty. */
  knownHostsFiles?: string[];
  /** The extension's own store, read like known_hosts and appended to on "always". */
  storeFile?: string;
  /** Asked for an unknown key; absent (the CLI) means refuse. */
  askUnknown?: (facts: HostKeyFacts) => Promise<UnknownKeyAnswer>;
}

export function defaultKnownHostsFiles(): string[] {
  return [join(homedir(), '.ssh', 'known_hosts')];
}

function readEntries(policy: HostKeyPolicy): KnownHostEntry[] {
  const files = [...(policy.knownHostsFiles ?? defaultKnownHostsFiles()), ...(policy.storeFile ? [policy.storeFile] : [])];
  return files.flatMap((f) => {
    try {
      return parseKnownHosts(readFileSync(f, 'utf8'), f);
    } catch {
      return [];
    }
  });
}

/** Key types to offer first in the key exchange, so a host known by its RSA key is not "unknown". */
export function preferredKeyTypes(policy: HostKeyPolicy, host: string, port: number): string[] {
  return knownKeyTypes(readEntries(policy), hostId(host, port));
}

/** Resolves when the key is trusted; rejects with SshError host-key-unknown / host-key-changed. */
export async function verifyHostKey(policy: HostKeyPolicy, host: string, port: number, key: Buffer): Promise<void> {
  const name = hostId(host, port);
  const verdict = lookupHostKey(readEntries(policy), name, key);
  const facts: HostKeyFacts = { hostId: name, keyType: keyTypeOf(key), fingerprint: sha256Fingerprint(key), expected: [], sources: [] };
  if (verdict.status === 'known') return;
  if (verdict.status === 'revoked') {
    facts.sources = [verdict.source];
    throw new SshError(
      'host-key-changed',
      `REFUSED: the ${facts.keyType} host key of ${name} (${facts.fingerprint}) is marked @revoked in ${verdict.source}.`,
      facts,
    );
  }
  if (verdict.status === 'changed') {
    facts.expected = verdict.expected.map((e) => sha256Fingerprint(e.key));
    facts.sources = verdict.expected.map((e) => e.source);
    throw new SshError(
      'host-key-changed',
      `REFUSED: THE HOST KEY OF ${name} HAS CHANGED. The server presented ${facts.keyType} ${facts.fingerprint}, ` +
        `but ${facts.sources.join(', ')} expects ${facts.expected.join(', ')}. This can be a reinstalled server or ` +
        `someone intercepting the connection. Check the fingerprint on the server's console before removing the old entry.`,
      facts,
    );
  }
  const answer = policy.askUnknown ? await policy.askUnknown(facts) : 'refuse';
  if (answer === 'refuse') {
    const others = verdict.otherTypes.length ? ` (known_hosts has only ${verdict.otherTypes.join(', ')} keys for it)` : '';
    throw new SshError(
      'host-key-unknown',
      `REFUSED: the host key of ${name} is not known${others}: ${facts.keyType} ${facts.fingerprint}. ` +
        `If that is the server's key, add it to known_hosts (e.g. connect once with ssh and compare the fingerprint).`,
      facts,
    );
  }
  if (answer === 'always' && policy.storeFile) {
    mkdirSync(dirname(policy.storeFile), { recursive: true });
    appendFileSync(policy.storeFile, knownHostsLine(name, key) + '\n', { mode: 0o600 });
  }
}
