// The editor's unknown-parameter and undefined-reference diagnostics agree with postconf's
// "unused parameter" and "undefined parameter" warnings (our postconf emulation, itself compared
// byte for byte with Postfix) on every configuration directory of the postconf fixtures; and the
// model's names layer is shared by the parses that set the same names.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService } from '../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../server/src/languageservice/mastercf';
import { postconf } from '../../../server/src/postfix/postconf';
import { parseMainCf } from '../../../server/src/parsers/maincf';
import { parseMasterCf } from '../../../server/src/parsers/mastercf';
import { postfixModel } from '../../../server/src/languageservice/postfixModel';

describe('the names layer of the model', () => {
  // parseMainCf, not treeOf: each text must be a parse of its own, as after a keystroke. This
  // suite runs first, so that its first model is the first the process builds.
  const base = 'smtpd_restriction_classes = tenant_a\ntenant_a = permit_mynetworks, reject\nmyhostname = mail.mail1.org\n';

  it('is shared by parses that set the same names, the first one a process builds included', () => {
    const first = postfixModel(parseMainCf(base), undefined);
    const edited = postfixModel(parseMainCf(base.replace('mail1', 'mail2') + '# a comment\n'), undefined);
    assert.notEqual(edited, first, 'a model per parse');
    assert.equal(edited.restrictionClasses, first.restrictionClasses, 'one names layer');
  });

  it('is built again when a name or master.cf changes', () => {
    const first = postfixModel(parseMainCf(base), undefined);
    const renamed = postfixModel(parseMainCf(base.replace(/tenant_a/g, 'tenant_b')), undefined);
    assert.notEqual(renamed.restrictionClasses, first.restrictionClasses);
    assert.deepEqual([...renamed.restrictionClasses], ['tenant_b']);
    const master = parseMasterCf('smtp      inet  n       -       y       -       -       smtpd\n');
    assert.notEqual(postfixModel(parseMainCf(base), master).restrictionClasses, first.restrictionClasses);
  });
});

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
