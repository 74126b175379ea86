// Wires the request-style LSP features to the document's language service.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ServiceContext } from '../languageservice/service';
import { guarded } from './guarded';
import { routeDocument } from './routing';

export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  context: () => ServiceContext,
): void {
  /** Looks up the document and its service; answers `fallback` when either is missing. */
  const withService = <T>(uri: string, what: string, fallback: T, run: (doc: TextDocument, s: LanguageService) => T | undefined) => {
    const doc = documents.get(uri);
    const service = doc && routeDocument(doc);
    if (!doc || !service) return fallback;
    return guarded(connection, what, () => run(doc, service) ?? fallback, fallback);
  };

  connection.onCompletion((p) =>
    withService(p.textDocument.uri, 'completion', [], (d, s) => s.completion?.(d, p.position, context())),
  );
  connection.onHover((p) => withService(p.textDocument.uri, 'hover', null, (d, s) => s.hover?.(d, p.position, context())));
  connection.onDocumentSymbol((p) => withService(p.textDocument.uri, 'documentSymbol', [], (d, s) => s.documentSymbols?.(d)));
  connection.onFoldingRanges((p) => withService(p.textDocument.uri, 'foldingRange', [], (d, s) => s.foldingRanges?.(d)));
  connection.onCodeAction((p) =>
    withService(p.textDocument.uri, 'codeAction', [], (d, s) => s.codeActions?.(d, p.range, p.context.diagnostics, context())),
  );
  connection.onDefinition((p) =>
    withService(p.textDocument.uri, 'definition', [], (d, s) => s.definition?.(d, p.position, context())),
  );
  connection.onCodeLens((p) => withService(p.textDocument.uri, 'codeLens', [], (d, s) => s.codeLenses?.(d)));
  connection.languages.inlayHint.on((p) =>
    withService(p.textDocument.uri, 'inlayHint', [], (d, s) => s.inlayHints?.(d, p.range, context())),
  );
  connection.onDocumentFormatting((p) =>
    withService(p.textDocument.uri, 'formatting', [], (d, s) => s.format?.(d, p.options)),
  );
}
