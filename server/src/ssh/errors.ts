// Every way an SSH operation can fail, as one error type with a kind, so that the CLI can map kinds
// to exit codes and the editor to the right dialog. Messages never contain a secret: they are built
// from host names, fingerprints and method names only.

export type SshErrorKind =
  /** The server's host key is in no known_hosts file nor in our store. */
  | 'host-key-unknown'
  /** A known_hosts entry for this host has a different key of the same type (or the key is revoked). */
  | 'host-key-changed'
  /** Every authentication method we could try was refused. */
  | 'auth'
  /** The identity file could not be read or parsed, or its passphrase is wrong. */
  | 'identity'
  /** TCP refused, unreachable or the SSH handshake failed. */
  | 'connect'
  | 'timeout'
  | 'cancelled'
  /** Bad input: an unusable destination, path or option value. */
  | 'invalid'
  /** Something on the server failed (SFTP error, command could not start). */
  | 'remote';

export class SshError extends Error {
  constructor(
    readonly kind: SshErrorKind,
    message: string,
    /** For host key errors: what the dialog and the CLI name. */
    readonly hostKey?: HostKeyFacts,
  ) {
    super(message);
    this.name = 'SshError';
  }
}

export interface HostKeyFacts {
  /** `host` or `[host]:port`, the way known_hosts names it. */
  hostId: string;
  keyType: string;
  /** SHA256:… of the key the server presented. */
  fingerprint: string;
  /** SHA256:… of the keys we expected, for a changed key. */
  expected: string[];
  /** Where the expected keys were found (file:line). */
  sources: string[];
}

export function isSshError(err: unknown, kind?: SshErrorKind): err is SshError {
  return err instanceof SshError && (kind === undefined || err.kind === kind);
}
