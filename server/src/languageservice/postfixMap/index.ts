import type { LanguageService } from '../service';
import { mapCompletion } from './completion';
import { suggestionFixes } from '../msmtprc/codeActions';
import { mapDiagnostics } from './diagnostics';
import { mapHover } from './hover';

export const postfixMapService: LanguageService = {
  diagnostics: mapDiagnostics,
  completion: mapCompletion,
  hover: mapHover,
  codeActions: (doc, _range, diagnostics, ctx) => suggestionFixes(doc, diagnostics, ['map/unknown-access-action', 'map/alias-format'], ctx.locale),
};
