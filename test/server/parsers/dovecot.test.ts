import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DovecotFrame, DovecotSection, DovecotSetting, parseDovecot, walkDovecot } from '../../../server/src/parsers/dovecot';

const sectionPath = (frame?: DovecotFrame): string => (frame ? [sectionPath(frame.up), frame.section.type].filter(Boolean).join('/') : '');

const LISTENER = `service auth {
  # Postfix smtp-auth
  unix_listener /var/spool/postfix/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
`;

describe('Dovecot configuration parser', () => {
  it('nests sections with names and exact ranges', () => {
    const tree = parseDovecot(LISTENER);
    assert.deepEqual(tree.errors, []);
    const service = tree.nodes[0] as DovecotSection;
    assert.equal(service.type, 'service');
    assert.equal(service.name, 'auth');
    const listener = service.children[0] as DovecotSection;
    assert.equal(listener.name, '/var/spool/postfix/private/auth');
    assert.deepEqual(listener.nameRange, { start: { line: 2, character: 16 }, end: { line: 2, character: 47 } });
    assert.deepEqual(listener.range, { start: { line: 2, character: 2 }, end: { line: 6, character: 3 } });
    const mode = listener.children[0] as DovecotSetting;
    assert.deepEqual([mode.key, mode.value], ['mode', '0660']);
    assert.deepEqual(mode.valueRange, { start: { line: 3, character: 11 }, end: { line: 3, character: 15 } });
    assert.deepEqual(
      walkDovecot(tree.nodes).map(({ node, frame }) => `${sectionPath(frame)}:${node.kind === 'section' ? node.type : node.kind === 'setting' ? node.key : 'include'}`),
      [':service', 'service:unix_listener', 'service/unix_listener:mode', 'service/unix_listener:user', 'service/unix_listener:group'],
    );
    assert.equal(tree.comments[0].text, '# Postfix smtp-auth');
  });

  it('reads includes, file values, variables, quotes and trailing comments', () => {
    const tree = parseDovecot('!include conf.d/*.conf\n!include_try local.conf\nssl_cert = </etc/ssl/c.pem\nmail_plugins = $mail_plugins quota\nauth_realms = "a # b" # c\nx=y\n');
    assert.deepEqual(tree.errors, []);
    const [inc, incTry, cert, plugins, realms, x] = tree.nodes as any[];
    assert.deepEqual([inc.kind, inc.optional, inc.path], ['include', false, 'conf.d/*.conf']);
    assert.deepEqual(inc.pathRange, { start: { line: 0, character: 9 }, end: { line: 0, character: 22 } });
    assert.equal(incTry.optional, true);
    assert.deepEqual([cert.valueKind, cert.value], ['file', '/etc/ssl/c.pem']);
    assert.deepEqual(cert.valueRange.start, { line: 2, character: 12 });
    assert.deepEqual(plugins.variables.map((v: any) => [v.name, v.range.start.character]), [['mail_plugins', 15]]);
    assert.equal(realms.value, 'a # b');
    assert.deepEqual([x.key, x.value], ['x', 'y']);
    assert.equal(tree.comments.length, 1);
  });

  it('joins continued lines and keeps positions on each physical line', () => {
    const tree = parseDovecot('auth_mechanisms = plain \\\n  login\n');
    const s = tree.nodes[0] as DovecotSetting;
    assert.equal(s.value, 'plain login');
    assert.deepEqual(s.valueRange, { start: { line: 0, character: 18 }, end: { line: 1, character: 7 } });
  });

  it("reports the errors Dovecot's reader reports, at the same lines", () => {
    const cases: [string, string, number][] = [
      ['}\n', 'unexpected-close', 0],
      ['auth_mechanisms\n', 'expecting-brace', 0],
      ['service auth { unix_listener x { mode = 0660 } }\n', 'garbage-after-brace', 0],
      ['= plain\n', 'missing-key', 0],
      ['a = b\nservice auth {\n}}\n', 'expecting-brace', 2],
      ['service "auth {\n}\n', 'expecting-brace', 0],
      ['service auth {\n  x = 1\n', 'missing-close', 0],
    ];
    for (const [text, code, line] of cases) {
      const tree = parseDovecot(text);
      assert.deepEqual(tree.errors.map((e) => [e.code, e.range.start.line]).slice(0, 1), [[code, line]], text);
    }
  });

  it("notes a '#' glued to a value, which Dovecot cuts with a warning", () => {
    const tree = parseDovecot('auth_mechanisms = plain#x\n');
    assert.deepEqual(tree.ambiguousHashes, [{ start: { line: 0, character: 23 }, end: { line: 0, character: 24 } }]);
    assert.equal((tree.nodes[0] as DovecotSetting).value, 'plain');
  });

  it('survives deep nesting without exhausting the stack', () => {
    const depth = 20000;
    const tree = parseDovecot('a {\n'.repeat(depth) + '}\n'.repeat(depth));
    assert.deepEqual(tree.errors, []);
    assert.equal(walkDovecot(tree.nodes).length, depth);
  });

  it('never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', ' ', '{', '}', '"', '\\', '#', '\n', '<', '$', '!include ', '\t') }), (text) => {
        const lines = text.split(/\r\n|\r|\n/);
        const tree = parseDovecot(text);
        const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
          assert.ok(r.end.line < lines.length && r.end.character <= lines[r.end.line].length, JSON.stringify(r));
          assert.ok(r.start.line < r.end.line || r.start.character <= r.end.character, JSON.stringify(r));
        };
        for (const { node } of walkDovecot(tree.nodes)) {
          inside(node.range);
          if (node.kind === 'setting') inside(node.valueRange);
        }
        tree.errors.forEach((e) => inside(e.range));
      }),
    );
  });
});
