// The value checks of an unchanged setting give the same diagnostics on every keystroke, only
// moved by the lines inserted above it. They are kept per document and per entry (an entry that
// an edit only moved counts as the same), with line numbers relative to the entry, and dropped
// whenever something they depend on changes: the restriction classes, or which user-defined
// parameters stand for restriction lists.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { MainCfEntry } from '../../parsers/maincf';
import type { PostfixModel } from '../postfixModel';
import { movedFrom } from './incremental';
import { moved } from './names';
import type { PostfixCheck } from '../postfixTarget';

interface Memo {
  signature: string;
  /** Diagnostics with lines relative to the entry, by the entry as first parsed (see movedFrom). */
  byEntry: WeakMap<MainCfEntry, Diagnostic[]>;
}

const memos = new Map<string, Memo>();

/** checkValue for each entry, reusing earlier results for entries that an edit only moved. */
export function cachedValueChecks(doc: TextDocument, entries: MainCfEntry[], model: PostfixModel, judge: PostfixCheck, check: (e: MainCfEntry) => Diagnostic[]): Diagnostic[] {
  // A deprecated restriction weighs differently per target release, and messages follow the language.
  const signature = `${model.signature}|${judge.target}|${judge.locale}`;
  let memo = memos.get(doc.uri);
  if (!memo || memo.signature !== signature) {
    memo = { signature, byEntry: new WeakMap() };
    if (memos.size > 50) memos.clear();
    memos.set(doc.uri, memo);
  }
  const out: Diagnostic[] = [];
  for (const e of entries) {
    const root = movedFrom.get(e) ?? e;
    let relative = memo.byEntry.get(root);
    if (!relative) {
      relative = moved(check(e), -e.line);
      memo.byEntry.set(root, relative);
    }
    for (const d of moved(relative, e.line)) out.push(d);
  }
  return out;
}
