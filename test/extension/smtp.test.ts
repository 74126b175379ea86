// The SMTP connection test in a real VS Code: the master.cf code lens runs the matching profile
// against the loopback Postfix + Dovecot lab through the language server, and the results view opens.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { startSmtpLab, type SmtpLab } from '../support/lab/smtpLab';
import { EXTENSION_ID, when } from './helpers';

interface RunShape {
  results: { port: number; ok: boolean; expect: { profile: string; ok: boolean } | null; stages: { name: string; ok: boolean }[] }[];
}

export function smtpSuite(): void {
  describe('SMTP connection tests', () => {
    let lab: SmtpLab | undefined;

    before(async function () {
      const available = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v postfix && command -v dovecot'], { stdio: 'ignore' }).status === 0;
      if (!available) return this.skip();
      lab = await startSmtpLab();
      const server = {
        name: 'lab',
        host: lab.host,
        servername: lab.servername,
        ports: [lab.ports.smtp, lab.ports.smtps, lab.ports.submission],
        user: lab.user,
        tls: { ca: `${lab.paths.tls}/good.pem` },
      };
      await vscode.workspace.getConfiguration('mailconf').update('servers', [server], vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('mailconf.smtp.setPassword', 'lab', lab.password);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('mailconf').update('servers', undefined, vscode.ConfigurationTarget.Global);
      lab?.stop();
    });

    it('registers the SMTP commands', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const id of ['mailconf.smtp.test', 'mailconf.smtp.testPort', 'mailconf.smtp.showResults']) assert.ok(all.includes(id), id);
    });

    it('runs the submission profile from the "▶ Test port" lens of a master.cf line and shows the results', async () => {
      const port = lab!.ports.submission;
      const doc = await vscode.workspace.openTextDocument({
        language: 'postfix-master',
        content: `127.0.0.1:${port} inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_auth_only=yes\n`,
      });
      await vscode.window.showTextDocument(doc);
      // activate() resolves once the language client runs, so the server's lenses are registered.
      await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
      const lens = lenses.find((l) => l.command?.title === `▶ Test port ${port}`);
      assert.ok(lens?.command, `a lens for port ${port}`);
      const run = await vscode.commands.executeCommand<RunShape>(lens.command.command, ...(lens.command.arguments ?? []));
      assert.equal(run.results.length, 1);
      assert.equal(run.results[0].expect?.profile, 'submission');
      assert.ok(run.results[0].ok, JSON.stringify(run.results[0].stages));
      const resultsTab = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mailconf.smtpResults'));
      assert.ok(await when(vscode.window.tabGroups.onDidChangeTabs, resultsTab), 'the results view is open');
    });
  });
}
