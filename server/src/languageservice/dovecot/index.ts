import type { LanguageService } from '../service';
import { suggestionFixes } from '../msmtprc/codeActions';
import { dovecotCompletion } from './completion';
import { dovecotDiagnostics } from './diagnostics';
import { dovecotHover } from './hover';
import { dovecotSymbols } from './symbols';

export const dovecotService: LanguageService = {
  diagnostics: dovecotDiagnostics,
  completion: dovecotCompletion,
  hover: dovecotHover,
  documentSymbols: dovecotSymbols,
  codeActions: (doc, _range, diagnostics, ctx) => suggestionFixes(doc, diagnostics, ['dovecot/unknown-setting', 'dovecot/unknown-section', 'dovecot/obsolete-setting'], ctx.locale),
};
