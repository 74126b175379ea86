// Scenario files (*.scenarios.json) in the Testing view: a test item per file and per scenario,
// run by the language server's mailconf.lsp.scenarios.run against the configuration beside the
// file. A failure says which expectation broke, at the scenario, and where the deciding
// restriction is written; the transcript goes to the run's output. Running a single scenario also
// shows its path.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ScenarioRunAnswer, ScenarioRunEntry } from '../../../server/src/commands/scenariosRun';
import { l10n } from '../l10n';
import { fileUri, showSimulation } from './resultsView';

export const SCENARIO_GLOB = '**/*.scenarios.json';

/** What a run reports, for tests: the scenarios that ran, by file. */
export interface ScenarioRunReport {
  passed: string[];
  failed: string[];
  errored: string[];
  /** Why the file could not be read as scenarios. */
  error?: string;
}

export class ScenarioTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('mailconf.scenarios', l10n.t('Mail flow scenarios'));
  private readonly disposables: vscode.Disposable[] = [this.controller];

  constructor(private readonly client: LanguageClient) {
    this.controller.resolveHandler = async (item) => {
      if (item) await this.refresh(item.uri!);
      else await this.discover();
    };
    this.controller.refreshHandler = () => this.discover();
    this.controller.createRunProfile(l10n.t('Run'), vscode.TestRunProfileKind.Run, (request, token) => void this.run(request, token), true);
    const watcher = vscode.workspace.createFileSystemWatcher(SCENARIO_GLOB);
    watcher.onDidCreate((uri) => void this.refresh(uri));
    watcher.onDidChange((uri) => void this.refresh(uri));
    watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString()));
    this.disposables.push(
      watcher,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.path.endsWith('.scenarios.json')) void this.refresh(e.document.uri);
      }),
    );
    // At once, not only when the Testing view first opens: "Run All Tests" from the palette needs the items too.
    void this.discover();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async discover(): Promise<void> {
    const files = await vscode.workspace.findFiles(SCENARIO_GLOB, '**/node_modules/**');
    await Promise.all(files.map((f) => this.refresh(f)));
  }

  private ask(args: { uri: string; names?: string[]; listOnly?: boolean }, token?: vscode.CancellationToken): Promise<ScenarioRunAnswer> {
    const params = { command: 'mailconf.lsp.scenarios.run', arguments: [args] };
    // (an explicit undefined token would be taken for a second positional parameter)
    return token ? this.client.sendRequest<ScenarioRunAnswer>('workspace/executeCommand', params, token) : this.client.sendRequest<ScenarioRunAnswer>('workspace/executeCommand', params);
  }

  /** The file's item with a child per scenario; a file the server cannot read shows its error. */
  async refresh(uri: vscode.Uri): Promise<vscode.TestItem> {
    const file = this.controller.items.get(uri.toString()) ?? this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
    this.controller.items.add(file);
    try {
      const answer = await this.ask({ uri: uri.toString(), listOnly: true });
      file.error = undefined;
      file.children.replace(
        answer.scenarios.map((s) => {
          const item = this.controller.createTestItem(`${uri.toString()}#${s.index}`, s.name, uri);
          item.range = new vscode.Range(s.position.line, s.position.character, s.position.line, s.position.character);
          return item;
        }),
      );
    } catch (err) {
      file.children.replace([]);
      file.error = err instanceof Error ? err.message : String(err);
    }
    return file;
  }

  /** Runs the request's scenarios, file by file; resolves when the run has ended. */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<ScenarioRunReport> {
    const report: ScenarioRunReport = { passed: [], failed: [], errored: [] };
    const run = this.controller.createTestRun(request);
    const excluded = new Set(request.exclude?.map((i) => i.id));
    const wanted: vscode.TestItem[] = [];
    const collect = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      if (item.children.size === 0 && item.parent) wanted.push(item);
      else item.children.forEach(collect);
    };
    if (request.include) request.include.forEach(collect);
    else this.controller.items.forEach(collect);
    const byFile = new Map<string, vscode.TestItem[]>();
    for (const item of wanted) byFile.set(item.parent!.id, [...(byFile.get(item.parent!.id) ?? []), item]);
    try {
      for (const [uri, items] of byFile) {
        if (token.isCancellationRequested) break;
        items.forEach((i) => run.started(i));
        let answer: ScenarioRunAnswer;
        const started = Date.now();
        try {
          answer = await this.ask({ uri, names: items.map((i) => i.label) }, token);
        } catch (err) {
          for (const i of items) {
            run.errored(i, new vscode.TestMessage(err instanceof Error ? err.message : String(err)));
            report.errored.push(i.label);
          }
          continue;
        }
        const ms = (Date.now() - started) / Math.max(1, items.length);
        for (const item of items) {
          const entry = answer.scenarios.find((s) => `${uri}#${s.index}` === item.id);
          if (!entry) {
            run.skipped(item);
            continue;
          }
          if (entry.transcript) run.appendOutput(`${entry.name}\r\n${entry.transcript.replace(/\r?\n/g, '\r\n')}\r\n`, undefined, item);
          if (entry.ok) {
            run.passed(item, ms);
            report.passed.push(entry.name);
          } else {
            run.failed(item, this.messages(entry, item), ms);
            report.failed.push(entry.name);
          }
        }
        if (wanted.length === 1) {
          const only = answer.scenarios[0];
          if (only?.path) showSimulation({ heading: only.name, path: only.path, transcript: only.transcript ?? '', failures: only.failures, rerun: () => void this.run(new vscode.TestRunRequest(items), new vscode.CancellationTokenSource().token) });
        }
      }
    } finally {
      run.end();
    }
    return report;
  }

  /** The broken expectations at the scenario, then the restriction that gave each refused recipient's reply, at its line. */
  private messages(entry: ScenarioRunEntry, item: vscode.TestItem): vscode.TestMessage[] {
    const first = new vscode.TestMessage((entry.failures ?? []).join('\n'));
    if (item.uri && item.range) first.location = new vscode.Location(item.uri, item.range);
    const out = [first];
    for (const stage of entry.path?.stages ?? []) {
      for (const list of stage.lists) {
        for (const r of list.restrictions) {
          if (!r.decisive || !r.file || !r.line) continue;
          const m = new vscode.TestMessage(l10n.t('{0}: {1} in {2} answered {3}', stage.argument, r.restriction, list.name, stage.reply));
          m.location = new vscode.Location(fileUri(r.file), new vscode.Position(r.line - 1, 0));
          out.push(m);
        }
      }
    }
    return out;
  }
}
