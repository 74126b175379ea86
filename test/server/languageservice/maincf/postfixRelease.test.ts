// Checks against a target Postfix release (mailconf.postfixVersion): parameters of later releases,
// of no release, and deprecations that weigh by the target.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CompletionItem, type Diagnostic, type MarkupContent } from 'vscode-languageserver-types';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../../server/src/languageservice/mastercf';
import { releaseParameter, releaseSeries } from '../../../../server/src/postfix/releaseFacts';
import { MAIN_URI, MASTER_URI, STOCK_MASTER } from './helpers';

let version = 1;
function diagnostics(main: string, postfixVersion: string | undefined, master = STOCK_MASTER, locale: 'en' | 'es' = 'en'): Diagnostic[] {
  const files: Record<string, string> = { [MAIN_URI]: main, [MASTER_URI]: master };
  const ctx = { workspace: { readText: (uri: string) => files[uri] }, locale, postfixVersion };
  return mainCfService.diagnostics(TextDocument.create(MAIN_URI, 'postfix-main', version++, main), ctx);
}
const named = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

/** Parameters each release series adds, by the generated facts; per-service ones need their service. */
function addedIn(series: string): string[] {
  const names = [...Object.keys(require('../../../../server/src/postfix/releases/releases.json').parameters)];
  return names.filter((n) => releaseParameter(n)?.since === series && !releaseParameter(n)?.removedIn && !/^(relay|virtual|lmtp|local|smtp)_(destination|initial|recipient|extra|minimum|delivery|transport)/.test(n));
}

describe('checks against a target Postfix release', () => {
  for (const series of releaseSeries()) {
    it(`target ${series}: the parameters ${series} adds are not unknown`, () => {
      const names = addedIn(series);
      if (series !== releaseSeries()[0]) assert.ok(names.length > 0, `no parameter added in ${series}`);
      const main = names.map((n) => `${n} = ${releaseParameter(n)!.defaults.at(-1)![1].startsWith('$') ? releaseParameter(n)!.defaults.at(-1)![1] : ''}\n`).join('');
      const ds = diagnostics(main, series);
      const bad = ds.filter((d) => d.code === 'unknown-parameter' || d.code === 'needs-newer-postfix' || d.code === 'removed-parameter');
      assert.deepEqual(bad.map((d) => d.message), []);
    });
  }

  it('a parameter of a later release needs that release, in English and Spanish', () => {
    const [d] = named(diagnostics('smtpd_hide_client_session = yes\n', '3.7'), 'needs-newer-postfix');
    assert.match(String(d.message), /^'smtpd_hide_client_session' needs Postfix 3\.10 or later; the target is 3\.7/);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    const [es] = named(diagnostics('smtpd_hide_client_session = yes\n', '3.7', STOCK_MASTER, 'es'), 'needs-newer-postfix');
    assert.match(String(es.message), /necesita Postfix 3\.10 o posterior; el objetivo es 3\.7/);
    assert.deepEqual(named(diagnostics('smtpd_hide_client_session = yes\n', '3.10'), 'needs-newer-postfix'), []);
    assert.deepEqual(named(diagnostics('smtpd_hide_client_session = yes\n', '3.10'), 'unknown-parameter'), []);
    // A 3.7 built-in is still "later" for a 3.4 target.
    assert.equal(named(diagnostics('smtpd_client_ipv6_prefix_length = 84\n', '3.7'), 'needs-newer-postfix').length, 1);
  });

  it('an old name the target no longer reads, with its replacement as the fix', () => {
    const [d] = named(diagnostics('smtpd_sasl_application_name = smtpd\n', '3.7'), 'renamed-parameter');
    assert.match(String(d.message), /'smtpd_sasl_application_name' is the old name of smtpd_sasl_path; Postfix 3\.7 no longer reads it/);
    assert.deepEqual((d.data as any).replaceWith, ['smtpd_sasl_path']);
    assert.deepEqual(named(diagnostics('smtpd_sasl_application_name = smtpd\n', '3.7'), 'unknown-parameter'), []);
    // An old name 3.7 still reads is a deprecation instead.
    assert.deepEqual(named(diagnostics('fallback_relay = [relay.example]\n', '3.7'), 'renamed-parameter'), []);
  });

  it('a parameter of no release is unknown, whatever the target', () => {
    for (const target of ['3.4', '3.7', '3.11']) assert.equal(named(diagnostics('smtpd_no_such_thing = yes\n', target), 'unknown-parameter').length, 1, target);
  });

  it('without a target, the newest release is the target', () => {
    assert.deepEqual(named(diagnostics('smtpd_hide_client_session = yes\n', undefined), 'needs-newer-postfix'), []);
  });

  it('a deprecation is a hint before the release that deprecates it, a warning from it on', () => {
    const at = (target: string) => named(diagnostics('virtual_maps = hash:/etc/postfix/virtual\n', target), 'deprecated-parameter')[0];
    assert.equal(at('3.7').severity, DiagnosticSeverity.Hint);
    assert.match(String(at('3.7').message), /deprecated from Postfix 3\.11 on \(the target is 3\.7\).*virtual_alias_maps/);
    assert.equal(at('3.11').severity, DiagnosticSeverity.Warning);
    assert.match(String(at('3.11').message), /deprecated since Postfix 3\.11; Postfix 3\.11 still accepts it.*virtual_alias_maps/);
    assert.equal(at('3.11').data && (at('3.11').data as any).replaceSetting.text, 'virtual_alias_maps = hash:/etc/postfix/virtual');
  });

  it('a removal is an error from the release that removes it on', () => {
    const at = (target: string) => named(diagnostics('smtpd_recipient_restrictions = permit_mynetworks, check_relay_domains\n', target), 'deprecated-restriction')[0];
    assert.equal(at('3.8').severity, DiagnosticSeverity.Warning);
    assert.match(String(at('3.8').message), /Postfix 3\.9 no longer accepts it/);
    assert.equal(at('3.9').severity, DiagnosticSeverity.Error);
    assert.match(String(at('3.9').message), /removed in Postfix 3\.9 \(the target is 3\.9\)/);
  });

  it('-o settings in master.cf follow the same target', () => {
    const master = STOCK_MASTER + 'x inet n - y - - smtpd\n  -o smtpd_hide_client_session=yes\n';
    const files: Record<string, string> = { [MAIN_URI]: '', [MASTER_URI]: master };
    const ds = masterCfService.diagnostics(TextDocument.create(MASTER_URI, 'postfix-master', version++, master), { workspace: { readText: (u) => files[u] }, locale: 'en', postfixVersion: '3.7' });
    assert.equal(named(ds, 'needs-newer-postfix').length, 1);
  });

  describe('completion and hover know the releases', () => {
    const ctx = (postfixVersion: string) => ({ workspace: { readText: () => undefined }, locale: 'en' as const, postfixVersion });
    const complete = (postfixVersion: string): CompletionItem[] => mainCfService.completion!(TextDocument.create(MAIN_URI, 'postfix-main', version++, 'smtpd_'), { line: 0, character: 6 }, ctx(postfixVersion));
    const hover = (text: string, postfixVersion: string) => {
      const h = mainCfService.hover!(TextDocument.create(MAIN_URI, 'postfix-main', version++, text), { line: 0, character: 2 }, ctx(postfixVersion));
      return (h?.contents as MarkupContent | undefined)?.value ?? '';
    };

    it('completion shows "since" on names the target lacks and sorts them after the others', () => {
      const items = complete('3.7');
      const newer = items.find((i) => i.label === 'smtpd_hide_client_session')!;
      const current = items.find((i) => i.label === 'smtpd_tls_security_level')!;
      assert.match(newer.detail!, /^since 3\.10/);
      assert.ok(newer.sortText! > current.sortText!, 'sorted after the names 3.7 has');
      assert.doesNotMatch(current.detail!, /since/);
      const later = complete('3.11').find((i) => i.label === 'smtpd_hide_client_session')!;
      assert.doesNotMatch(later.detail!, /since/);
    });

    it('hover shows since, deprecated in and removed in', () => {
      const newer = hover('smtpd_hide_client_session = yes\n', '3.7');
      assert.match(newer, /Since: Postfix 3\.10/);
      assert.match(newer, /Not in Postfix 3\.7 \(the target\)/);
      assert.doesNotMatch(hover('smtpd_hide_client_session = yes\n', '3.11'), /Not in Postfix/);
      assert.match(hover('virtual_maps = hash:/x\n', '3.7'), /Deprecated in: Postfix 3\.11/);
      assert.match(hover('smtp_use_tls = yes\n', '3.7'), /Deprecated in: Postfix 3\.9/);
      assert.match(hover('nullmx_reject_code = 556\n', '3.7'), /Removed in: Postfix 3\.7/);
      // The compatibility-level defaults from COMPATIBILITY_README.
      assert.match(hover('mynetworks_style = host\n', '3.7'), /With compatibility_level < 2: `subnet`/);
      assert.doesNotMatch(hover('myhostname = a\n', '3.7'), /compatibility_level/);
    });
  });
});
