import type { LanguageService } from '../service';
import { suggestionFixes } from '../msmtprc/codeActions';
import { saslConfCompletion } from './completion';
import { saslConfDiagnostics } from './diagnostics';
import { saslConfHover } from './hover';

export const saslConfService: LanguageService = {
  diagnostics: saslConfDiagnostics,
  completion: saslConfCompletion,
  hover: saslConfHover,
  codeActions: (doc, _range, diagnostics, ctx) => suggestionFixes(doc, diagnostics, ['saslconf/unknown-option'], ctx.locale),
};
