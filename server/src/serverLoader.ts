// dist/server.js, what editors start: loads the language server's bundle (dist/server/
// languageServer.js) through the V8 code cache the CLI uses (cli/codeCache.ts). A fresh server
// then neither compiles the bundle at start nor each function the first time it runs: the cache,
// written when the first session ends, holds the bytecode of everything that session used. That
// is most of the time from spawning the server to its first diagnostics (issue 16's budgets).
// From source (tsx), server.ts is run directly; MAILCONF_CODE_CACHE=0 turns the cache off.
import { join } from 'node:path';
import { loadBundle } from './cli/codeCache';

loadBundle(join(__dirname, 'server', 'languageServer.js'), process.env.MAILCONF_VERSION ?? '0.0.0', process.env);
