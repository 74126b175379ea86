import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../scripts/vscode-server.mjs';

async function start(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const [code] = await once(child, 'close');
  return { code, out };
}

const noStack = (out: string) => assert.doesNotMatch(out, /^\s+at .+[:(]\d+/m, `a stack trace was printed:\n${out}`);

describe('npm start, when set-up cannot go on', () => {
  it('says that the port is in use and how to choose another, before installing anything', async () => {
    const busy = createServer();
    busy.listen(0, '127.0.0.1');
    await once(busy, 'listening');
    const { port } = busy.address() as AddressInfo;
    try {
      const { code, out } = await start(['--port', String(port)]);
      assert.equal(code, 1);
      assert.match(out, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use\\.`));
      assert.match(out, /Fix: Choose another port: npm start -- --port \d+/);
      assert.doesNotMatch(out, /\[start\] Debian packages/);
      noStack(out);
    } finally {
      busy.close();
    }
  });

  it('refuses a port that is not a number, with the option that fixes it', async () => {
    const { code, out } = await start(['--port', 'http']);
    assert.equal(code, 1);
    assert.match(out, /'http' is not a port number\.\n {2}Fix: Give one from 1 to 65535: npm start -- --port 9090/);
    noStack(out);
  });

  it('refuses an unknown option with the usage', async () => {
    const { code, out } = await start(['--prot', '9090']);
    assert.equal(code, 1);
    assert.match(out, /Fix: npm start -- \[--port N\]/);
    noStack(out);
  });
});
