// Child processes for the test harness, with their output streamed through.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command to completion; resolves with its exit code (never rejects on a non-zero exit). */
export function runProcess(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', ...options });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      if (options.echo !== false) process.stdout.write(d);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise(options.capture ? { code: code ?? 128, signal, out } : (code ?? 128)));
  });
}
