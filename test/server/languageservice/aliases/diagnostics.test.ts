import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { aliasesService } from '../../../../server/src/languageservice/aliases';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nusuario:x:1000:1000::/home/usuario:/bin/bash\n';

function ctx(files: Record<string, string> = {}, locale: 'en' | 'es' = 'en'): ServiceContext {
  return { locale, workspace: { readText: (uri) => files[uri] } };
}
const doc = (text: string, uri = 'file:///lab/etc/aliases') => TextDocument.create(uri, 'postfix-aliases', 1, text);
const codes = (text: string, c = ctx()) => aliasesService.diagnostics(doc(text), c).map((d) => [d.code, d.range.start.line]);

describe('aliases diagnostics', () => {
  it('accepts the lesson file', () => {
    assert.deepEqual(codes('postmaster:    root\nroot:    usuario\nmailadmin:    root\n', ctx({ 'file:///lab/etc/passwd': PASSWD })), []);
  });

  it('warns about a duplicate name, case-insensitively, pointing at the second', () => {
    const [d] = aliasesService.diagnostics(doc('root: usuario\nRoot: ana\n'), ctx());
    assert.equal(d.code, 'aliases/duplicate-name');
    assert.equal(d.range.start.line, 1);
    assert.match(String(d.message), /line 1/);
  });

  it('warns about a local target that is neither an alias nor a user, when passwd is beside the file', () => {
    const files = { 'file:///lab/etc/passwd': PASSWD };
    const ds = aliasesService.diagnostics(doc('root: usuraio, pepe@mail2.org, /var/log/x, |/bin/true, :include:/etc/l\n'), ctx(files));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.character]), [['aliases/unknown-local-target', 6]]);
    assert.match(String(ds[0].message), /usuraio.*\/lab\/etc\/passwd/);
  });

  it('says nothing about local targets when no passwd is readable', () => {
    assert.deepEqual(codes('root: usuraio\n'), []);
  });

  it('resolves a target that is another alias of the file', () => {
    assert.deepEqual(codes('postmaster: root\nroot: usuario\n', ctx({ 'file:///lab/etc/passwd': 'usuario:x:1000:1000::/h:/bin/sh\n' })), []);
  });

  it('reports syntax errors with stable codes, and a relative file as a warning', () => {
    assert.deepEqual(codes('nocolon\nempty:\nx: var/log/mail\n'), [
      ['aliases/missing-colon', 0],
      ['aliases/no-targets', 1],
      ['aliases/relative-file', 2],
    ]);
  });

  it('speaks Spanish when the locale is es', () => {
    const [d] = aliasesService.diagnostics(doc('root: a\nroot: b\n'), ctx({}, 'es'));
    assert.match(String(d.message), /ya está definido en la línea 1/);
  });

  it('completes targets with aliases and users', () => {
    const items = aliasesService.completion!(doc('root: usuario\nstaff: '), { line: 1, character: 7 }, ctx({ 'file:///lab/etc/passwd': PASSWD }));
    assert.deepEqual(items.map((i) => i.label).sort(), ['root', 'staff', 'usuario']);
    assert.deepEqual(aliasesService.completion!(doc('ro'), { line: 0, character: 2 }, ctx()), []);
  });
});

describe('aliases hover', () => {
  it('reminds about newaliases on a name and explains a target, in the locale', () => {
    const d = doc('root: "|/usr/bin/prog", usuario\n');
    assert.match(JSON.stringify(aliasesService.hover!(d, { line: 0, character: 1 }, ctx())?.contents), /newaliases/);
    assert.match(JSON.stringify(aliasesService.hover!(d, { line: 0, character: 8 }, ctx({}, 'es'))?.contents), /tubería/);
    assert.equal(aliasesService.hover!(d, { line: 0, character: 5 }, ctx()), null);
  });
});
