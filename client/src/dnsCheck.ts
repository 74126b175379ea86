// "Check served DNS" in VS Code: runs the server's mailconf.lsp.dns.check on the zone in the
// editor against the name server of mailconf.dns.server (asked once and kept per workspace, since
// the lab's name server is not the system's), and the SMTP server of mailconf.dns.smtp when set, shows a results view with a row per check (re-run,
// copy as Markdown, each finding linked to its line of the zone), and a code lens on the SOA with
// the served serial of the last run.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DnsCheckAnswer } from '../../server/src/commands/dnsCheck';
import { l10n } from './l10n';
import { esc, resultsPageHead } from './resultsPage';

export const DNS_CHECK_COMMAND = 'mailconf.dns.check';

interface Check {
  code: string;
  ok: boolean;
  severity: string;
  message: string;
  expected?: string;
  served?: string;
  line?: number;
}
interface Run {
  zone: vscode.Uri;
  server: string;
  answer: DnsCheckAnswer;
}


let panel: vscode.WebviewPanel | undefined;

export function registerDnsCheck(context: vscode.ExtensionContext, client: LanguageClient): void {
  const runs = new Map<string, Run>();
  const lensChanged = new vscode.EventEmitter<void>();

  async function serverSetting(): Promise<string | undefined> {
    const config = vscode.workspace.getConfiguration('mailconf.dns');
    const set = config.get<string>('server', '').trim();
    if (set) return set;
    const typed = await vscode.window.showInputBox({
      prompt: l10n.t('The name server to ask (ADDR[:PORT]), e.g. the lab\'s 192.168.255.1'),
      placeHolder: '192.168.255.1',
      ignoreFocusOut: true,
    });
    if (!typed?.trim()) return undefined;
    await config.update('server', typed.trim(), vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    return typed.trim();
  }

  /** Runs the check; resolves to the server's answer (for tests), or undefined when nothing ran. */
  async function check(uri?: vscode.Uri): Promise<DnsCheckAnswer | undefined> {
    const zone = uri ?? (vscode.window.activeTextEditor?.document.languageId === 'dns-zone' ? vscode.window.activeTextEditor.document.uri : undefined);
    if (!zone) {
      void vscode.window.showErrorMessage(l10n.t('Open the zone file of the mail domain first.'));
      return undefined;
    }
    const server = await serverSetting();
    if (!server) return undefined;
    try {
      const answer = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: l10n.t('Asking {0}…', server), cancellable: true },
        (_progress, token) => client.sendRequest<DnsCheckAnswer>('workspace/executeCommand', { command: 'mailconf.lsp.dns.check', arguments: [{ server, zoneUri: zone.toString(), smtp: vscode.workspace.getConfiguration('mailconf.dns', zone).get<string>('smtp', '') }] }, token),
      );
      if (!answer) return undefined;
      const run = { zone, server, answer };
      runs.set(zone.toString(), run);
      lensChanged.fire();
      show(run);
      return answer;
    } catch (err) {
      void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }

  function show(run: Run): void {
    if (!panel) {
      panel = vscode.window.createWebviewPanel('mailconf.dnsResults', l10n.t('Served DNS'), vscode.ViewColumn.Beside, { enableScripts: true });
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage(async (m: { type: string; line?: number }) => {
        const shown = current;
        if (!shown) return;
        if (m.type === 'rerun') await check(shown.zone);
        if (m.type === 'copy') {
          await vscode.env.clipboard.writeText(shown.answer.markdown);
          void vscode.window.showInformationMessage(l10n.t('DNS results copied as Markdown.'));
        }
        if (m.type === 'line' && typeof m.line === 'number') {
          const doc = await vscode.workspace.openTextDocument(shown.zone);
          const position = new vscode.Position(m.line - 1, 0);
          await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
        }
      });
    }
    current = run;
    const report = run.answer.report as { domain: string; server: string; checks: Check[] };
    panel.title = l10n.t('Served DNS: {0}', report.domain);
    panel.webview.html = html(report, panel.webview.cspSource);
    panel.reveal(undefined, true);
  }
  let current: Run | undefined;

  context.subscriptions.push(
    vscode.commands.registerCommand(DNS_CHECK_COMMAND, (uri?: vscode.Uri) => check(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.languages.registerCodeLensProvider(
      { language: 'dns-zone' },
      {
        onDidChangeCodeLenses: lensChanged.event,
        provideCodeLenses(doc) {
          const run = runs.get(doc.uri.toString());
          const { servedSerial, fileSerial, soaLine } = run?.answer ?? {};
          if (!run || soaLine === undefined) {
            const soa = /^\S*\s+(?:\d+\s+)?(?:IN\s+)?SOA\b/im.exec(doc.getText());
            if (!soa) return [];
            const line = doc.positionAt(soa.index).line;
            return [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: l10n.t('Check served serial'), command: DNS_CHECK_COMMAND, arguments: [doc.uri] })];
          }
          const title =
            servedSerial === undefined
              ? l10n.t('not served by {0}', run.server)
              : servedSerial === fileSerial
                ? l10n.t('served serial {0} (up to date)', servedSerial)
                : l10n.t('served serial {0} (reload needed)', servedSerial);
          return [new vscode.CodeLens(new vscode.Range(soaLine, 0, soaLine, 0), { title, command: DNS_CHECK_COMMAND, arguments: [doc.uri] })];
        },
      },
    ),
    lensChanged,
  );
}

function html(report: { domain: string; server: string; checks: Check[] }, cspSource: string): string {
  const { nonce, head } = resultsPageHead(cspSource);
  const failed = report.checks.filter((c) => !c.ok).length;
  const row = (c: Check) => `<tr class="${c.ok ? 'pass' : 'fail'}">
<td>${c.ok ? '<span class="ok">✔</span>' : '<span class="bad">✖</span>'}</td>
<td>${esc(c.message)}${c.line !== undefined ? ` <a href="#" data-line="${c.line}">${esc(l10n.t('line {0}', c.line))}</a>` : ''}</td>
<td><code>${esc(c.code)}</code></td><td>${esc(c.expected ?? '')}</td><td>${esc(c.served ?? '')}</td></tr>`;
  return `${head}
<h2>${esc(report.domain)} <small>(${esc(report.server)})</small></h2>
<p><button id="rerun">${esc(l10n.t('Re-run'))}</button> <button id="copy">${esc(l10n.t('Copy as Markdown'))}</button>
${esc(l10n.t('{0} passed, {1} failed', report.checks.length - failed, failed))}</p>
<table><tr><th></th><th>${esc(l10n.t('Check'))}</th><th>code</th><th>${esc(l10n.t('Expected'))}</th><th>${esc(l10n.t('Served'))}</th></tr>
${report.checks.map(row).join('\n')}
</table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('rerun').onclick = () => vscode.postMessage({ type: 'rerun' });
document.getElementById('copy').onclick = () => vscode.postMessage({ type: 'copy' });
for (const a of document.querySelectorAll('a[data-line]')) a.onclick = (e) => { e.preventDefault(); vscode.postMessage({ type: 'line', line: Number(a.dataset.line) }); };
</script></body></html>`;
}
