// Parses each document version once, however many features ask for its tree; a new version is
// re-parsed incrementally from the previous one (see incremental.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MainCfFile } from '../../parsers/maincf';
import { mainCfTree } from '../../parsers/treeOf';
import { reparseMainCf } from './incremental';

const cache = new WeakMap<TextDocument, { version: number; text: string; tree: MainCfFile }>();

export function parsedMainCf(doc: TextDocument): MainCfFile {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.tree;
  const text = doc.getText();
  const tree = hit ? reparseMainCf(hit.text, hit.tree, text) : mainCfTree(text);
  cache.set(doc, { version: doc.version, text, tree });
  return tree;
}
