// The relay lint's questions to the simulator: main.cf is handed over as the editor parsed it
// (the same values the simulator reads itself), and an answer is reused only while what the
// simulator read is unchanged.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMainCf } from '../../../../server/src/parsers/maincf';
import { mainCfRelay } from '../../../../server/src/languageservice/maincf/relay';
import { pairForMainCf } from '../../../../server/src/languageservice/postfixPair';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { readMainSettings } from '../../../../server/src/postfix/simulator/settings';

const ROOT = resolve(__dirname, '../../../..');
const WILD = resolve(ROOT, '../shared/wild/postfix');

function sameValues(text: string): void {
  const simulator = new Map([...readMainSettings(text, 'main.cf')].map(([k, v]) => [k, v.value]));
  const editor = new Map(parseMainCf(text).entries.map((e) => [e.name, e.rawValue]));
  assert.deepEqual(editor, simulator);
}

describe('the relay lint and the simulator', () => {
  it("reads main.cf's values as the simulator does: the lab, every real configuration, random text", () => {
    const files = [join(ROOT, 'examples/lab/main.cf'), ...(existsSync(WILD) ? readdirSync(WILD).map((d) => join(WILD, d, 'main.cf')) : [])].filter(existsSync);
    assert.ok(files.length > 1);
    for (const f of files) sameValues(readFileSync(f, 'utf8'));
    const line = fc.oneof(
      fc.constantFrom('mynetworks = 127.0.0.0/8', '  [::1]/128', 'a = b \\', '# comment', '', '\t', ' x', 'b=', '= c', 'smtpd_relay_restrictions = permit_mynetworks,', '  reject_unauth_destination  '),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => sameValues(lines.join(eol))), { numRuns: 500 });
  });

  it('asks again only when something the simulator read changes', () => {
    const files: Record<string, string> = { 'file:///etc/postfix/client_access': '198.51.100.25 OK\n' };
    const ctx: ServiceContext = { workspace: { readText: (u) => files[u] }, locale: 'en' };
    const main = 'compatibility_level = 3.6\nbiff = no\nsmtpd_relay_restrictions = check_client_access cidr:/etc/postfix/client_access, permit_mynetworks, reject_unauth_destination\n';
    const probe = (text: string) => {
      const doc = TextDocument.create('file:///etc/postfix/main.cf', 'postfix-main', 1, text);
      return mainCfRelay(doc, pairForMainCf(doc, ctx.workspace), ctx);
    };
    const first = probe(main);
    assert.equal(first.open, undefined, 'one stranger network in the table is not the world');
    assert.equal(probe(main + '# a comment\n'), first);
    assert.equal(probe(main.replace('biff = no', 'biff = yes')), first, 'biff plays no part in a session');
    assert.notEqual(probe(main + 'myhostname = mx.example.org\n'), first, "the greeting says smtpd's name");
    const wider = probe(main + 'mynetworks = 0.0.0.0/0\n');
    assert.notEqual(wider, first);
    assert.equal(wider.open?.permittedBy?.restriction, 'permit_mynetworks');
    files['file:///etc/postfix/client_access'] = '0.0.0.0/0 OK\n';
    const table = probe(main);
    assert.notEqual(table, first, 'the table changed');
    assert.equal(table.open?.permittedBy?.restriction, 'check_client_access');
    assert.equal(probe(main), table);
    const doc = TextDocument.create('file:///etc/postfix/main.cf', 'postfix-main', 1, main);
    const at35 = mainCfRelay(doc, pairForMainCf(doc, ctx.workspace), { ...ctx, postfixVersion: '3.5' });
    assert.notEqual(at35, table, 'another release is another question');
    assert.equal(at35.open, undefined, "3.5 does not start with compatibility_level = 3.6: nobody relays");
  });
});
