// dist/server.js loads the language server through the V8 code cache: the first session writes
// the cache when it ends (or ten seconds in, when it is killed as editors do), the next one
// starts from it, and both give the same answers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { diagnosticsFor, LspClient } from '../support/lspClient';

const LAB_MAIN = resolve(__dirname, '../../examples/lab/main.cf');
const cache = mkdtempSync(join(tmpdir(), 'mailconf-server-cache-'));
after(() => rmSync(cache, { recursive: true, force: true }));

/** One session with the cache in `cache`: the lab main.cf's diagnostics and the server's debug log. */
async function session(env: NodeJS.ProcessEnv, end: (client: LspClient) => Promise<void> = (client) => client.shutdown()): Promise<{ messages: string[]; stderr: string }> {
  // The server inherits this process's environment when it is spawned.
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const client = new LspClient();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await client.initialize();
  const uri = pathToFileURL(LAB_MAIN).href;
  client.open(uri, 'postfix-main', readFileSync(LAB_MAIN, 'utf8'));
  const published = await client.waitFor(diagnosticsFor(uri));
  await end(client);
  return { messages: published.params.diagnostics.map((d: { message: string }) => d.message), stderr: client.stderr };
}

describe('dist/server.js', () => {
  it('writes the code cache when the first session ends and starts the next one from it', async () => {
    const env = { XDG_CACHE_HOME: cache, NODE_DEBUG: 'mailconf' };
    const first = await session(env);
    assert.match(first.stderr, /code cache missing for languageServer\.js/);
    const files = readdirSync(join(cache, 'mailconf')).filter((f) => f.startsWith('languageServer-'));
    assert.equal(files.length, 1, `one cache file: ${files}`);
    const second = await session(env);
    assert.match(second.stderr, /code cache accepted for languageServer\.js/);
    assert.ok(first.messages.length > 0);
    assert.deepEqual(second.messages, first.messages);
    const off = await session({ ...env, MAILCONF_CODE_CACHE: '0' });
    assert.match(off.stderr, /code cache off for languageServer\.js/);
    assert.deepEqual(off.messages, first.messages);
  });

  it('writes the code cache while a session runs, for editors that kill their server', async () => {
    const home = join(cache, 'killed');
    mkdirSync(home);
    const env = { XDG_CACHE_HOME: home, NODE_DEBUG: 'mailconf' };
    const cacheFiles = () => readdirSync(home, { recursive: true }).map(String).filter((f) => /languageServer-.*\.cache$/.test(f));
    const first = await session(env, async (client) => {
      try {
        // The server writes it ten seconds in, under a temporary name then renamed.
        await new Promise<void>((resolveWritten, reject) => {
          const watcher = watch(home, { recursive: true }, () => {
            if (cacheFiles().length === 0) return;
            clearTimeout(timer);
            watcher.close();
            resolveWritten();
          });
          const timer = setTimeout(() => {
            watcher.close();
            reject(new Error('no code cache written within 30 s of a running session'));
          }, 30_000);
        });
      } finally {
        client.kill();
        await client.exited;
      }
    });
    assert.match(first.stderr, /code cache missing for languageServer\.js/);
    assert.equal(cacheFiles().length, 1);
    const second = await session(env);
    assert.match(second.stderr, /code cache accepted for languageServer\.js/);
    assert.deepEqual(second.messages, first.messages);
  });
});
