// Real-world lines for the fuzzers to start from: the lab's files, the test fixtures and the
// grammar snapshot cases. Mutating lines a parser already understands reaches deeper states than
// random text alone, which mostly dies in the first tokenizer branch.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

const SOURCES = ['examples/lab', 'test/fixtures', 'test/grammars'];

export type CorpusKind = 'maincf' | 'mastercf' | 'zone' | 'aliases' | 'map' | 'msmtprc' | 'dovecot' | 'cyrus-sasl' | 'saslauthd';

function kindOf(path: string): CorpusKind | undefined {
  const name = path.split('/').pop()!;
  if (name.endsWith('.snap') || name.endsWith('.json') || name.endsWith('.txt')) return undefined;
  if (/main\.cf$/.test(name)) return 'maincf';
  if (/master\.cf$/.test(name)) return 'mastercf';
  if (/\.(zone|inc)$/.test(name) || path.includes('/dns-zone/')) return 'zone';
  if (path.includes('/postfix-aliases/') || name === 'aliases') return 'aliases';
  if (path.includes('/postfix-map/')) return 'map';
  if (path.includes('/msmtprc/') || /msmtprc$/.test(name)) return 'msmtprc';
  if (path.includes('/dovecot/')) return 'dovecot';
  if (path.includes('/cyrus-sasl/')) return 'cyrus-sasl';
  if (path.includes('/saslauthd/')) return 'saslauthd';
  return undefined;
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

let cache: Map<CorpusKind, { files: string[]; lines: string[] }> | undefined;

/** Whole files and their distinct non-empty lines, by kind. */
export function corpus(kind: CorpusKind): { files: string[]; lines: string[] } {
  if (!cache) {
    cache = new Map();
    const paths: string[] = [];
    for (const s of SOURCES) walk(join(ROOT, s), paths);
    for (const p of paths.sort()) {
      const k = kindOf(relative(ROOT, p));
      if (!k) continue;
      const text = readFileSync(p, 'utf8');
      const entry = cache.get(k) ?? { files: [], lines: [] };
      entry.files.push(text);
      entry.lines.push(...text.split('\n').filter((l) => l.trim() !== ''));
      cache.set(k, entry);
    }
    for (const e of cache.values()) e.lines = [...new Set(e.lines)];
  }
  const found = cache.get(kind) ?? { files: [], lines: [] };
  // A kind with no corpus still gets something to mutate.
  return found.lines.length > 0 ? found : { files: [''], lines: ['x'] };
}

/** TXT-record strings of a given policy kind found in the zone corpus (joined, unquoted). */
export function txtCorpus(marker: RegExp): string[] {
  const out = new Set<string>();
  for (const line of corpus('zone').lines) {
    const strings = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    const joined = strings.join('');
    if (marker.test(joined)) out.add(joined);
  }
  return [...out];
}
