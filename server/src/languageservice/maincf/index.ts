import { pairForMainCf } from '../postfixPair';
import type { LanguageService } from '../service';
import { postfixCodeActions } from './codeActions';
import { mainCfCompletion } from './completion';
import { definitionOf, mainCfReferenceAt } from './definition';
import { mainCfDiagnostics } from './diagnostics';
import { mainCfHover } from './hover';
import { mainCfFolding, mainCfFormat, mainCfSymbols } from './outline';
import { mainCfNameAt, occurrences, renameEdit, renameProblem } from './references';

export const mainCfService: LanguageService = {
  diagnostics: mainCfDiagnostics,
  completion: mainCfCompletion,
  hover: mainCfHover,
  codeActions: postfixCodeActions,
  documentSymbols: mainCfSymbols,
  foldingRanges: mainCfFolding,
  format: mainCfFormat,
  definition(doc, pos, ctx) {
    const pair = pairForMainCf(doc, ctx.workspace);
    const name = mainCfReferenceAt(pair, pos);
    return name ? definitionOf(pair, name) : [];
  },
  references(doc, pos, includeDeclaration, ctx) {
    const pair = pairForMainCf(doc, ctx.workspace);
    const at = mainCfNameAt(pair, pos);
    if (!at) return [];
    const all = occurrences(pair, at.name, doc);
    const declaration = definitionOf(pair, at.name)[0];
    return includeDeclaration || !declaration ? all : all.filter((l) => l.uri !== declaration.uri || l.range.start.line !== declaration.range.start.line || l.range.start.character !== declaration.range.start.character);
  },
  prepareRename(doc, pos, ctx) {
    const at = mainCfNameAt(pairForMainCf(doc, ctx.workspace), pos);
    if (!at) return null;
    const problem = renameProblem(at.name);
    if (problem) throw new Error(problem);
    return at.range;
  },
  rename(doc, pos, newName, ctx) {
    const pair = pairForMainCf(doc, ctx.workspace);
    const at = mainCfNameAt(pair, pos);
    return at ? renameEdit(pair, at.name, newName, doc) : null;
  },
};
