// The order in which we try to log in: the ssh-agent, then the identity file (asking for its
// passphrase when it is encrypted), then keyboard-interactive or password. Secrets come from
// callbacks, are asked at most once per connection, and are never put into messages: failures
// name only the methods that were tried.
import { readFileSync } from 'node:fs';
import { utils, type AuthenticationType, type AuthHandlerMiddleware, type ParsedKey } from 'ssh2';
import { SshError } from './errors';

export interface AuthOptions {
  /** The agent's socket; default $SSH_AUTH_SOCK; false to not use an agent. */
  agent?: string | false;
  /** A private key file. */
  identityFile?: string;
  /** Asked once when the identity file is encrypted; undefined skips the key. */
  passphrase?: (identityFile: string) => Promise<string | undefined>;
  /** Asked once, for keyboard-interactive or password; undefined skips both. */
  password?: () => Promise<string | undefined>;
}

type Attempt = Parameters<Parameters<AuthHandlerMiddleware>[2]>[0];

interface Step {
  method: AuthenticationType;
  label: string;
  make(): Promise<Attempt | undefined>;
}

export interface AuthPlan {
  handler: AuthHandlerMiddleware;
  /** The labels of the methods actually offered to the server, for the failure message. */
  tried: string[];
  /** Problems that made us skip a method (unreadable key, wrong passphrase). */
  notes: string[];
  /** Set when a callback threw (e.g. the user cancelled a prompt). */
  failure?: unknown;
}

/** Reads and decrypts the identity file; SshError('identity') when that is impossible. */
export async function loadIdentity(file: string, passphrase?: (f: string) => Promise<string | undefined>): Promise<ParsedKey | undefined> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (err) {
    throw new SshError('identity', `cannot read the identity file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let key = utils.parseKey(data);
  if (key instanceof Error && /passphrase|encrypted/i.test(key.message)) {
    const secret = passphrase ? await passphrase(file) : undefined;
    if (secret === undefined) throw new SshError('identity', `the identity file ${file} is encrypted and no passphrase was given`);
    key = utils.parseKey(data, secret);
    if (key instanceof Error) throw new SshError('identity', `the passphrase for ${file} is wrong (or the key is damaged)`);
  }
  if (key instanceof Error) throw new SshError('identity', `the identity file ${file} is not a private key ssh2 can read`);
  const one = Array.isArray(key) ? key[0] : key;
  if (!one.isPrivateKey()) throw new SshError('identity', `the identity file ${file} holds a public key, not a private one`);
  return one;
}

export function authPlan(user: string, opts: AuthOptions): AuthPlan {
  const plan: AuthPlan = { handler: undefined as unknown as AuthHandlerMiddleware, tried: [], notes: [] };
  let password: Promise<string | undefined> | undefined;
  const askPassword = () => (password ??= opts.password ? opts.password() : Promise.resolve(undefined));
  let kbdAnswered = false;
  let probed = false;

  const agent = opts.agent === undefined ? process.env.SSH_AUTH_SOCK : opts.agent;
  const steps: Step[] = [];
  if (agent) steps.push({ method: 'publickey', label: 'ssh-agent', make: async () => ({ type: 'agent', username: user, agent }) });
  if (opts.identityFile) {
    const file = opts.identityFile;
    steps.push({
      method: 'publickey',
      label: `identity file ${file}`,
      make: async () => {
        try {
          const key = await loadIdentity(file, opts.passphrase);
          return key && { type: 'publickey', username: user, key };
        } catch (err) {
          if (err instanceof SshError && err.kind === 'identity') {
            plan.notes.push(err.message);
            return undefined;
          }
          throw err;
        }
      },
    });
  }
  if (opts.password) {
    steps.push({
      method: 'keyboard-interactive',
      label: 'keyboard-interactive',
      make: async () => {
        const secret = await askPassword();
        if (secret === undefined) return undefined;
        return {
          type: 'keyboard-interactive',
          username: user,
          // Every hidden prompt gets the password; visible ones (rare) get nothing we could guess.
          prompt: (_name, _instructions, _lang, prompts, finish) => {
            if (prompts.some((p) => !p.echo)) kbdAnswered = true;
            finish(prompts.map((p) => (p.echo ? '' : secret)));
          },
        };
      },
    });
    steps.push({
      method: 'password',
      label: 'password',
      make: async () => {
        if (kbdAnswered) return undefined; // the same secret was just refused through PAM
        const secret = await askPassword();
        return secret === undefined ? undefined : { type: 'password', username: user, password: secret };
      },
    });
  }

  let i = 0;
  plan.handler = (methodsLeft, _partial, next) => {
    const advance = async () => {
      // "none" first, as OpenSSH does: the server's answer lists the methods it accepts, so we
      // neither ask for a password it would not take nor offer a key where only passwords work.
      if (!methodsLeft && !probed) {
        probed = true;
        return next({ type: 'none', username: user });
      }
      while (i < steps.length) {
        const step = steps[i++];
        if (methodsLeft && !methodsLeft.includes(step.method)) continue;
        const attempt = await step.make();
        if (attempt) {
          plan.tried.push(step.label);
          return next(attempt);
        }
      }
      next(false as never);
    };
    advance().catch((err) => {
      plan.failure = err;
      i = steps.length;
      next(false as never);
    });
  };
  return plan;
}
