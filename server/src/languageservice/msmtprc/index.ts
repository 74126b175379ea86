import type { LanguageService } from '../service';
import { suggestionFixes } from './codeActions';
import { msmtprcCompletion } from './completion';
import { msmtprcDiagnostics } from './diagnostics';
import { msmtprcHover } from './hover';
import { msmtprcScenarioLenses } from './scenarioLens';
import { msmtprcSymbols } from './symbols';

export const msmtprcService: LanguageService = {
  diagnostics: msmtprcDiagnostics,
  completion: msmtprcCompletion,
  hover: msmtprcHover,
  documentSymbols: msmtprcSymbols,
  codeActions: (doc, _range, diagnostics, ctx) => suggestionFixes(doc, diagnostics, ['msmtprc/unknown-keyword'], ctx.locale),
  codeLenses: msmtprcScenarioLenses,
};
