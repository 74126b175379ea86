// Wires find-references and rename (with prepareRename, so editors can refuse a built-in name
// before asking for the new one) to the document's language service.
import { Connection, ResponseError, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from '../languageservice/service';
import { guarded } from './guarded';
import { routeDocument } from './routing';

export function registerReferences(connection: Connection, documents: TextDocuments<TextDocument>, context: () => ServiceContext): void {
  const target = (uri: string) => {
    const doc = documents.get(uri);
    const service = doc && routeDocument(doc);
    return doc && service ? { doc, service } : undefined;
  };
  connection.onReferences((p) => {
    const t = target(p.textDocument.uri);
    return t ? guarded(connection, 'references', () => t.service.references?.(t.doc, p.position, p.context.includeDeclaration, context()) ?? [], []) : [];
  });
  // Rename errors are the user's answer ("a built-in parameter cannot be renamed"), so they go back as errors.
  const userError = (err: unknown) => new ResponseError(-32803, err instanceof Error ? err.message : String(err));
  connection.onPrepareRename((p) => {
    const t = target(p.textDocument.uri);
    try {
      return t?.service.prepareRename?.(t.doc, p.position, context()) ?? null;
    } catch (err) {
      throw userError(err);
    }
  });
  connection.onRenameRequest((p) => {
    const t = target(p.textDocument.uri);
    try {
      return t?.service.rename?.(t.doc, p.position, p.newName, context()) ?? null;
    } catch (err) {
      throw userError(err);
    }
  });
}
