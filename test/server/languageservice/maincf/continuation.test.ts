// An indented setting under another one: Postfix glues it into the other's value; mailconf says so
// and offers to remove the indent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { requirePeer } from '../../../support/peers';
import { mainDiagnostics, only, pair } from './helpers';

const LESSON = 'biff = no\n   myorigin=$myhostname\nmydestination = mail1.org\n';

describe('main.cf: an indented line that looks like a setting', () => {
  it('warns that the line continues the setting above, at the indented name', () => {
    const [d] = only(mainDiagnostics(LESSON), 'continues-previous-setting');
    assert.ok(d, 'a warning');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 11 } });
    assert.equal(d.message, "This indented line continues 'biff': Postfix reads 'myorigin = …' as part of its value. A new setting must start at the first column");
  });

  it('says it in Spanish with docsLanguage es', () => {
    const [d] = only(mainDiagnostics(LESSON, undefined, 'es'), 'continues-previous-setting');
    assert.match(String(d.message), /^Esta línea sangrada continúa 'biff'/);
  });

  it('offers to remove the indent, after which the warning is gone', () => {
    const p = pair(LESSON);
    const ds = only(mainCfService.diagnostics(p.mainDoc, p.ctx), 'continues-previous-setting');
    const [fix] = mainCfService.codeActions!(p.mainDoc, ds[0].range, ds, p.ctx);
    assert.equal(fix.title, "Remove the indent: make 'myorigin' a setting of its own");
    const fixed = TextDocument.applyEdits(p.mainDoc, fix.edit!.changes![p.mainDoc.uri]);
    assert.equal(fixed, 'biff = no\nmyorigin=$myhostname\nmydestination = mail1.org\n');
    assert.deepEqual(only(mainDiagnostics(fixed), 'continues-previous-setting'), []);
  });

  it('leaves real continuations alone: list items, lookup tables, text with an = inside', () => {
    const text = [
      'smtpd_recipient_restrictions = permit_mynetworks,',
      '    check_policy_service inet:127.0.0.1:10023,',
      '    reject_unauth_destination',
      'smtpd_milters = { inet:127.0.0.1:8891,',
      '    default_action=accept }',
      'header_checks = regexp:/etc/postfix/header_checks',
      '# a comment with x = y inside a continued value',
      '    pcre:/etc/postfix/more',
      'smtpd_banner = $myhostname ESMTP',
      '    unknown_word = text',
      '',
    ].join('\n');
    assert.deepEqual(only(mainDiagnostics(text), 'continues-previous-setting'), []);
  });

  it('agrees with postconf: the indented setting is part of the value above, not a setting', { skip: requirePeer('postconf', ['postfix']) }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-continuation-'));
    try {
      writeFileSync(join(dir, 'main.cf'), LESSON);
      const n = spawnSync('postconf', ['-c', dir, '-n'], { encoding: 'utf8' }).stdout;
      assert.match(n, /^biff = no myorigin=\$myhostname$/m);
      assert.doesNotMatch(n, /^myorigin =/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds nothing to say in the real configurations of ../shared/wild', () => {
    const root = join(__dirname, '../../../../../shared/wild');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/main\.cf/.test(name)) files.push(path);
      }
    };
    walk(root);
    assert.ok(files.length > 0, `no main.cf under ${root}`);
    const hits = files.flatMap((f) => only(mainDiagnostics(readFileSync(f, 'utf8')), 'continues-previous-setting').map((d) => `${f}:${d.range.start.line + 1}`));
    assert.deepEqual(hits, []);
  });
});
