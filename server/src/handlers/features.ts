// Wires the request-style LSP features to the document's language service.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ServiceContext } from '../languageservice/service';
import type { Position, Range } from 'vscode-languageserver-types';
import type { CompletionItem } from 'vscode-languageserver-types';
import { compactCompletion, resolveCompletion } from './compactCompletion';
import { guarded } from './guarded';
import { headOf, isTooLarge, mapPositions, windowAround } from './largeDocuments';
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
  /** A whole-document feature: on a large document, its head (the same lines, so no mapping). */
  const onDocument = <T>(uri: string, what: string, fallback: T, run: (doc: TextDocument, s: LanguageService) => T | undefined) =>
    withService(uri, what, fallback, (d, s) => run(isTooLarge(d) ? headOf(d) : d, s));
  /**
   * A feature at a position: on a large document, the lines around it, with positions moved into
   * that view (`toView`, undefined outside it) and the answer's positions moved back.
   */
  const atPosition = <T>(
    uri: string,
    at: Position,
    what: string,
    fallback: T,
    run: (doc: TextDocument, s: LanguageService, toView: (p: Position) => Position | undefined) => T | undefined,
  ) =>
    withService(uri, what, fallback, (d, s) => {
      if (!isTooLarge(d)) return run(d, s, (p) => p);
      const window = windowAround(d, at.line);
      if (!window?.toView(at)) return fallback;
      const answer = run(window.view, s, window.toView);
      return answer === undefined ? undefined : mapPositions(answer, d.uri, window.fromView);
    });

  connection.onCompletion((p) =>
    compactCompletion(atPosition(p.textDocument.uri, p.position, 'completion', [] as CompletionItem[], (d, s, toView) => s.completion?.(d, toView(p.position)!, context()))),
  );
  connection.onCompletionResolve(resolveCompletion);
  connection.onHover((p) => atPosition(p.textDocument.uri, p.position, 'hover', null, (d, s, toView) => s.hover?.(d, toView(p.position)!, context())));
  connection.onDocumentSymbol((p) => onDocument(p.textDocument.uri, 'documentSymbol', [], (d, s) => s.documentSymbols?.(d)));
  connection.onFoldingRanges((p) => onDocument(p.textDocument.uri, 'foldingRange', [], (d, s) => s.foldingRanges?.(d)));
  connection.onCodeAction((p) =>
    atPosition(p.textDocument.uri, p.range?.start, 'codeAction', [], (d, s, toView) => {
      const inView = (r: Range): Range | undefined => {
        const start = toView(r.start);
        const end = toView(r.end);
        return start && end ? { start, end } : undefined;
      };
      const range = inView(p.range) ?? { start: toView(p.range.start)!, end: toView(p.range.start)! };
      const diagnostics = p.context.diagnostics.flatMap((x) => {
        const r = inView(x.range);
        return r ? [{ ...x, range: r }] : [];
      });
      return s.codeActions?.(d, range, diagnostics, context());
    }),
  );
  connection.onDefinition((p) =>
    atPosition(p.textDocument.uri, p.position, 'definition', [], (d, s, toView) => s.definition?.(d, toView(p.position)!, context())),
  );
  connection.onCodeLens((p) => onDocument(p.textDocument.uri, 'codeLens', [], (d, s) => s.codeLenses?.(d, context())));
  connection.languages.inlayHint.on((p) =>
    withService(p.textDocument.uri, 'inlayHint', [], (d, s) => (isTooLarge(d) ? [] : s.inlayHints?.(d, p.range, context()))),
  );
  // Formatting a head would treat its cut as the end of the file: large documents are left alone.
  connection.onDocumentFormatting((p) =>
    withService(p.textDocument.uri, 'formatting', [], (d, s) => (isTooLarge(d) ? [] : s.format?.(d, p.options))),
  );
}
