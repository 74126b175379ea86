// Where the cursor is in master.cf: which entry, which column (0-7 the fixed fields, 8+ the
// command's arguments), and for `-o name=value` which part.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { MasterCfEntry, MasterCfFile } from '../../parsers/mastercf';
import { splitMasterFields } from '../../parsers/mastercf';

export interface MasterCursor {
  entry?: MasterCfEntry;
  /** Index of the field being typed (the one the cursor is in or about to start). */
  field: number;
  /** Text of that field up to the cursor. */
  prefix: string;
  /** The field before it, when it is `-o`. */
  afterDashO: boolean;
}

export function masterCursor(doc: TextDocument, tree: MasterCfFile, pos: Position): MasterCursor {
  const entry = tree.entries.find((e) => e.range.start.line <= pos.line && pos.line <= e.range.end.line);
  const startLine = entry && entry.range.start.line < pos.line ? entry.range.start.line : pos.line;
  const before = doc.getText({ start: { line: startLine, character: 0 }, end: pos }).replace(/\r?\n/g, ' ');
  if (/^\s/.test(before) && !entry) return { field: 8, prefix: before.trim(), afterDashO: false };
  const fields = splitMasterFields(before);
  const typing = before !== '' && !/\s$/.test(before);
  const field = typing ? fields.length - 1 : fields.length;
  const prefix = typing ? fields[fields.length - 1].text : '';
  const previous = fields[typing ? fields.length - 2 : fields.length - 1]?.text;
  return { entry, field: Math.max(field, 0), prefix, afterDashO: previous === '-o' };
}
