// The lab configuration of the lesson: the editor must report its real problems and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../../server/src/languageservice/mastercf';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { readDiskText } from '../../../../server/src/handlers/diskFiles';

const LAB = resolve(__dirname, '../../../../examples/lab');
const ctx: ServiceContext = {
  locale: 'en',
  workspace: {
    readText: readDiskText,
  },
};
const open = (name: string, lang: string) => TextDocument.create(pathToFileURL(`${LAB}/${name}`).href, lang, 1, readFileSync(`${LAB}/${name}`, 'utf8'));

describe('the lab configuration', () => {
  it('main.cf: only the deprecated smtp_use_tls', () => {
    const ds = mainCfService.diagnostics(open('main.cf', 'postfix-main'), ctx);
    assert.deepEqual(ds.map((d) => [d.range.start.line + 1, d.code]), [[29, 'deprecated-parameter']]);
  });
  it('master.cf: nothing', () => {
    assert.deepEqual(masterCfService.diagnostics(open('master.cf', 'postfix-master'), ctx), []);
  });
  it('main.cf alone would flag the parameter only master.cf uses', () => {
    const doc = open('main.cf', 'postfix-main');
    const alone = mainCfService.diagnostics(doc, { ...ctx, workspace: { readText: () => undefined } });
    assert.ok(alone.some((d) => d.code === 'unknown-parameter' && /port25_recipient_restrictions/.test(String(d.message))));
  });
  it('mailconf check reports the same, reading master.cf beside main.cf from disk; the deprecation weighs by the target release', () => {
    const cli = resolve(__dirname, '../../../../dist/cli.js');
    const check = (version: string) => spawnSync(process.execPath, [cli, 'check', '--postfix-version', version, 'main.cf', 'master.cf'], { cwd: LAB, encoding: 'utf8' });
    const advice = 'Replace it with smtp_tls_security_level: "may" for opportunistic TLS, "none" for no TLS. [deprecated-parameter]\n';
    // The lesson's Postfix 3.7 still takes it silently: a hint of what 3.9 will say.
    const lesson = check('3.7');
    assert.equal(lesson.status, 0);
    assert.equal(lesson.stdout, `main.cf:29:1: hint: 'smtp_use_tls' is deprecated from Postfix 3.9 on (the target is 3.7); Postfix 3.11 still accepts it, with a warning. ${advice}`);
    const newer = check('3.9');
    assert.equal(newer.stdout, `main.cf:29:1: warning: 'smtp_use_tls' is deprecated since Postfix 3.9; Postfix 3.11 still accepts it, with a warning. ${advice}`);
    assert.equal(check('2.11').status, 2);
  });
});
