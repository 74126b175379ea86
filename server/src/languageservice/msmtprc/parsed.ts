// Parses each document version once, however many features ask for its tree.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MsmtprcFile, parseMsmtprc } from '../../parsers/msmtprc';

const cache = new WeakMap<TextDocument, { version: number; tree: MsmtprcFile }>();

export function parsedMsmtprc(doc: TextDocument): MsmtprcFile {
  const hit = cache.get(doc);
  if (hit && hit.version === doc.version) return hit.tree;
  const tree = parseMsmtprc(doc.getText());
  cache.set(doc, { version: doc.version, tree });
  return tree;
}
