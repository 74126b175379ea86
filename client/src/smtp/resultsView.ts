// The results view: a webview with a row per port, ✔/✖ and the time of each stage, the TLS
// certificate, and every failed expectation explained with the settings that usually cause it.
// Buttons re-run the same test, copy it as Markdown, or accept a self-signed certificate.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { esc, resultsPageHead } from '../resultsPage';
import { renderMarkdown } from '../../../server/src/smtp/report';
import type { ProbeResult } from '../../../server/src/smtp/types';
import type { SmtpRun } from './runner';

export interface ViewActions {
  rerun(run: SmtpRun): void;
  acceptCertificate(run: SmtpRun, result: ProbeResult): void;
}

/** One line on how a port did, in the language of the view. */
function verdict(r: ProbeResult): string {
  const failed = r.stages.find((s) => !s.ok);
  if (r.ok) return r.expect ? l10n.t('meets the {0} policy', r.expect.profile) : l10n.t('ok');
  if (failed) return l10n.t('failed at {0}', failed.name);
  return l10n.t('does not meet the {0} policy', r.expect!.profile);
}

const mark = (ok: boolean) => (ok ? '<span class="ok">✔</span>' : '<span class="bad">✖</span>');

let panel: vscode.WebviewPanel | undefined;
let shown: SmtpRun | undefined;
let lastHtml = '';

/** The HTML last shown, for tests. */
export function lastResultsHtml(): string {
  return lastHtml;
}

export function showResults(run: SmtpRun, actions: ViewActions): void {
  shown = run;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('mailconf.smtpResults', l10n.t('SMTP test'), vscode.ViewColumn.Beside, { enableScripts: true });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (m: { type: string; port?: number }) => {
      if (!shown) return;
      if (m.type === 'rerun') actions.rerun(shown);
      if (m.type === 'copy') {
        await vscode.env.clipboard.writeText(renderMarkdown(shown.results));
        void vscode.window.showInformationMessage(l10n.t('SMTP results copied as Markdown.'));
      }
      const result = shown.results.find((r) => r.port === m.port);
      if (m.type === 'accept' && result) actions.acceptCertificate(shown, result);
    });
  }
  panel.title = l10n.t('SMTP test: {0}', run.server.name);
  lastHtml = html(run, panel.webview.cspSource);
  panel.webview.html = lastHtml;
  panel.reveal(undefined, true);
}

function html(run: SmtpRun, cspSource: string): string {
  const { nonce, head } = resultsPageHead(
    cspSource,
    `.ms { text-align: right; font-variant-numeric: tabular-nums; }
section { border-top: 1px solid var(--vscode-panel-border); padding: .3em 0; }
`,
  );
  return `${head}
<h2>${esc(run.server.name)} <small>(${esc(run.server.host)}), ${esc(run.finished.toLocaleString())}</small></h2>
<p><button id="rerun">${esc(l10n.t('Re-run'))}</button> <button id="copy">${esc(l10n.t('Copy as Markdown'))}</button></p>
${overview(run.results)}
${run.results.map(section).join('\n')}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('rerun').onclick = () => vscode.postMessage({ type: 'rerun' });
document.getElementById('copy').onclick = () => vscode.postMessage({ type: 'copy' });
for (const b of document.querySelectorAll('button[data-accept]')) b.onclick = () => vscode.postMessage({ type: 'accept', port: Number(b.dataset.accept) });
</script></body></html>`;
}

const STAGES = ['connect', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo-tls', 'relay', 'auth'];

/** One row per port, one column per stage. */
function overview(results: ProbeResult[]): string {
  const head = `<tr><th>${esc(l10n.t('port'))}</th>${STAGES.map((s) => `<th>${s}</th>`).join('')}<th>${esc(l10n.t('policy'))}</th></tr>`;
  const rows = results.map((r) => {
    const cells = STAGES.map((name) => {
      const s = r.stages.find((x) => x.name === name);
      return s ? `<td title="${esc(s.detail)}">${mark(s.ok)} <span class="ms">${Math.round(s.ms)} ms</span></td>` : '<td></td>';
    });
    const policy = r.expect ? `${mark(r.expect.ok)} ${esc(r.expect.profile)}` : '';
    return `<tr class="port" data-port="${r.port}"><td>${r.port}</td>${cells.join('')}<td>${policy}</td></tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function section(r: ProbeResult): string {
  const parts = [`<section id="port-${r.port}"><h3>${mark(r.ok)} ${esc(`${r.host}:${r.port}`)} — ${esc(verdict(r))}</h3>`];
  parts.push('<table>', ...r.stages.map((s) => `<tr><td>${mark(s.ok)}</td><td>${s.name}</td><td class="ms">${s.ms} ms</td><td>${esc(s.detail)}</td></tr>`), '</table>');
  if (r.tls) {
    const t = r.tls;
    const trusted = t.trusted ? l10n.t('trusted') : l10n.t('not trusted ({0})', t.trustError ?? '');
    const name = t.hostnameMatch ? esc(l10n.t('the name {0} matches', t.checkedName)) : `<b>${esc(l10n.t('the name {0} does not match', t.checkedName))}</b>`;
    parts.push(`<p><b>TLS</b> ${esc(t.protocol)} ${esc(t.cipher)}<br>${esc(l10n.t('subject {0}', t.subject))}<br>${esc(l10n.t('issuer {0}', t.issuer))}${t.selfSigned ? ` ${esc(l10n.t('(self-signed)'))}` : ''}
<br>${esc(l10n.t('names {0}', t.altNames.join(', ')))}<br>${esc(l10n.t('valid from {0} to {1} ({2} days left)', t.validFrom.slice(0, 10), t.validTo.slice(0, 10), t.daysToExpiry))}
<br>${esc(trusted)}; ${name}
<br><small>SHA-256 ${esc(t.fingerprint256)}</small></p>`);
    if (!t.trusted && r.stages.some((s) => s.name === 'tls' && !s.ok)) {
      parts.push(`<p><button data-accept="${r.port}">${esc(l10n.t('Accept this certificate for {0}', r.host))}</button></p>`);
    }
  }
  if (r.expect?.failures.length) {
    parts.push('<ul class="failures">');
    for (const f of r.expect.failures) {
      const settings = f.settings.map((s) => `<code>${esc(s)}</code>`).join(', ');
      parts.push(`<li data-failure="${esc(f.id)}"><b>${esc(f.message)}</b><br>${esc(f.hint)}${settings ? `<br>${esc(l10n.t('Look at:'))} ${settings}` : ''}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('</section>');
  return parts.join('\n');
}
