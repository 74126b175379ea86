// The session simulator in a real VS Code: the ▶ Simulate lenses the server puts on the lab's
// master.cf and main.cf, the command answering vm25's session to mail2.org with the relay list's
// 454 in the results view, and scenario files run as tests (the lab's pass; a broken
// expectation fails with the scenario's and the deciding line's locations).
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, when, workspaceFile } from './helpers';

interface Answer {
  path: { stages: { stage: string; reply: string; lists: { name: string; state: string }[] }[] };
}
interface Report {
  passed: string[];
  failed: string[];
  errored: string[];
  error?: string;
}

const VM25 = { port: 25, client: { address: '192.168.255.200' }, helo: 'localhost', tls: true, from: 'usuario@mail1.org', to: ['usuario@mail2.org'] };

async function lensesOf(uri: vscode.Uri, title: string): Promise<vscode.CodeLens[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => l.command?.title === title);
}

export function simulateSuite(): void {
  describe('Session simulator', () => {
    it('registers its commands', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const id of ['mailconf.simulate', 'mailconf.scenarios.run', 'mailconf.scenarios.fromMsmtprc']) assert.ok(all.includes(id), id);
    });

    it("runs vm25's session from master.cf's smtp lens and shows the relay list deciding", async () => {
      const lenses = await lensesOf(workspaceFile('master.cf'), '▶ Simulate');
      assert.deepEqual(lenses.map((l) => (l.command!.arguments![0] as { service: string }).service), ['smtp', 'urd', 'submission']);
      const lensArgs = lenses[0].command!.arguments![0] as { uri: string; service: string };
      const answer = await vscode.commands.executeCommand<Answer>('mailconf.simulate', { ...VM25, uri: lensArgs.uri, service: lensArgs.service, port: undefined });
      const rcpt = answer.path.stages.find((s) => s.stage === 'rcpt')!;
      assert.equal(rcpt.reply, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
      assert.deepEqual(rcpt.lists.slice(3).map((l) => [l.name, l.state]), [['smtpd_relay_restrictions', 'decided'], ['smtpd_recipient_restrictions', 'not reached']]);
      const tab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mailconf.simulation'));
      assert.ok(await when(vscode.window.tabGroups.onDidChangeTabs, tab), 'the results view is open');
    });

    it("puts a lens on main.cf's restriction lists, naming the services that use each", async () => {
      const lenses = await lensesOf(workspaceFile('main.cf'), '▶ Simulate');
      assert.deepEqual(
        lenses.map((l) => l.command!.arguments![0] as { list: string; services: string[] }).map((a) => [a.list, a.services]),
        [
          ['smtpd_relay_restrictions', ['smtp', 'urd', 'submission']],
          ['smtpd_recipient_restrictions', ['urd', 'submission']],
        ],
      );
    });

    it("runs the lab's scenario file as tests: all seven pass", async () => {
      const report = await vscode.commands.executeCommand<Report>('mailconf.scenarios.run', workspaceFile('mailflow.scenarios.json'));
      assert.deepEqual([report.passed.length, report.failed, report.errored], [7, [], []], report.error);
    });

    it('fails a scenario whose expectation no longer holds, and errors on a broken file', async () => {
      const broken = workspaceFile('broken.scenarios.json');
      const scenario = { name: 'vm25 to mail2.org, wrongly expected to be taken', port: 25, client: '192.168.255.200', helo: 'localhost', from: 'usuario@mail1.org', to: ['usuario@mail2.org'], expect: { 'usuario@mail2.org': 'accepted' } };
      await vscode.workspace.fs.writeFile(broken, Buffer.from(JSON.stringify({ scenarios: [scenario] }, null, 2)));
      try {
        const report = await vscode.commands.executeCommand<Report>('mailconf.scenarios.run', broken);
        assert.deepEqual(report, { passed: [], failed: [scenario.name], errored: [] });
        await vscode.workspace.fs.writeFile(broken, Buffer.from('{"scenarios": [{"name": 1}]}'));
        const none = await vscode.commands.executeCommand<Report>('mailconf.scenarios.run', broken);
        assert.deepEqual([none.passed, none.failed, none.errored], [[], [], ['broken.scenarios.json']]);
        assert.match(none.error ?? '', /scenario 1: needs name/);
      } finally {
        await vscode.workspace.fs.delete(broken);
      }
    });

    it('reports a broken expectation while the scenario file is being edited, before it is saved', async () => {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('mailflow.scenarios.json'));
      const editor = await vscode.window.showTextDocument(doc);
      const at = doc.getText().indexOf('"454 4.7.1"');
      assert.ok(at > 0, 'the lab expects 454 4.7.1 somewhere');
      const broken = () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'scenario-broken');
      // No auto save: the diagnostic must come from the buffer, not from the file on disk.
      const files = vscode.workspace.getConfiguration('files');
      const autoSave = files.inspect('autoSave')?.workspaceValue;
      await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
      try {
        await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"454 4.7.1"'.length)), '"accepted"'));
        const d = await when(vscode.languages.onDidChangeDiagnostics, broken, 10_000);
        assert.ok(doc.isDirty, 'still unsaved');
        assert.equal(d.range.start.line, doc.positionAt(at).line);
        assert.match(d.relatedInformation?.[0]?.location.uri.path ?? '', /main\.cf$/);
      } finally {
        await vscode.commands.executeCommand('undo');
        await when(vscode.languages.onDidChangeDiagnostics, () => (broken() ? undefined : true));
        await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Workspace);
      }
    });

    it("makes msmtp.scenarios.json from an msmtprc's accounts, beside main.cf, and its scenarios pass", async () => {
      const rc = workspaceFile('.msmtprc');
      await vscode.workspace.fs.writeFile(rc, Buffer.from('defaults\n  tls on\n  from usuario@mail1.org\n  user usuario\n\naccount vm25\n  auth off\n\naccount vm587\n  port 587\n  auth on\n'));
      const made = workspaceFile('msmtp.scenarios.json');
      try {
        const doc = await vscode.workspace.openTextDocument(rc);
        assert.equal(doc.languageId, 'msmtprc');
        const lenses = await lensesOf(rc, '▶ Create simulator scenarios from these accounts');
        assert.deepEqual(lenses.map((l) => l.command!.command), ['mailconf.scenarios.fromMsmtprc']);
        const written = await vscode.commands.executeCommand<vscode.Uri>('mailconf.scenarios.fromMsmtprc', { uri: rc.toString(), mainUri: workspaceFile('main.cf').toString(), client: '192.168.255.200', to: ['usuario@mail2.org'] });
        assert.equal(written?.toString(), made.toString());
        const scenarios = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(made)).toString('utf8')).scenarios as { name: string; expect: Record<string, string> }[];
        assert.deepEqual(scenarios.map((s) => [s.name, s.expect['usuario@mail2.org']]), [['msmtp account vm25', '454 4.7.1'], ['msmtp account vm587', 'accepted']]);
        const report = await vscode.commands.executeCommand<Report>('mailconf.scenarios.run', made);
        assert.deepEqual([report.passed.length, report.failed], [2, []]);
      } finally {
        await vscode.workspace.fs.delete(rc);
        await vscode.workspace.fs.delete(made).then(undefined, () => undefined);
      }
    });
  });
}
