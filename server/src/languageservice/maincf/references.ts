// Find-references and rename for parameter names across main.cf and master.cf: where a name is
// set (a main.cf line, a master.cf -o), where it is used ($name, ${name...}), and where a
// restriction class is listed or applied. Rename is offered for user-defined names only; renaming
// a built-in parameter would change what Postfix does, not just what it is called.
import { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import { getParameter } from '../../postfix/parameters';
import type { PostfixPair } from '../postfixPair';
import { parseRestrictionList } from './restrictionList';
import { listTokens } from '../../postfix/listTokens';
import { valueRanges } from './valueText';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { typeOfSetting } from './values';

export interface NameAt {
  name: string;
  range: Range;
}

/** The parameter name under the cursor in main.cf (a setting's name or a $reference). */
export function mainCfNameAt(pair: PostfixPair, pos: Position): NameAt | undefined {
  for (const e of pair.main.entries) {
    if (contains(e.nameRange, pos)) return { name: e.name, range: e.nameRange };
    const r = e.references.find((x) => contains(x.nameRange, pos));
    if (r) return { name: r.name, range: r.nameRange };
  }
  return undefined;
}

/** The parameter name under the cursor in master.cf (a -o name or a $reference in a -o value). */
export function masterCfNameAt(pair: PostfixPair, pos: Position): NameAt | undefined {
  for (const e of pair.master?.entries ?? []) {
    if (!contains(e.range, pos)) continue;
    for (const o of e.options) {
      if (o.name && o.nameRange && contains(o.nameRange, pos)) return { name: o.name, range: o.nameRange };
      const r = o.references.find((x) => contains(x.nameRange, pos));
      if (r) return { name: r.name, range: r.nameRange };
    }
  }
  return undefined;
}

/** Every place that sets or uses `name`, in both files. `docs` gives the open document for a URI, if any. */
export function occurrences(pair: PostfixPair, name: string, mainDoc?: TextDocument): Location[] {
  const out: Location[] = [];
  if (pair.mainUri) {
    for (const e of pair.main.entries) {
      if (e.name === name) out.push(Location.create(pair.mainUri, e.nameRange));
      for (const r of e.references) if (r.name === name) out.push(Location.create(pair.mainUri, r.nameRange));
      // Restriction classes are named in smtpd_restriction_classes and applied by name in lists.
      if (mainDoc && pair.model.restrictionClasses.has(name) && (e.name === 'smtpd_restriction_classes' || typeOfSetting({ parameter: e.name, model: pair.model })?.kind === 'restrictions')) {
        const rangeOf = valueRanges(mainDoc, e.valueRange.start, e.rawValue);
        const tokens = e.name === 'smtpd_restriction_classes' ? listTokens(e.rawValue) : parseRestrictionList(e.rawValue, pair.model.restrictionClasses);
        for (const t of tokens) if (t.text === name) out.push(Location.create(pair.mainUri, rangeOf(t.start, t.end)));
      }
    }
  }
  if (pair.masterUri) {
    for (const e of pair.master?.entries ?? []) {
      for (const o of e.options) {
        if (o.name === name && o.nameRange) out.push(Location.create(pair.masterUri, o.nameRange));
        for (const r of o.references) if (r.name === name) out.push(Location.create(pair.masterUri, r.nameRange));
      }
    }
  }
  return out;
}

/** Why `name` cannot be renamed, or undefined when it can. */
export function renameProblem(name: string): string | undefined {
  if (getParameter(name)) return `'${name}' is a built-in Postfix parameter; only user-defined parameters can be renamed`;
  return undefined;
}

export function renameEdit(pair: PostfixPair, name: string, newName: string, mainDoc?: TextDocument): WorkspaceEdit {
  if (!/^[A-Za-z0-9_]+$/.test(newName)) throw new Error(`'${newName}' is not a valid parameter name (letters, digits and '_')`);
  if (getParameter(newName)) throw new Error(`'${newName}' is a built-in Postfix parameter`);
  const problem = renameProblem(name);
  if (problem) throw new Error(problem);
  const changes: Record<string, TextEdit[]> = {};
  for (const loc of occurrences(pair, name, mainDoc)) (changes[loc.uri] ??= []).push(TextEdit.replace(loc.range, newName));
  if (mainDoc) (changes[mainDoc.uri] ??= []).push(...realignedContinuations(pair, mainDoc, name, newName.length - name.length));
  return { changes };
}

/**
 * The continuation lines of `name = value` that line up under the value's first character, moved
 * by as many columns as the name grows or shrinks, so that they still line up after the rename.
 * Lines indented otherwise are the user's layout and stay as they are.
 */
function realignedContinuations(pair: PostfixPair, doc: TextDocument, name: string, delta: number): TextEdit[] {
  const edits: TextEdit[] = [];
  if (delta === 0) return edits;
  for (const e of pair.main.entries) {
    if (e.name !== name || e.valueRange.start.line !== e.range.start.line) continue;
    const column = e.valueRange.start.character;
    for (let line = e.range.start.line + 1; line <= e.range.end.line; line++) {
      const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      const indent = /^ */.exec(text)![0].length;
      if (indent !== column || /^\s*(#|$)/.test(text)) continue;
      edits.push(TextEdit.replace({ start: { line, character: 0 }, end: { line, character: indent } }, ' '.repeat(Math.max(1, column + delta))));
    }
  }
  return edits;
}
