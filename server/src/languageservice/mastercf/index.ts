import { TextDocument } from 'vscode-languageserver-textdocument';
import { postfixCodeActions } from '../maincf/codeActions';
import { masterCfNameAt, occurrences, renameEdit, renameProblem } from '../maincf/references';
import { pairForMasterCf } from '../postfixPair';
import type { LanguageService } from '../service';
import { masterCfCompletion } from './completion';
import { masterCfDiagnostics } from './diagnostics';
import { masterCfDefinition, masterCfFolding, masterCfHover, masterCfSymbols } from './features';
import { masterCfFormat } from './format';

export const masterCfService: LanguageService = {
  diagnostics: masterCfDiagnostics,
  completion: masterCfCompletion,
  hover: masterCfHover,
  codeActions: postfixCodeActions,
  documentSymbols: masterCfSymbols,
  foldingRanges: masterCfFolding,
  definition: masterCfDefinition,
  format: masterCfFormat,
  references(doc, pos, _includeDeclaration, ctx) {
    const pair = pairForMasterCf(doc, ctx.workspace);
    const at = masterCfNameAt(pair, pos);
    const mainText = pair.mainUri ? ctx.workspace.readText(pair.mainUri) : undefined;
    const mainDoc = mainText === undefined ? undefined : TextDocument.create(pair.mainUri!, 'postfix-main', 0, mainText);
    return at ? occurrences(pair, at.name, mainDoc) : [];
  },
  prepareRename(doc, pos, ctx) {
    const at = masterCfNameAt(pairForMasterCf(doc, ctx.workspace), pos);
    if (!at) return null;
    const problem = renameProblem(at.name);
    if (problem) throw new Error(problem);
    return at.range;
  },
  rename(doc, pos, newName, ctx) {
    const pair = pairForMasterCf(doc, ctx.workspace);
    const at = masterCfNameAt(pair, pos);
    const mainText = pair.mainUri ? ctx.workspace.readText(pair.mainUri) : undefined;
    const mainDoc = mainText === undefined ? undefined : TextDocument.create(pair.mainUri!, 'postfix-main', 0, mainText);
    return at ? renameEdit(pair, at.name, newName, mainDoc) : null;
  },
};
