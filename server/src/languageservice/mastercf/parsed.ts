// Parses each document version once, however many features ask for its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MasterCfFile, parseMasterCf } from '../../parsers/mastercf';

const cache = new WeakMap<TextDocument, { version: number; tree: MasterCfFile }>();

export function parsedMasterCf(doc: TextDocument): MasterCfFile {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.tree;
  const tree = parseMasterCf(doc.getText());
  cache.set(doc, { version: doc.version, tree });
  return tree;
}
