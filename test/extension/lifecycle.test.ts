import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { MailconfApi } from '../../client/src/extension';
import { EXTENSION_ID, when } from './helpers';

export function lifecycleSuite(): void {
  describe('client lifecycle', () => {
    it('contributes its commands', async () => {
      const commands = await vscode.commands.getCommands(true);
      for (const c of ['mailconf.restartServer', 'mailconf.showOutput']) assert.ok(commands.includes(c), c);
    });

    it('restarts the language server after a crash', async () => {
      const { client } = (await vscode.extensions.getExtension<MailconfApi>(EXTENSION_ID)!.activate()) as MailconfApi;
      const pid = serverPid(client);
      assert.ok(pid, 'the server reports its pid');
      const stateChanged = new vscode.EventEmitter<void>();
      const sub = client.onDidChangeState(() => stateChanged.fire());
      try {
        process.kill(pid, 'SIGKILL');
        const newPid = await when(stateChanged.event, () => {
          const p = serverPid(client);
          return client.state === State.Running && p !== pid ? p : undefined;
        });
        assert.notEqual(newPid, pid);
      } finally {
        sub.dispose();
        stateChanged.dispose();
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'postfix-main', content: 'biff = no\n' });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 1));
      assert.ok(hovers.length > 0, 'the restarted server answers');
    });
  });
}

function serverPid(client: MailconfApi['client']): number | undefined {
  return (client.initializeResult?.capabilities.experimental as { mailconf?: { pid?: number } } | undefined)?.mailconf?.pid;
}
