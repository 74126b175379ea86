// Diagnostics, pulled by clients that can (VS Code) and pushed to those that cannot (Neovim 0.7).
// A change to one Postfix file re-checks the others, since main.cf and master.cf are analysed together,
// and the scenario files of the workspace, which run against them and the tables they name.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { workspaceFiles } from './workspaceFiles';
import { serviceFor } from '../languageservice/languages';
import { isScenarioFile } from '../languageservice/scenarios';
import type { ServiceContext } from '../languageservice/service';
import { guarded } from './guarded';
import { capDiagnostics, headOf, isTooLarge, tooLargeDiagnostic } from './largeDocuments';
import { routeDocument } from './routing';

const DEBOUNCE_MS = 150;

export interface DiagnosticsMode {
  pull: boolean;
  refreshSupport: boolean;
}

export function registerDiagnostics(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  context: () => ServiceContext,
  mode: () => DiagnosticsMode,
  folders: () => string[] = () => [],
): void {
  const compute = (doc: TextDocument) => {
    const service = routeDocument(doc);
    if (!service) return [];
    const { locale } = context();
    if (!isTooLarge(doc)) return capDiagnostics(guarded(connection, 'diagnostics', () => service.diagnostics(doc, context()), []), locale);
    // Too large to check in full: its head only, and a word saying so.
    const head = headOf(doc);
    const found = guarded(connection, 'diagnostics', () => service.diagnostics(head, context()), []);
    return [tooLargeDiagnostic(doc, head, locale), ...capDiagnostics(found, locale)];
  };

  connection.languages.diagnostics.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: doc ? compute(doc) : [] };
  });

  // The workspace's files that are not open, from disk; an unchanged file (same time, size and
  // language) answers 'unchanged', so the client's repeated pulls cost a directory walk. A scenario
  // file's problems also follow the configuration it runs against: it is checked on every pull and
  // its result named by what was found.
  connection.languages.diagnostics.onWorkspace((params) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const file of workspaceFiles(folders())) {
      const uri = pathToFileURL(file.path).href;
      if (documents.get(uri)) continue;
      const scenarios = isScenarioFile(file.path);
      const resultId = `${file.mtimeMs}:${file.size}:${context().locale}`;
      if (!scenarios && previous.get(uri) === resultId) {
        items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId, version: null });
        continue;
      }
      let text: string;
      try {
        text = readFileSync(file.path, 'utf8');
      } catch {
        continue;
      }
      const found = compute(TextDocument.create(uri, file.language, 0, text));
      if (!scenarios) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId, version: null, items: found });
        continue;
      }
      const id = `${context().locale}:${createHash('sha1').update(text).update('\0').update(JSON.stringify(found)).digest('hex')}`;
      if (previous.get(uri) === id) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId: id, version: null });
      else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId: id, version: null, items: found });
    }
    return { items };
  });

  const timers = new Map<string, NodeJS.Timeout>();
  /** The version last pushed per document: opening fires both onDidOpen and onDidChangeContent. */
  const pushed = new Map<string, number>();
  const push = (doc: TextDocument) => {
    pushed.set(doc.uri, doc.version);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: compute(doc) });
  };
  const schedulePush = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const current = documents.get(uri);
        if (current) push(current);
      }, DEBOUNCE_MS),
    );
  };

  documents.onDidOpen((e) => {
    if (!mode().pull) push(e.document);
  });
  documents.onDidChangeContent((e) => {
    const { pull, refreshSupport } = mode();
    const others = documents.all().filter((d) => d.uri !== e.document.uri && routeDocument(d));
    if (pull) {
      // The client pulls the edited document itself; the others only learn through a refresh.
      if (refreshSupport && (others.length > 0 || (feedsScenarios(e.document) && workspaceFiles(folders()).some((f) => isScenarioFile(f.path))))) void connection.languages.diagnostics.refresh();
      return;
    }
    if (pushed.get(e.document.uri) !== e.document.version) schedulePush(e.document.uri);
    for (const other of others) schedulePush(other.uri);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    pushed.delete(e.document.uri);
    if (!mode().pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}

/** main.cf, master.cf and lookup-table sources: what scenario files run against. */
const SCENARIO_INPUTS = new Set(['postfix-main', 'postfix-master', 'postfix-map'].map((l) => serviceFor(l)));

function feedsScenarios(doc: TextDocument): boolean {
  return SCENARIO_INPUTS.has(routeDocument(doc));
}
