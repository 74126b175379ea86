// One test process at a time for the fixtures that share machine-wide things (a port range, the
// daemons a 2-core machine can run side by side): a lock folder holding its owner's pid, created
// atomically with mkdir. A lock whose owner died is taken over, after `onStale` has cleaned up
// what that owner left running.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process exists (EPERM: it does, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function takeMachineLock(lock: string, options: { timeoutMs?: number; onStale?: (owner: number) => void } = {}): Promise<void> {
  const until = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8') || 0);
      } catch {
        // being created or removed right now: look again
      }
      if (owner > 0 && !alive(owner)) {
        options.onStale?.(owner);
        rmSync(lock, { recursive: true, force: true });
      } else if (Date.now() > until) throw new Error(`the lock ${lock} is held by process ${owner}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export function releaseMachineLock(lock: string): void {
  rmSync(lock, { recursive: true, force: true });
}
