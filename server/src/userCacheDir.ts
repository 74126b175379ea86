// Where mailconf keeps what it may forget at any time (the CLI's V8 code cache, the local
// postconf's version, MTA-STS policies seen): $XDG_CACHE_HOME/mailconf, or ~/.cache/mailconf.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** $XDG_CACHE_HOME/mailconf, or ~/.cache/mailconf; undefined when there is no home to speak of. */
export function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'mailconf');
  let home: string;
  try {
    home = env.HOME || homedir();
  } catch {
    return undefined;
  }
  return home && isAbsolute(home) ? join(home, '.cache', 'mailconf') : undefined;
}
