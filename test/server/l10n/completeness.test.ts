// Both languages are complete: every %key% of the manifest is in package.nls.json and
// package.nls.es.json, every vscode.l10n.t string of the client is in both l10n bundles, and every
// server message has the same {n} arguments in English and Spanish.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { t } from '../../../server/src/l10n';
import { MESSAGE_TABLES } from '../../../server/src/l10n/tables';
import { everyMessage } from '../../support/everyMessage';

const ROOT = join(__dirname, '../../..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** Every string value of the manifest that is a %key%. */
export function manifestKeys(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    const m = /^%([\w.-]+)%$/.exec(node);
    if (m) out.add(m[1]);
  } else if (Array.isArray(node)) node.forEach((n) => manifestKeys(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => manifestKeys(n, out));
  return out;
}

/** The first argument of every l10n.t(...) call, which must be a string literal to be translatable. */
export function clientStrings(source: string, file: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\bl10n\.t\(\s*/g)) {
    const rest = source.slice(m.index! + m[0].length);
    const lit = /^(['"`])((?:\\.|(?!\1)[^\\])*)\1/.exec(rest);
    assert.ok(lit, `${file}: l10n.t needs a string literal as its first argument: ${rest.slice(0, 40)}`);
    assert.ok(lit[1] !== '`' || !lit[2].includes('${'), `${file}: use {0} arguments, not template interpolation, in l10n.t`);
    out.push(lit[2].replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c));
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');

describe('localisation completeness', () => {
  const manifest = json('package.json');

  it('the manifest declares its l10n folder', () => {
    assert.equal(manifest.l10n, './l10n');
  });

  it('every manifest %key% is translated in package.nls.json and package.nls.es.json, and no key is left over', () => {
    const used = manifestKeys(manifest);
    assert.ok(used.size > 10, 'the manifest should use %keys% for its strings');
    for (const file of ['package.nls.json', 'package.nls.es.json']) {
      const nls = json(file);
      const missing = [...used].filter((k) => typeof nls[k] !== 'string' || nls[k] === '');
      assert.deepEqual(missing, [], `missing in ${file}`);
      assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], `unused keys in ${file}`);
    }
  });

  it('walkthrough media exist in both languages', () => {
    const en = json('package.nls.json');
    const es = json('package.nls.es.json');
    const mediaKeys = Object.keys(en).filter((k) => k.startsWith('walkthrough.') && k.endsWith('.media'));
    assert.ok(mediaKeys.length >= 6);
    for (const k of mediaKeys) for (const path of [en[k], es[k]]) assert.ok(existsSync(join(ROOT, path)), `${k}: ${path} does not exist`);
  });

  it('every vscode.l10n.t string of the client is in both bundles', () => {
    const strings = new Set(sourceFiles('client/src').flatMap((f) => clientStrings(readFileSync(f, 'utf8'), f)));
    assert.ok(strings.size > 0);
    for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.es.json']) {
      const bundle = json(file);
      assert.deepEqual([...strings].filter((s) => typeof bundle[s] !== 'string'), [], `missing in ${file}`);
      for (const s of strings) assert.equal(placeholders(bundle[s]), placeholders(s), `${file}: arguments differ for "${s}"`);
    }
  });

  it('every server message has the same arguments in English and Spanish', () => {
    for (const [key, m] of Object.entries(everyMessage())) {
      assert.ok(m.en.trim() !== '' && m.es.trim() !== '', key);
      assert.equal(placeholders(m.es), placeholders(m.en), key);
    }
  });

  it('has each message key in one table only, so the order of the lookup never matters', () => {
    const seen = new Map<string, number>();
    MESSAGE_TABLES.forEach((load, i) => {
      for (const key of Object.keys(load())) {
        assert.equal(seen.get(key), undefined, `'${key}' is in tables ${seen.get(key)} and ${i}`);
        seen.set(key, i);
      }
    });
    assert.ok(seen.size > 700, `${seen.size} keys`);
  });

  it('formats server messages in the requested locale', () => {
    assert.equal(t('es', 'msmtprc.unknown-keyword', 'hots'), "Orden de msmtp desconocida 'hots'");
    assert.equal(t('en', 'msmtprc.unknown-keyword', 'hots'), "Unknown msmtp command 'hots'");
  });

  it('finds l10n.t strings, and refuses non-literal ones', () => {
    assert.deepEqual(clientStrings("vscode.l10n.t('a {0}', x); l10n.t(\"b\")", 'x.ts'), ['a {0}', 'b']);
    assert.throws(() => clientStrings('vscode.l10n.t(message)', 'x.ts'), /string literal/);
  });
});
