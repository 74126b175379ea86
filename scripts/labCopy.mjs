// The lab `npm start` opens: a working copy of examples/lab under .cache/lab, so that quick
// fixes, the serial bump, formatting and Auto Save change the copy, never the repository's own
// examples. The copy is made on the first start and kept between starts; --reset-lab replaces it
// with a fresh one.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes sure the working copy `to` of the lab `from` exists: copies it when it is missing or
 * `reset` is set, else leaves it as the user left it. Answers whether a fresh copy was made.
 */
export function ensureLabCopy(from, to, { reset = false } = {}) {
  if (existsSync(to) && !reset) return { fresh: false };
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  return { fresh: true };
}

export const labPaths = (root) => ({ examples: join(root, 'examples', 'lab'), copy: join(root, '.cache', 'lab') });
