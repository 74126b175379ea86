// dist/server.js, what editors start: loads the language server's bundle (dist/server/
// languageServer.js) through the V8 code cache the CLI uses (cli/codeCache.ts). A fresh server
// then neither compiles the bundle at start nor each function the first time it runs: the cache
// holds the bytecode of everything the session that wrote it had used. That is most of the time
// from spawning the server to its first diagnostics (issue 16's budgets).
// From source (tsx), server.ts is run directly; MAILCONF_CODE_CACHE=0 turns the cache off.
import { join } from 'node:path';
import { loadBundle } from './cli/codeCache';

/**
 * When a session without a usable cache writes one, besides at exit. Editors mostly kill their
 * server (code-server's extension host takes it down with it on Ctrl+C, and under code-server no
 * session had ever written a cache): ten seconds in, an editor has opened its files and had their
 * diagnostics, even on a slow machine, so the cache holds that work.
 */
const WRITE_CACHE_AFTER_MS = 10_000;

loadBundle(join(__dirname, 'server', 'languageServer.js'), process.env.MAILCONF_VERSION ?? '0.0.0', process.env, { writeAfterMs: WRITE_CACHE_AFTER_MS });
