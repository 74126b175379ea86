// Where the differential test keeps a main.cf on which the emulation and the real postconf
// disagree, for the regression test that follows the fix.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../corpus';

export function saveMismatch(mainCf: string, diff: string): string {
  const dir = join(__dirname, '..', 'regressions', 'postconf-differential');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(mainCf).digest('hex').slice(0, 12)}.main.cf`);
  writeFileSync(file, mainCf);
  writeFileSync(file.replace(/\.main\.cf$/, '.diff.txt'), diff + '\n');
  return relative(ROOT, file);
}
