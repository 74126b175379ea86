// A V8 code cache for the CLI's command bundles (dist/cli/*.js).
//
// Why: after Node's own start-up, much of a short `mailconf postconf -n` run goes to V8 compiling
// the bundle's functions the first time the run calls them. V8 can hand back what it compiled
// (vm.Script#createCachedData, taken after the run so it holds those functions too) and accept
// it in a later process. Node 22.1+ does this for every module with module.enableCompileCache;
// Node 20, which mailconf supports, does not, and vm.Script works the same on both, so this is
// the one way we do it.
//
// Everything here is best effort: a missing, unreadable, corrupt or stale cache file, or a cache
// directory that cannot be written, only means compiling as without a cache. A file is keyed by
// the bundle's content hash, which esbuild.mjs writes into the bundle's first line: V8 itself only
// compares the source's length, so a same-length rebuild would otherwise run the old bytecode.
// Release builds of V8 do not check the cached bytes either (a damaged file crashes the process
// with a fatal "unreachable code" or a segfault, seen with Node 20 and 24), so each file starts
// with our own checksum of the rest (checksum.ts).
// Set MAILCONF_CODE_CACHE=0 to turn it off, and NODE_DEBUG=mailconf to see what it does.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { debuglog } from 'node:util';
import { Script } from 'node:vm';
import { userCacheDir } from '../userCacheDir';
import { readChecksummed, withChecksum } from './checksum';

/** The first line of a command bundle: this prefix and 16 hex digits (all zeros: not hashed, no cache). */
export const HASH_BANNER = '// mailconf-bundle-hash: ';
export const HASH_LENGTH = 16;
export const UNHASHED = '0'.repeat(HASH_LENGTH);

/** What happened to the cache on one load; NODE_DEBUG=mailconf prints it. */
export type CacheState = 'accepted' | 'rejected' | 'missing' | 'off';

const debug = debuglog('mailconf');

/** The cache file for a bundle, or undefined when the cache is off or the bundle carries no hash. */
export function codeCacheFile(bundle: string, source: string, version: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.MAILCONF_CODE_CACHE === '0' || !source.startsWith(HASH_BANNER)) return undefined;
  const hash = source.slice(HASH_BANNER.length, HASH_BANNER.length + HASH_LENGTH);
  if (!/^[0-9a-f]+$/.test(hash) || hash.length !== HASH_LENGTH || hash === UNHASHED) return undefined;
  const dir = userCacheDir(env);
  return dir && join(dir, `${cachePrefix(bundle)}${version}-${hash}-v8-${process.versions.v8}.cache`);
}

const cachePrefix = (bundle: string) => `${basename(bundle, '.js')}-`;

/** Cache files of other builds of the same bundle kept when a new one is written. */
const KEEP_OTHER_BUILDS = 3;

export interface LoadOptions {
  /**
   * Also write the cache this long after loading. For a process that is usually killed rather
   * than left to exit, as editors do with language servers: it would never write one otherwise.
   */
  writeAfterMs?: number;
}

/**
 * Loads a CommonJS bundle like require() does (its own module object, a require() relative to
 * it), compiled with the cached code when there is some. When there was none, or it was damaged
 * or rejected by V8, the code compiled during this run is written at exit (and after
 * `writeAfterMs`, when given).
 *
 * The bundle's text is already the function Node wraps a CommonJS file in, and pure ASCII
 * (esbuild.mjs): it is compiled as read, in latin1, with no copy made to decode or to wrap it.
 */
export function loadBundle(bundle: string, version: string, env: NodeJS.ProcessEnv, options: LoadOptions = {}): { exports: unknown; cache: CacheState } {
  const source = readFileSync(bundle, 'latin1');
  const file = codeCacheFile(bundle, source, version, env);
  let cachedData: Uint8Array | undefined;
  let damaged = false;
  if (file) {
    try {
      const stored = readChecksummed(file);
      cachedData = stored.payload;
      damaged = !stored.intact;
    } catch {
      // No cache yet, or one we cannot read: compile as usual.
    }
  }
  const script = new Script(source, { filename: bundle, cachedData: damaged ? undefined : cachedData });
  const cache: CacheState = !file ? 'off' : !cachedData ? 'missing' : damaged || script.cachedDataRejected ? 'rejected' : 'accepted';
  debug('code cache %s for %s (%s)%s', cache, basename(bundle), file ?? 'no cache file', damaged ? ': checksum mismatch' : '');
  if (file && cache !== 'accepted') {
    const write = () => writeCache(script, file, bundle);
    process.once('exit', write);
    // unref(): the timer alone never keeps the process alive.
    if (options.writeAfterMs !== undefined) setTimeout(write, options.writeAfterMs).unref();
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, cache };
}

/** Written whole under a temporary name and renamed, so that a concurrent run never reads half a file. */
function writeCache(script: Script, file: string, bundle: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, withChecksum(script.createCachedData()));
    renameSync(temporary, file);
    debug('code cache written: %s', file);
  } catch (err) {
    debug('code cache not written: %s', (err as NodeJS.ErrnoException).code ?? err);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created.
    }
    return;
  }
  // Each build of a bundle leaves its own file. Keep the few most recently written (other
  // checkouts or Node versions in use at the same time keep theirs) and drop the rest.
  const dir = dirname(file);
  const prefix = cachePrefix(bundle);
  try {
    const others = readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.cache') && f !== basename(file))
      .map((f) => ({ path: join(dir, f), written: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const { path } of others.slice(KEEP_OTHER_BUILDS)) unlinkSync(path);
  } catch {
    // Someone else is tidying at the same moment; the next write tries again.
  }
}
