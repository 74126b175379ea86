import type { Connection } from 'vscode-languageserver';

/**
 * Runs one analysis so that a bug in it costs one answer, never the server: the error is logged
 * and the caller gets an empty result.
 */
export function guarded<T>(connection: Connection, what: string, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (err) {
    connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fallback;
  }
}
