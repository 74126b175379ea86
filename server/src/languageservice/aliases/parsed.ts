// Parses each document version once, however many features ask for its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AliasesFile, parseAliases } from '../../parsers/aliases';

const cache = new WeakMap<TextDocument, { version: number; tree: AliasesFile }>();

export function parsedAliases(doc: TextDocument): AliasesFile {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.tree;
  const tree = parseAliases(doc.getText());
  cache.set(doc, { version: doc.version, tree });
  return tree;
}
