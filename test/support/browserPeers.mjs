// The browser side of the end-to-end layers: Debian's Chromium must be there (installed when
// missing and we are root); under CI=true its absence is a failure like any other peer's.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.mjs';

export function requireChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() === 0) {
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install chromium`);
}
