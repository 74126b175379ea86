import { postfixCodeActions } from '../maincf/codeActions';
import type { LanguageService } from '../service';
import { masterCfCompletion } from './completion';
import { masterCfDiagnostics } from './diagnostics';
import { masterCfDefinition, masterCfFolding, masterCfFormat, masterCfHover, masterCfSymbols } from './features';

export const masterCfService: LanguageService = {
  diagnostics: masterCfDiagnostics,
  completion: masterCfCompletion,
  hover: masterCfHover,
  codeActions: postfixCodeActions,
  documentSymbols: masterCfSymbols,
  foldingRanges: masterCfFolding,
  definition: masterCfDefinition,
  format: masterCfFormat,
};
