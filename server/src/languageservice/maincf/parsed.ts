// Parses each document version once, however many features ask for its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MainCfFile, parseMainCf } from '../../parsers/maincf';

const cache = new WeakMap<TextDocument, { version: number; tree: MainCfFile }>();

export function parsedMainCf(doc: TextDocument): MainCfFile {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.tree;
  const tree = parseMainCf(doc.getText());
  cache.set(doc, { version: doc.version, tree });
  return tree;
}
