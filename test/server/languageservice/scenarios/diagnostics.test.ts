// Scenario files in the language service: each broken expectation where it is written, with the
// deciding line of main.cf/master.cf beside it; re-checked against whatever the workspace holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { scenarioDiagnostics } from '../../../../server/src/languageservice/scenarios/diagnostics';
import { isScenarioFile } from '../../../../server/src/languageservice/scenarios';

const LAB = resolve(__dirname, '../../../../examples/lab');
const DIR = 'file:///srv/lab/';
const URI = `${DIR}mailflow.scenarios.json`;

function check(scenarios: string, files: Record<string, string>, locale: 'en' | 'es' = 'en', postfixVersion?: string): Diagnostic[] {
  const doc = TextDocument.create(URI, 'json', 1, scenarios);
  return scenarioDiagnostics(doc, { workspace: { readText: (uri) => (uri.startsWith(DIR) ? files[uri.slice(DIR.length)] : undefined) }, locale, postfixVersion });
}

const lab = () => ({ 'main.cf': readFileSync(`${LAB}/main.cf`, 'utf8'), 'master.cf': readFileSync(`${LAB}/master.cf`, 'utf8') });
const labScenarios = () => readFileSync(`${LAB}/mailflow.scenarios.json`, 'utf8');

const one = (expect: string, extra = '') =>
  `{"scenarios": [\n  {"name": "stranger", "port": 25, "client": "203.0.113.9,mx.example.net", "helo": "mx.example.net"${extra},\n   "from": "a@example.net", "to": ["b@example.com"],\n   "expect": {"b@example.com": "${expect}"}}\n]}\n`;

describe('scenario files in the language service', () => {
  it('are the *.scenarios.json files', () => {
    assert.ok(isScenarioFile('/srv/lab/mailflow.scenarios.json'));
    assert.ok(!isScenarioFile('/srv/lab/.scenarios.json'));
    assert.ok(!isScenarioFile('/srv/lab/scenarios.json'));
  });

  it("the lab's scenarios all hold against the lab's configuration", () => {
    assert.deepEqual(check(labScenarios(), lab()), []);
  });

  it('run on the target release (mailconf.postfixVersion)', () => {
    assert.deepEqual(check(labScenarios(), lab(), 'en', '3.6'), []);
    const at35 = check(labScenarios(), lab(), 'en', '3.5');
    assert.equal(at35.length, 10, 'every expectation of the 7 scenarios');
    for (const d of at35) assert.match(String(d.message), /but smtpd does not start: bad numerical configuration: compatibility_level = 3\.6$/);
  });

  it('a broken expectation is an error on that expectation, with the deciding line of main.cf', () => {
    const text = labScenarios().replace('"usuario@mail2.org": "454 4.7.1"', '"usuario@mail2.org": "accepted"');
    const [d, ...rest] = check(text, lab());
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'scenario-broken');
    assert.equal(d.severity, 1);
    const line = text.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '"usuario@mail2.org": "accepted"');
    assert.match(String(d.message), /^Scenario 'vm25 \(port 25, no AUTH\).*': usuario@mail2\.org expected accepted, got 454 4\.7\.1 <usuario@mail2\.org>: Relay access denied$/);
    const [related] = d.relatedInformation!;
    assert.equal(related.location.uri, `${DIR}main.cf`);
    const mainLine = lab()['main.cf'].split('\n')[related.location.range.start.line];
    assert.equal(mainLine.slice(related.location.range.start.character, related.location.range.end.character), 'defer_unauth_destination');
    assert.match(mainLine, /^smtpd_relay_restrictions/);
    assert.equal(related.message, 'defer_unauth_destination in smtpd_relay_restrictions decides');
    const [es] = check(text, lab(), 'es');
    assert.match(String(es.message), /^Escenario 'vm25 .*': para usuario@mail2\.org se esperaba accepted y se obtuvo 454 4\.7\.1/);
    assert.equal(es.relatedInformation![0].message, 'lo decide defer_unauth_destination en smtpd_relay_restrictions');
  });

  it('a deciding -o override points into master.cf', () => {
    const text = labScenarios().replace('"postmaster@mail1.org": "450 4.7.25"', '"postmaster@mail1.org": "accepted"');
    const [d] = check(text, lab());
    const related = d.relatedInformation![0];
    assert.equal(related.location.uri, `${DIR}main.cf`, 'the $port25_recipient_restrictions word is written in main.cf');
    assert.match(String(related.message), /^reject_unknown_client_hostname in smtpd_recipient_restrictions/);
    const master = lab()['master.cf'].replace(/-o smtpd_recipient_restrictions=\$\w+/, '-o smtpd_recipient_restrictions=reject_unknown_client_hostname,permit_mynetworks,reject_unauth_destination');
    assert.notEqual(master, lab()['master.cf']);
    const [own] = check(text, { ...lab(), 'master.cf': master });
    assert.equal(own.relatedInformation![0].location.uri, `${DIR}master.cf`);
  });

  it('an unexpected acceptance points at the permit that let it through', () => {
    const main = 'mynetworks = 203.0.113.0/24\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n';
    const [d] = check(one('rejected'), { 'main.cf': main });
    assert.match(String(d.message), /expected rejected, got 250 2\.1\.5 Ok/);
    const related = d.relatedInformation![0];
    assert.equal(related.message, 'permit_mynetworks in smtpd_relay_restrictions lets it through');
    assert.deepEqual(related.location, { uri: `${DIR}main.cf`, range: { start: { line: 1, character: 27 }, end: { line: 1, character: 44 } } });
  });

  it('checks again against what the workspace holds now: main.cf, master.cf and lookup tables', () => {
    const main = 'compatibility_level = 3.6\nsmtpd_client_restrictions = check_client_access hash:/etc/postfix/client_access\nmydestination = example.com\n';
    assert.deepEqual(check(one('accepted'), { 'main.cf': main }), []);
    const [table] = check(one('accepted'), { 'main.cf': main, client_access: '203.0.113.9 REJECT go away\n' });
    assert.match(String(table.message), /got 554 5\.7\.1 <mx\.example\.net\[203\.0\.113\.9\]>: Client host rejected: go away/);
    assert.equal(table.relatedInformation![0].location.uri, `${DIR}main.cf`);
    const [edited] = check(one('accepted'), { 'main.cf': main.replace('mydestination = example.com', 'mydestination = example.org') });
    assert.match(String(edited.message), /got 454 4\.7\.1 <b@example\.com>: Relay access denied/);
    const [fatal] = check(one('accepted'), { 'main.cf': 'smtpd_relay_restrictions = permit_mynetworks\n', 'master.cf': 'smtp inet n - y - - smtpd\n' });
    assert.match(String(fatal.message), /but smtpd does not start: in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions/);
    assert.deepEqual(fatal.relatedInformation![0].location, { uri: `${DIR}master.cf`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } });
  });

  it('says what keeps a scenario or the file from running, where it is', () => {
    const main = { 'main.cf': 'compatibility_level = 3.6\n' };
    const [svc] = check(one('accepted', ', "service": "nonesuch"').replace('"port": 25, ', ''), { ...main, 'master.cf': 'smtp inet n - y - - smtpd\n' });
    assert.equal(svc.code, 'scenario-cannot-run');
    assert.match(String(svc.message), /^Scenario 'stranger' cannot run: no smtpd service named 'nonesuch'/);
    const [absent] = check(one('accepted').replace('"b@example.com": "accepted"', '"c@example.com": "accepted"'), main);
    assert.equal(absent.code, 'scenario-broken');
    assert.match(String(absent.message), /c@example\.com has an expectation but is not among the recipients/);
    const [invalid] = check('{"scenarios": [{"name": "x"}]}', main);
    assert.deepEqual([invalid.code, invalid.range], ['scenario-invalid', { start: { line: 0, character: 15 }, end: { line: 0, character: 28 } }]);
    const [json] = check('{"scenarios": [}', main, 'es');
    assert.deepEqual([json.code, json.range.start.character], ['json/expected-value', 15]);
    assert.match(String(json.message), /^JSON no válido/);
    assert.equal(check('[]', main)[0].code, 'scenarios-no-list');
    const [key] = check('{"scenarios": [], "senarios": []}', main);
    assert.deepEqual([key.code, key.range.start.character, key.range.end.character], ['scenarios-unknown-key', 18, 28]);
    // An outcome that is no outcome (nor the start of a reply) makes the scenario unreadable, as in the CLI.
    assert.equal(check(one('acepted'), main)[0].code, 'scenario-invalid');
    const [noMain] = check(one('accepted'), {});
    assert.deepEqual([noMain.code, noMain.severity], ['scenarios-no-main', 2]);
  });
});
