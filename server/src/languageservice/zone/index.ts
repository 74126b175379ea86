import type { LanguageService } from '../service';
import { zoneCodeActions } from './actions';
import { zoneCompletion } from './completion';
import { zoneDefinition } from './definition';
import { zoneDiagnostics } from './diagnostics';
import { zoneFormat } from './format';
import { zoneHover } from './hover';
import { zoneInlayHintsIfEnabled } from './settings';
import { zoneFolding, zoneSymbols } from './symbols';

export const zoneService: LanguageService = {
  diagnostics: zoneDiagnostics,
  completion: zoneCompletion,
  hover: zoneHover,
  documentSymbols: zoneSymbols,
  foldingRanges: zoneFolding,
  codeActions: zoneCodeActions,
  definition: zoneDefinition,
  format: zoneFormat,
  inlayHints: zoneInlayHintsIfEnabled,
};
