// Parses each document version once, however many features ask for its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MapFile, parsePostfixMap } from '../../parsers/postfixMap';

const cache = new WeakMap<TextDocument, { version: number; tree: MapFile }>();

export function parsedMap(doc: TextDocument): MapFile {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.tree;
  const tree = parsePostfixMap(doc.getText());
  cache.set(doc, { version: doc.version, tree });
  return tree;
}
