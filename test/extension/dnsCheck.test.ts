// "Check served DNS" in a real VS Code: a zone whose serial was raised but not reloaded, against a
// real named on loopback. The SOA lens offers the check, the command shows the results view with
// the reload finding, and the lens then says "reload needed".
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { GOOD_LAB, GOOD_ZONE, LAB_SERIAL } from '../support/dnsLabZones';
import { startNamed, type Named } from '../support/named';
import { EXTENSION_ID, when } from './helpers';

export function dnsCheckSuite(): void {
  describe('Check served DNS', () => {
    let named: Named | undefined;

    before(async function () {
      try {
        named = await startNamed(GOOD_LAB);
      } catch {
        return this.skip();
      }
      await vscode.workspace.getConfiguration('mailconf.dns').update('server', `127.0.0.1:${named.port}`, vscode.ConfigurationTarget.Global);
    });
    after(async () => {
      await vscode.workspace.getConfiguration('mailconf.dns').update('server', undefined, vscode.ConfigurationTarget.Global);
      await named?.stop();
    });

    it('the SOA lens runs the check, the view shows the stale serial, the lens says reload needed', async () => {
      const bumped = GOOD_ZONE.replace(LAB_SERIAL, String(Number(LAB_SERIAL) + 1));
      const doc = await vscode.workspace.openTextDocument({ language: 'dns-zone', content: bumped });
      await vscode.window.showTextDocument(doc);
      await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
      const lensTitles = async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? []).map((l) => l.command?.title);
      const before = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const lens = before?.find((l) => l.command?.title === 'Check served serial');
      assert.ok(lens?.command, JSON.stringify(await lensTitles()));
      const answer = await vscode.commands.executeCommand<{ servedSerial: number; fileSerial: number }>(lens.command.command, ...(lens.command.arguments ?? []));
      assert.deepEqual([answer.servedSerial, answer.fileSerial], [Number(LAB_SERIAL), Number(LAB_SERIAL) + 1]);
      const resultsTab = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mailconf.dnsResults') && t.label === 'Served DNS: mail1.org.');
      assert.ok(await when(vscode.window.tabGroups.onDidChangeTabs, resultsTab), 'the results view is open');
      assert.ok((await lensTitles()).includes(`served serial ${LAB_SERIAL} (reload needed)`), JSON.stringify(await lensTitles()));
    });
  });
}
