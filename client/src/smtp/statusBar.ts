// A status-bar item with the last SMTP result of the few servers tested most recently in this window.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { SmtpRun } from './runner';

/** More would crowd the status bar; the results view still shows any run. */
export const STATUS_HOSTS = 3;

export class SmtpStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mailconf.smtpStatus', vscode.StatusBarAlignment.Left, 10);
  private readonly last = new Map<string, SmtpRun>();

  constructor(command: string) {
    this.item.name = l10n.t('Mailconf SMTP test');
    this.item.command = command;
  }

  update(run: SmtpRun): void {
    // Most recent last, and only the last few.
    this.last.delete(run.server.name);
    this.last.set(run.server.name, run);
    for (const name of [...this.last.keys()].slice(0, -STATUS_HOSTS)) this.last.delete(name);
    const runs = [...this.last.values()];
    const passed = (r: SmtpRun) => r.results.filter((x) => x.ok).length;
    const allOk = runs.every((r) => passed(r) === r.results.length);
    this.item.text = `$(${allOk ? 'pass' : 'error'}) SMTP ${runs.map((r) => `${r.server.name} ${passed(r)}/${r.results.length}`).join(' · ')}`;
    const tip = new vscode.MarkdownString();
    for (const r of runs) {
      tip.appendMarkdown(`**${r.server.name}** (${r.finished.toLocaleTimeString()})\n\n`);
      for (const x of r.results) tip.appendMarkdown(`- ${x.ok ? '✔' : '✖'} ${x.port}${x.expect ? ` ${x.expect.profile}` : ''}\n`);
      tip.appendMarkdown('\n');
    }
    this.item.tooltip = tip;
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
