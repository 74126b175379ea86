// The session's path, drawn as the lesson's figure: reception by smtpd (each command, the
// restriction lists it runs in smtpd's order with the deciding restriction highlighted and the
// lists it kept from running greyed, and the reply), then for each accepted recipient cleanup's
// rewriting, trivial-rewrite's address class and the transport. Every name links to its line.
// The path comes worked out from the language server (sessionPath.ts); this file only draws it.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { esc, resultsPageHead } from '../resultsPage';
import type { ListState, Located, PathList, PathStage, SessionPath } from '../../../server/src/postfix/simulator/sessionPath';

export interface SimulationView {
  /** What the view shows above the path: the scenario's name, or the session asked for. */
  heading: string;
  path: SessionPath;
  transcript: string;
  /** Scenario failures, when it comes from a scenario file. */
  failures?: string[];
  rerun?: () => void;
}

let panel: vscode.WebviewPanel | undefined;
let shown: SimulationView | undefined;
let lastHtml = '';

/** The HTML last shown, for tests. */
export function lastSimulationHtml(): string {
  return lastHtml;
}

/** A file of the simulation: a URI from the language server, or a path from elsewhere. */
export function fileUri(file: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

async function reveal(file: string, line: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(fileUri(file));
  const at = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
}

export function showSimulation(view: SimulationView): void {
  shown = view;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('mailconf.simulation', l10n.t('Session simulation'), vscode.ViewColumn.Beside, { enableScripts: true });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (m: { type: string; file?: string; line?: number }) => {
      if (m.type === 'open' && typeof m.file === 'string' && typeof m.line === 'number') await reveal(m.file, m.line);
      if (m.type === 'rerun') shown?.rerun?.();
    });
  }
  panel.title = l10n.t('Simulation: {0}', view.path.service.name);
  lastHtml = html(view, panel.webview.cspSource);
  panel.webview.html = lastHtml;
  panel.reveal(undefined, true);
}

const fileName = (file: string) => decodeURIComponent(file.slice(file.lastIndexOf('/') + 1));

/** `text` linked to its line, or plain when it has none (a built-in default). */
function linked(text: string, at: Located, title?: string): string {
  if (!at.file || !at.line) return `<span${title ? ` title="${esc(title)}"` : ''}>${text}</span>`;
  const where = `${fileName(at.file)}:${at.line}`;
  return `<a href="#" data-file="${esc(at.file)}" data-line="${at.line}" title="${esc(title ? `${title} (${where})` : where)}">${text}</a>`;
}

const where = (at: Located) => (at.file && at.line ? `<small class="where">${esc(`${fileName(at.file)}:${at.line}`)}</small>` : `<small class="where">${esc(l10n.t('built-in default'))}</small>`);

// (thunks: the language is read when the view is drawn)
const STATE_LABELS: Record<ListState, () => string> = {
  decided: () => l10n.t('decided'),
  permitted: () => l10n.t('permitted, next list'),
  passed: () => l10n.t('no decision, next list'),
  'not reached': () => l10n.t('not reached'),
  empty: () => l10n.t('empty'),
  'not simulated': () => l10n.t('runs after the message data (not simulated)'),
};

const RESULT_LABELS: Record<string, () => string> = {
  permit: () => l10n.t('permit'),
  reject: () => l10n.t('reject'),
  defer: () => l10n.t('defer'),
  dunno: () => l10n.t('no decision'),
  warn: () => l10n.t('would reject (warn_if_reject: only logged)'),
  skipped: () => l10n.t('skipped'),
  'depends on DNS': () => l10n.t('depends on DNS'),
  error: () => l10n.t('server configuration error'),
};

function list(l: PathList): string {
  const items = l.restrictions.map((r) => {
    const words = [r.restriction, r.argument].filter(Boolean).join(' ');
    const label = RESULT_LABELS[r.result]?.() ?? '';
    return `<li class="restriction${r.decisive ? ' decisive' : ''} result-${esc(r.result.replace(/ /g, '-'))}">${linked(`<code>${esc(words)}</code>`, r)}${r.via ? ` <small>(${esc(l10n.t('in {0}', r.via))})</small>` : ''}${label ? ` <span class="result">${esc(label)}</span>` : ''}${r.detail ? ` <small class="detail">${esc(r.detail)}</small>` : ''}</li>`;
  });
  return `<div class="list ${l.state.replace(/ /g, '-')}" data-list="${esc(l.name)}" data-state="${esc(l.state)}">
<div class="list-head">${linked(`<code>${esc(l.name)}</code>`, l)} ${where(l)} <span class="state">${esc(STATE_LABELS[l.state]())}</span></div>
${items.length ? `<ol>${items.join('')}</ol>` : ''}</div>`;
}

function replyClass(reply: string): string {
  return /^[23]/.test(reply) ? 'ok' : 'bad';
}

function stage(s: PathStage): string {
  const command = s.stage === 'connect' ? l10n.t('connection from {0}', s.argument) : s.command;
  return `<div class="stage" data-stage="${esc(s.stage)}">
<div class="command">C: <code>${esc(command)}</code></div>
${s.lists.map(list).join('\n')}
<div class="reply ${replyClass(s.reply)}">S: <code>${esc(s.reply)}</code></div></div>`;
}

function delivery(path: SessionPath): string {
  if (path.delivery.length === 0) return `<p class="none">${esc(l10n.t('No recipient was accepted: nothing goes on to cleanup.'))}</p>`;
  return path.delivery
    .map((d) => {
      const rewrites = d.rewrites.length
        ? d.rewrites.map((r) => `<li><code>${esc(r.from)}</code> → <code>${esc(r.to)}</code> <small>(${esc(r.map)})</small></li>`).join('')
        : `<li class="none">${esc(l10n.t('no rewriting'))}</li>`;
      return `<div class="delivery" data-recipient="${esc(d.recipient)}"><h4><code>${esc(d.recipient)}</code></h4>
<div class="box"><b>cleanup</b> <small>${esc(l10n.t('canonical and virtual alias rewriting'))}</small><ul>${rewrites}</ul></div>
<div class="arrow">↓</div>
<div class="box"><b>trivial-rewrite</b> <small>${esc(l10n.t('address class'))}</small> <code>${esc(d.addressClass)}</code>: <code>${esc(d.address)}</code></div>
<div class="arrow">↓</div>
<div class="box"><b>${esc(l10n.t('transport'))}</b> ${linked(`<code>${esc(d.transport)}</code>`, d.origin)}, ${esc(l10n.t('next hop {0}', d.nexthop))} ${where(d.origin)}</div></div>`;
    })
    .join('\n');
}

function html(view: SimulationView, cspSource: string): string {
  const { nonce, head } = resultsPageHead(
    cspSource,
    `.phase { border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: .3em .8em; margin: .3em 0; }
.arrow { text-align: center; opacity: .7; }
.stage { border-left: 3px solid var(--vscode-panel-border); margin: .5em 0; padding-left: .6em; }
.list { margin: .2em 0 .2em 1em; padding: .1em .4em; border-left: 2px solid var(--vscode-panel-border); }
.list ol { margin: .1em 0; padding-left: 1.6em; }
.restriction { line-height: 1.6; } code { line-height: 1.4; display: inline-block; }
.list.decided { border-left-color: var(--vscode-testing-iconFailed, red); }
.list.not-reached, .list.empty, .list.not-simulated { opacity: .55; }
.state { font-style: italic; opacity: .8; }
.decisive { background: var(--vscode-editor-findMatchHighlightBackground, rgba(255, 200, 0, .3)); outline: 1px solid var(--vscode-editor-findMatchBorder, orange); font-weight: bold; }
.reply.bad code { color: var(--vscode-testing-iconFailed, red); } .reply.ok code { color: var(--vscode-testing-iconPassed, green); }
.box { border: 1px solid var(--vscode-panel-border); padding: .2em .5em; display: inline-block; }
.where { opacity: .7; } .failures { color: var(--vscode-testing-iconFailed, red); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
`,
  );
  const p = view.path;
  const service = linked(`<code>${esc(p.service.name)}</code>`, p.service);
  const failures = view.failures?.length ? `<ul class="failures">${view.failures.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '';
  const notes = [
    ...(p.dependsOnDns ? [l10n.t('The outcome depends on DNS or an outside service: the restrictions marked "depends on DNS" say what a failing answer would do.')] : []),
    ...p.warnings.map((w) => l10n.t('warning: {0}', w)),
  ];
  const reception = p.fatal
    ? `<p class="bad">${esc(l10n.t('smtpd does not start with this configuration: {0}', p.fatal))}</p>`
    : p.stages.map(stage).join('\n<div class="arrow">↓</div>\n');
  return `${head}
<h2>${esc(view.heading)}</h2>
<p>${esc(l10n.t('Service'))} ${service}${p.service.port ? ` (${esc(l10n.t('port {0}', p.service.port))})` : ''} ${view.rerun ? `<button id="rerun">${esc(l10n.t('Re-run'))}</button>` : ''}</p>
${failures}
${notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
<div class="phase reception"><h3>${esc(l10n.t('Reception: smtpd and its restrictions'))}</h3>
${reception}</div>
<div class="arrow">↓</div>
<div class="phase delivery-phase"><h3>${esc(l10n.t('Delivery: cleanup, rewriting and transport'))}</h3>
${delivery(p)}</div>
<details><summary>${esc(l10n.t('Transcript'))}</summary><pre>${esc(view.transcript)}</pre></details>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const rerun = document.getElementById('rerun');
if (rerun) rerun.onclick = () => vscode.postMessage({ type: 'rerun' });
for (const a of document.querySelectorAll('a[data-file]')) a.onclick = (e) => { e.preventDefault(); vscode.postMessage({ type: 'open', file: a.dataset.file, line: Number(a.dataset.line) }); };
</script></body></html>`;
}
