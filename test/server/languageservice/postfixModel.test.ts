// The editor's unknown-parameter and undefined-reference diagnostics agree with postconf's
// "unused parameter" and "undefined parameter" warnings (our postconf emulation, itself compared
// byte for byte with Postfix) on every configuration directory of the postconf fixtures.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService } from '../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../server/src/languageservice/mastercf';
import { postconf } from '../../../server/src/postfix/postconf';

const FIXTURES = resolve(__dirname, '../../fixtures/postconf');
const dirs = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'main.cf')) && !d.startsWith('fatal'));

describe('unknown parameters agree with postconf', () => {
  for (const dir of dirs) {
    it(dir, () => {
      const read = (f: string) => (existsSync(join(FIXTURES, dir, f)) ? readFileSync(join(FIXTURES, dir, f), 'utf8') : undefined);
      const main = read('main.cf')!;
      const master = read('master.cf');
      const r = postconf({ mainCf: main, masterCf: master }, { nonDefault: true });
      const expected = (file: string) =>
        [...new Set(r.warnings.flatMap((w) => new RegExp(`/${file}: unused parameter: ([^=]+)=`).exec(w)?.[1] ?? []))].sort();
      const files: Record<string, string | undefined> = { 'file:///pc/main.cf': main, 'file:///pc/master.cf': master };
      const ctx = { locale: 'en' as const, workspace: { readText: (u: string) => files[u] } };
      const unknown = (ds: { code?: unknown; message: unknown }[]) =>
        [...new Set(ds.filter((d) => d.code === 'unknown-parameter').map((d) => /'([^']+)'/.exec(String(d.message))![1]))].sort();
      const mainDs = mainCfService.diagnostics(TextDocument.create('file:///pc/main.cf', 'postfix-main', 1, main), ctx);
      assert.deepEqual(unknown(mainDs), expected('main.cf'));
      if (master !== undefined) {
        const masterDs = masterCfService.diagnostics(TextDocument.create('file:///pc/master.cf', 'postfix-master', 1, master), ctx);
        // postconf 3.7 splits '-o{smtpd_helo_required=yes}' again at the 'o' of "helo" and reports
        // a phantom '_required'; smtpd itself reads the option whole, and so do we.
        const phantom = dir === 'master-braces' ? ['_required'] : [];
        assert.deepEqual(unknown(masterDs), expected('master.cf').filter((n) => !phantom.includes(n)));
      }
      const undefinedNames = [...new Set(r.warnings.flatMap((w) => /\/main\.cf: undefined parameter: (\S+)/.exec(w)?.[1] ?? []))].sort();
      const ours = [...new Set(mainDs.filter((d) => d.code === 'undefined-reference').map((d) => /'\$([^']+)'/.exec(String(d.message))![1]))].sort();
      assert.deepEqual(ours, undefinedNames);
    });
  }
});
