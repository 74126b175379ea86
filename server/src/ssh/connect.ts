// Opens one authenticated SSH connection with ssh2 (pure JS; we never run the `ssh` binary).
// The host key is checked before any authentication is sent, so a refused key means nothing of
// ours reached the server. One deadline covers TCP, handshake and login, paused while a person
// answers a prompt (host key, passphrase, password), and an AbortSignal cancels at any point.
import { Client } from 'ssh2';
import { authPlan, type AuthOptions } from './auth';
import { SshError } from './errors';
import { preferredKeyTypes, verifyHostKey, type HostKeyPolicy } from './hostKeyPolicy';
import { handshakeRefusal, RemoteOffer } from './weakAlgorithms';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface ConnectOptions {
  host: string;
  port: number;
  user: string;
  auth: AuthOptions;
  hostKeys: HostKeyPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Progress lines for an output channel; never given a secret. */
  log?: (message: string) => void;
}

const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Known key types first, as OpenSSH does, so that a host known by one type is not asked about another. */
function hostKeyOrder(known: string[]): string[] {
  const wanted = known.flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t]));
  const first = HOST_KEY_ALGORITHMS.filter((a) => wanted.includes(a));
  return [...first, ...HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))];
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is sshd listening on that port?)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset by the server',
};

export function connect(opts: ConnectOptions): Promise<Client> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = `${opts.user}@${opts.host}:${opts.port}`;
  const log = opts.log ?? (() => {});
  const client = new Client();

  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    let hostKeyError: SshError | undefined;
    let timer: NodeJS.Timeout | undefined;
    /** What the server offered in its KEXINIT, to name it when nothing matches ours. */
    const offer = new RemoteOffer();
    /** Set once the key exchange is done: a silence after it is the server's, during login. */
    let keysExchanged = false;
    const silence = () =>
      keysExchanged
        ? `${where}: no SSH session within ${timeoutMs} ms; the server went silent after the key exchange, during login`
        : `${where}: no SSH session within ${timeoutMs} ms`;

    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (err === undefined) return resolve(client);
      client.removeAllListeners('ready');
      client.on('error', () => {});
      client.destroy();
      reject(err);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(new SshError('timeout', silence())), timeoutMs);
    };
    /** Runs a prompt without the deadline ticking: people take longer than machines. */
    const paused = async <T>(ask: () => Promise<T>): Promise<T> => {
      clearTimeout(timer);
      try {
        return await ask();
      } finally {
        if (!settled) arm();
      }
    };
    const onAbort = () => finish(new SshError('cancelled', `${where}: cancelled`));
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const auth: AuthOptions = {
      ...opts.auth,
      ...(opts.auth.passphrase ? { passphrase: (f: string) => paused(() => opts.auth.passphrase!(f)) } : {}),
      ...(opts.auth.password ? { password: () => paused(() => opts.auth.password!()) } : {}),
    };
    const handler = authPlan(opts.user, auth);

    client.on('ready', () => {
      log(`${where}: logged in with ${handler.tried[handler.tried.length - 1] ?? 'none'}`);
      finish();
    });
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (hostKeyError) return finish(hostKeyError);
      if (handler.failure) return finish(handler.failure);
      if (err.level === 'client-authentication') {
        const tried = handler.tried.length ? handler.tried.join(', ') : 'no method (nothing to offer: no agent, identity file or password)';
        const notes = handler.notes.length ? ` ${handler.notes.join('; ')}.` : '';
        return finish(new SshError('auth', `${where}: authentication failed; tried ${tried}.${notes}`));
      }
      const network = err.code && NETWORK_CODES[err.code];
      if (network) return finish(new SshError('connect', `${where}: ${network}`));
      if (err.level === 'client-timeout') return finish(new SshError('timeout', silence()));
      const refusal = handshakeRefusal(err.message, offer);
      if (refusal) return finish(new SshError('connect', `${where}: ${refusal}`));
      finish(new SshError('connect', `${where}: ${err.message}`));
    });
    client.on('handshake', () => (keysExchanged = true));
    client.on('close', () => finish(hostKeyError ?? new SshError('connect', `${where}: the server closed the connection during login`)));

    arm();
    log(`${where}: connecting`);
    client.connect({
      host: opts.host,
      port: opts.port,
      username: opts.user,
      // Our own timer covers the handshake; ssh2's would fire while a person reads a prompt.
      readyTimeout: 2 ** 31 - 1,
      keepaliveInterval: 15_000,
      // ssh2 tells what the server offered only through its debug lines.
      debug: (line: string) => offer.note(line),
      algorithms: { serverHostKey: hostKeyOrder(preferredKeyTypes(opts.hostKeys, opts.host, opts.port)) as never },
      authHandler: handler.handler,
      hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
        paused(() => verifyHostKey(opts.hostKeys, opts.host, opts.port, key)).then(
          () => verify(true),
          (err) => {
            hostKeyError = err instanceof SshError ? err : new SshError('connect', String(err));
            verify(false);
          },
        );
      },
    } as never);
  });
}
