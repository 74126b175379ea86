// The CLI writes its output straight to file descriptors (syncOutput.ts). Through a pipe it must
// deliver every byte in order however slowly the reader reads, and a reader that goes away early
// (`| head`) must end the output without an error, as with Postfix's own postconf.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../../dist/cli.js');

describe('CLI output through a pipe', () => {
  // One very long value: `postconf -n` prints it whole, several times what a pipe buffers.
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-cli-output-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const words = Array.from({ length: 40_000 }, (_, i) => `word${i}`).join(' ');
  writeFileSync(join(dir, 'main.cf'), `compatibility_level = 3.6\nsmtpd_banner = $myhostname ESMTP ${words}\n`);
  writeFileSync(join(dir, 'master.cf'), '');
  const args = [CLI, 'postconf', '-c', dir, '-n'];
  const whole = spawnSync(process.execPath, args, { encoding: 'utf8' });

  /**
   * The CLI's output, read by a reader that stops after its first chunk until `hold` settles (by
   * default the next turn of the event loop, enough for the writer to meet a full pipe).
   */
  async function readSlowly(nodeArgs: string[], hold = (_child: ChildProcess) => new Promise<void>((r) => setImmediate(r))): Promise<string> {
    const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    // Read one chunk, then stop reading until the writer has had to wait on a full pipe.
    child.stdout.once('data', (c: Buffer) => {
      chunks.push(c);
      child.stdout.pause();
      void hold(child).then(() => {
        child.stdout.on('data', (more: Buffer) => chunks.push(more));
        child.stdout.resume();
      });
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    return Buffer.concat(chunks).toString('utf8');
  }

  it('delivers output larger than a pipe buffer whole, to a reader that pauses', async () => {
    assert.equal(whole.status, 0, whole.stderr);
    assert.ok(Buffer.byteLength(whole.stdout) > 256 * 1024, 'the output should outgrow a 64 KB pipe several times over');
    assert.equal(await readSlowly(args), whole.stdout);
  });

  // A pipe can also reach the CLI non-blocking (the mode is shared with whoever else holds it; here
  // a preload opens process.stdout, which sets it): a full pipe then queues the rest on the stream,
  // and the CLI must not exit before the stream has written it. The reader holds off until the CLI
  // exits or has visibly stayed for it; an exit while the pipe is full is the fault.
  it('waits for output queued on a non-blocking pipe before it exits', async () => {
    const preload = join(dir, 'nonblocking-stdout.cjs');
    writeFileSync(preload, 'process.stdout;\n');
    const exitOrStay = (child: ChildProcess) => new Promise<void>((r) => {
      const stayed = setTimeout(r, 500);
      child.once('exit', () => (clearTimeout(stayed), r()));
    });
    assert.equal(await readSlowly(['--require', preload, ...args], exitOrStay), whole.stdout);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" ${args.map((a) => `"${a}"`).join(' ')} | head -c 100`], { encoding: 'utf8' });
    assert.equal(r.stdout, whole.stdout.slice(0, 100));
    assert.equal(r.stderr, '', 'no EPIPE error or stack trace');
  });
});
