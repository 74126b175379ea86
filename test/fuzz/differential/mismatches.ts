// Where the differential test keeps a main.cf on which the emulation and the real postconf
// disagree. test/server/postfix/postconf/storedDifferential.test.ts replays every stored file
// against both and shows what differs, so only the input is kept.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../corpus';

export function saveMismatch(mainCf: string): string {
  const dir = join(__dirname, '..', 'regressions', 'postconf-differential');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(mainCf).digest('hex').slice(0, 12)}.main.cf`);
  writeFileSync(file, mainCf);
  return relative(ROOT, file);
}
