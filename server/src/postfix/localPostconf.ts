// mail_version of the postconf on this machine, for `auto` targets. Asking postconf costs a
// process (7-11 ms here, more on a busy machine, on top of loading child_process), paid by every
// `mailconf check` and before a fresh language server's first diagnostics; the answer only changes
// when the binary does. So it is kept in the user cache folder, keyed by the binary's path and
// identity (size, mtime, inode, as a package upgrade changes them), and postconf runs only when
// the binary found on PATH is not the one recorded. Best effort: an unreadable or damaged cache
// file only means asking postconf.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { userCacheDir } from '../userCacheDir';

type Known = Record<string, { id: string; version: string }>;

/** The postconf a spawn would run: the first regular, executable `postconf` on PATH. */
function postconfOnPath(env: NodeJS.ProcessEnv): { path: string; id: string } | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const path = join(dir || '.', 'postconf');
    try {
      // Most folders on PATH have no postconf: asked not to throw then, stat is ~10x quicker
      // than building an exception per folder (~0.3 ms of every `mailconf check` here).
      const s = statSync(path, { throwIfNoEntry: false });
      if (s?.isFile() && s.mode & 0o111) return { path, id: `${s.size}:${s.mtimeMs}:${s.ino}` };
    } catch {
      // A folder we may not search, or a path that is not one.
    }
  }
  return undefined;
}

function askPostconf(path: string, env: NodeJS.ProcessEnv): string | undefined {
  // Loaded here: a run that finds the version in the cache never loads child_process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  // -d: mail_version is compiled in. Without -d postconf reads main.cf first; where there is none
  // (Debian's "No configuration") it fails, and a failing postconf sleeps a second before exiting.
  const r = spawnSync(path, ['-dh', 'mail_version'], { encoding: 'utf8', timeout: 5000, env: { ...env, LANG: 'C', LC_ALL: 'C' } });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The version of the postconf on `env`'s PATH, from the cache when that binary was asked before; undefined without one. */
export function readLocalPostfixVersion(env: NodeJS.ProcessEnv): string | undefined {
  const binary = postconfOnPath(env);
  if (!binary) return undefined;
  const dir = userCacheDir(env);
  const file = dir && join(dir, 'postconf-versions.json');
  let known: Known = {};
  if (file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) known = parsed as Known;
    } catch {
      // None yet, or damaged: ask postconf.
    }
  }
  const entry = known[binary.path];
  if (entry && entry.id === binary.id && typeof entry.version === 'string') return entry.version;
  const version = askPostconf(binary.path, env);
  if (version && dir && file) {
    // Whole under a temporary name and renamed, so that a concurrent run never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, JSON.stringify({ ...known, [binary.path]: { id: binary.id, version } }));
      renameSync(temporary, file);
    } catch {
      // A read-only home: ask again next time.
    }
  }
  return version;
}
