// Find-references and rename of parameter names across main.cf and master.cf.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../../server/src/languageservice/mastercf';
import { MAIN_URI, MASTER_URI, pair } from './helpers';

const MAIN = 'smtpd_restriction_classes = strict\nstrict = reject_unauth_destination\nport25 = permit_mynetworks, strict\nsmtpd_banner = $myhostname\n';
const MASTER = 'smtp inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=$port25\n  -o port25=reject\n';
const at = (line: number, character: number) => ({ line, character });

describe('references and rename', () => {
  it('finds a user-defined parameter in both files', () => {
    const p = pair(MAIN, MASTER);
    const refs = mainCfService.references!(p.mainDoc, at(2, 2), true, p.ctx);
    assert.deepEqual(
      refs.map((l) => [l.uri, l.range.start.line, l.range.start.character]),
      [
        [MAIN_URI, 2, 0],
        [MASTER_URI, 1, 35],
        [MASTER_URI, 2, 5],
      ],
    );
  });
  it('finds a restriction class where it is declared, defined and applied', () => {
    const p = pair(MAIN, MASTER);
    const refs = mainCfService.references!(p.mainDoc, at(1, 1), true, p.ctx);
    assert.deepEqual(refs.map((l) => [l.range.start.line, l.range.start.character]), [[0, 28], [1, 0], [2, 28]]);
  });
  it('keeps the continuation lines lined up under the value after a rename', () => {
    const main = [
      'port25_recipient_restrictions = permit_mynetworks,',
      '                                reject_unauth_destination,',
      '   reject_rbl_client zen.spamhaus.org',
      '# a comment in the value',
      '                                reject',
      '',
    ].join('\n');
    const p = pair(main, 'smtp inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=$port25_recipient_restrictions\n');
    for (const [to, column] of [['mx_rules', 11], ['port25_recipient_restrictions_for_mx', 39]] as const) {
      const edit = mainCfService.rename!(p.mainDoc, at(0, 3), to, p.ctx)!;
      const lines = TextDocument.applyEdits(p.mainDoc, edit.changes![MAIN_URI]).split('\n');
      assert.equal(lines[0].indexOf('permit_mynetworks'), column);
      assert.equal(lines[1].indexOf('reject_unauth_destination'), column, 'aligned under the value');
      assert.equal(lines[4].indexOf('reject'), column);
      assert.equal(lines[2], '   reject_rbl_client zen.spamhaus.org', 'a line indented otherwise is left as written');
      assert.equal(lines[3], '# a comment in the value');
    }
  });

  it('renames from master.cf, editing main.cf too', () => {
    const p = pair(MAIN, MASTER);
    const edit = masterCfService.rename!(p.masterDoc, at(1, 37), 'mx_restrictions', p.ctx)!;
    assert.equal(edit.changes![MAIN_URI].length, 1);
    assert.equal(edit.changes![MASTER_URI].length, 2);
    assert.ok(Object.values(edit.changes!).flat().every((e) => e.newText === 'mx_restrictions'));
  });
  it('refuses to rename a built-in parameter, or to a bad name', () => {
    const p = pair(MAIN, MASTER);
    assert.throws(() => mainCfService.prepareRename!(p.mainDoc, at(3, 17), p.ctx), /built-in Postfix parameter/);
    assert.deepEqual(mainCfService.prepareRename!(p.mainDoc, at(2, 1), p.ctx), { start: at(2, 0), end: at(2, 6) });
    assert.throws(() => mainCfService.rename!(p.mainDoc, at(2, 1), 'bad name', p.ctx), /not a valid parameter name/);
  });
});
