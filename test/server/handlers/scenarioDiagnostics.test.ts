// Scenario files over LSP: the server runs a *.scenarios.json file against the main.cf/master.cf
// beside it and reports each broken expectation on it; an edit of main.cf, master.cf, a lookup
// table or the scenario file is followed by a new answer, pulled (VS Code, after the server's
// refresh request, and the workspace report of a closed file) or pushed (clients without pull).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { diagnosticsFor, LspClient, Message } from '../../support/lspClient';

const LAB = resolve(__dirname, '../../../examples/lab');
const SCENARIOS = readFileSync(join(LAB, 'mailflow.scenarios.json'), 'utf8');
// The lab says vm25 may not send to mail2.org; this file claims it may.
const BROKEN = SCENARIOS.replace('"usuario@mail2.org": "454 4.7.1"', '"usuario@mail2.org": "accepted"');
const MAIN = readFileSync(join(LAB, 'main.cf'), 'utf8');
// The same configuration where mail2.org is ours: vm25's mail to it passes the relay check and
// meets port 25's recipient list instead (450 4.7.25, no reverse name), 587's final reject (554).
const MAIN_MAIL2 = MAIN.replace(/^mydestination = (.*)$/m, 'mydestination = $1, mail2.org');

function setUp(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `mailconf-scen-${name}-`));
  writeFileSync(join(dir, 'main.cf'), MAIN);
  writeFileSync(join(dir, 'master.cf'), readFileSync(join(LAB, 'master.cf'), 'utf8'));
  writeFileSync(join(dir, 'lab.scenarios.json'), BROKEN);
  const uri = (f: string) => pathToFileURL(join(dir, f)).href;
  return { dir, uri, scenarioUri: uri('lab.scenarios.json'), mainUri: uri('main.cf') };
}

const brokenCodes = (items: any[]) => items.map((d) => `${d.code} ${d.range.start.line}`);

describe('scenario files over LSP', { timeout: 30_000 }, () => {
  before(() => assert.notEqual(MAIN_MAIL2, MAIN));

  describe('pulled', () => {
    const { dir, uri, scenarioUri, mainUri } = setUp('pull');
    let client: LspClient;
    let refreshes = 0;
    let refreshed: () => void = () => undefined;
    before(async () => {
      client = new LspClient();
      client.answers.set('workspace/diagnostic/refresh', () => {
        refreshes++;
        refreshed();
        return null;
      });
      await client.initialize({ textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } }, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'lab' }] });
    });
    after(async () => {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });
    const pullDoc = async (u: string) => (await client.request('textDocument/diagnostic', { textDocument: { uri: u } })).items;
    const nextRefresh = () => new Promise<void>((r) => (refreshed = r));

    it('reports the closed scenario file in the workspace report, with the deciding line of main.cf', async () => {
      const r = await client.request('workspace/diagnostic', { previousResultIds: [] });
      const report = r.items.find((i: any) => i.uri === scenarioUri);
      assert.deepEqual(brokenCodes(report.items), ['scenario-broken 6']);
      const [related] = report.items[0].relatedInformation;
      assert.equal(related.location.uri, mainUri);
      assert.equal(related.location.range.start.line, MAIN.split('\n').findIndex((l) => l.startsWith('smtpd_relay_restrictions')));
      // Unchanged while nothing it depends on changes; a new answer once main.cf does (on disk).
      const again = await client.request('workspace/diagnostic', { previousResultIds: [{ uri: scenarioUri, value: report.resultId }] });
      assert.equal(again.items.find((i: any) => i.uri === scenarioUri).kind, 'unchanged');
      writeFileSync(join(dir, 'main.cf'), MAIN_MAIL2);
      const changed = await client.request('workspace/diagnostic', { previousResultIds: [{ uri: scenarioUri, value: report.resultId }] });
      const now = changed.items.find((i: any) => i.uri === scenarioUri);
      assert.equal(now.kind, 'full');
      assert.deepEqual(brokenCodes(now.items), ['scenario-broken 6', 'scenario-broken 24', 'scenario-broken 42']);
      assert.match(now.items[0].message, /got 450 4\.7\.25 Client host rejected/);
      assert.match(now.items[0].relatedInformation[0].message, /^reject_unknown_client_hostname in smtpd_recipient_restrictions decides$/);
      writeFileSync(join(dir, 'main.cf'), MAIN);
      // An edit of main.cf in the editor makes the server ask for a new pull, though no scenario file is open.
      client.open(mainUri, 'postfix-main', MAIN);
      const refresh = nextRefresh();
      client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 2 }, contentChanges: [{ text: MAIN }] });
      await refresh;
    });

    it('follows unsaved edits of main.cf and of the scenario file, and asks the client to pull again', async () => {
      client.open(scenarioUri, 'json', BROKEN);
      assert.deepEqual(brokenCodes(await pullDoc(scenarioUri)), ['scenario-broken 6']);
      const refresh = nextRefresh();
      const before = refreshes;
      client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 3 }, contentChanges: [{ text: MAIN_MAIL2 }] });
      await refresh;
      assert.ok(refreshes > before);
      assert.deepEqual(brokenCodes(await pullDoc(scenarioUri)), ['scenario-broken 6', 'scenario-broken 24', 'scenario-broken 42']);
      client.notify('textDocument/didChange', { textDocument: { uri: scenarioUri, version: 2 }, contentChanges: [{ text: SCENARIOS }] });
      const own = await pullDoc(scenarioUri);
      assert.deepEqual(brokenCodes(own), ['scenario-broken 6', 'scenario-broken 24', 'scenario-broken 42']);
      assert.match(own[0].message, /expected 454 4\.7\.1, got 450 4\.7\.25/);
      client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 4 }, contentChanges: [{ text: MAIN }] });
      assert.deepEqual(await pullDoc(scenarioUri), []);
    });

    it('follows a lookup table the configuration names, read beside main.cf', async () => {
      const withTable = MAIN.replace(/^smtpd_relay_restrictions = /m, 'smtpd_relay_restrictions = check_client_access hash:/etc/postfix/client_access, ');
      assert.notEqual(withTable, MAIN);
      client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 5 }, contentChanges: [{ text: withTable }] });
      assert.deepEqual(await pullDoc(scenarioUri), []);
      const tableUri = uri('client_access');
      const refresh = nextRefresh();
      client.open(tableUri, 'postfix-map', '192.168.255.200 OK\n');
      client.notify('textDocument/didChange', { textDocument: { uri: tableUri, version: 2 }, contentChanges: [{ text: '192.168.255.200 OK\n' }] });
      await refresh;
      const items = await pullDoc(scenarioUri);
      // The table lets vm25 through the relay list: mail2.org now meets the recipient lists' refusals.
      assert.deepEqual(brokenCodes(items), ['scenario-broken 6', 'scenario-broken 24', 'scenario-broken 42']);
      assert.match(items[0].message, /expected 454 4\.7\.1, got 554 5\.7\.1 <usuario@mail2\.org>: Relay access denied/);
      assert.equal(items[0].relatedInformation[0].location.uri, mainUri);
      assert.equal(items[0].relatedInformation[0].message, 'reject_unauth_destination in smtpd_recipient_restrictions decides');
    });
  });

  describe('pushed', () => {
    const { dir, scenarioUri, mainUri } = setUp('push');
    let client: LspClient;
    before(async () => {
      client = new LspClient();
      await client.initialize({}, { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'lab' }] });
    });
    after(async () => {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    it('publishes the scenario file again after an edit of main.cf', async () => {
      client.open(mainUri, 'postfix-main', MAIN);
      client.open(scenarioUri, 'json', BROKEN);
      const first: Message = await client.waitFor(diagnosticsFor(scenarioUri));
      assert.deepEqual(brokenCodes(first.params.diagnostics), ['scenario-broken 6']);
      const seen = client.notifications.length;
      client.notify('textDocument/didChange', { textDocument: { uri: mainUri, version: 2 }, contentChanges: [{ text: MAIN_MAIL2 }] });
      const next = await client.waitFor((m) => client.notifications.indexOf(m) >= seen && diagnosticsFor(scenarioUri)(m));
      assert.deepEqual(brokenCodes(next.params.diagnostics), ['scenario-broken 6', 'scenario-broken 24', 'scenario-broken 42']);
    });
  });
});
