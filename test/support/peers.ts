// The real programs the tests compare against (postconf, named-checkzone, sshd, ...). `npm test`
// installs every missing Debian package once, before any layer runs (test/setup/peers.mjs); a
// test only asks whether its peer is there. When it is not, the test fails under CI=true and is
// skipped elsewhere, with a reason that names the fix; the closing summary lists those reasons.
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { readPackageList } from '../../scripts/setup/debianPackages.mjs';

// What `npm test` installs up front; a peer from outside it would be installed by nobody.
const LISTED = new Set(readPackageList(['start', 'test']));

function found(executable: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1" >/dev/null || test -x "$1"', 'sh', executable]).status === 0;
}

/** The skip reason for a missing peer: what is missing and the command that installs it. */
export function missingPeerReason(executable: string, packages: string[]): string {
  return `no ${basename(executable)}: apt-get install ${packages.join(' ')}`;
}

/**
 * For a test or suite that needs a real peer: undefined when it is there, else the skip reason.
 * Under CI=true a missing peer throws instead: CI must never pass by skipping.
 */
export function requirePeer(executable: string, packages: string[]): string | undefined {
  const unlisted = packages.filter((p) => !LISTED.has(p));
  if (unlisted.length) throw new Error(`${unlisted.join(' ')} must be listed in scripts/setup/debian-packages.txt, which npm test installs`);
  if (found(executable)) return undefined;
  const reason = missingPeerReason(executable, packages);
  if (process.env.CI === 'true') throw new Error(reason);
  return reason;
}
