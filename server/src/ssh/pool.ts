// One SSH connection per server, shared by every feature that needs it (postconf, SFTP, port
// forwards) and closed after a quiet period, so that a burst of commands logs in once. Concurrent
// callers asking for the same server wait for the same login instead of starting their own.
import type { Client } from 'ssh2';

export const DEFAULT_IDLE_MS = 5 * 60_000;

interface Entry {
  client: Promise<Client>;
  users: number;
  idle?: NodeJS.Timeout;
}

export class SshPool {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly idleMs = DEFAULT_IDLE_MS) {}

  /**
   * Runs `use` with the connection for `key`, opening it with `open` when there is none. A failed
   * login is not cached, so the next call tries again (e.g. after the user fixed known_hosts).
   */
  async with<T>(key: string, open: () => Promise<Client>, use: (client: Client) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      const client = open();
      const created: Entry = { client, users: 0 };
      entry = created;
      this.entries.set(key, created);
      client.then(
        (c) => c.once('close', () => this.entries.get(key) === created && this.entries.delete(key)),
        () => this.entries.get(key) === created && this.entries.delete(key),
      );
    }
    clearTimeout(entry.idle);
    entry.users++;
    try {
      return await use(await entry.client);
    } finally {
      entry.users--;
      if (entry.users === 0 && this.entries.get(key) === entry) {
        const e = entry;
        e.idle = setTimeout(() => this.close(key), this.idleMs);
        e.idle.unref();
      }
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  close(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    clearTimeout(entry.idle);
    entry.client.then((c) => c.end(), () => {});
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.close(key);
  }
}
