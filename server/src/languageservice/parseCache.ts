import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Wraps a parser so each document version is parsed once, however many features ask for its tree. */
export function parsePerVersion<T>(parse: (text: string) => T): (doc: TextDocument) => T {
  const cache = new WeakMap<TextDocument, { version: number; tree: T }>();
  return (doc) => {
    const hit = cache.get(doc);
    if (hit && hit.version === doc.version) return hit.tree;
    const tree = parse(doc.getText());
    cache.set(doc, { version: doc.version, tree });
    return tree;
  };
}
