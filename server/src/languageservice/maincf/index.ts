import { pairForMainCf } from '../postfixPair';
import type { LanguageService } from '../service';
import { postfixCodeActions } from './codeActions';
import { mainCfCompletion } from './completion';
import { definitionOf, mainCfReferenceAt } from './definition';
import { mainCfDiagnostics } from './diagnostics';
import { mainCfHover } from './hover';
import { mainCfFolding, mainCfFormat, mainCfSymbols } from './outline';

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
};
