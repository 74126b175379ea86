import type { LanguageService } from '../service';
import { msmtprcCompletion } from './completion';
import { msmtprcDiagnostics } from './diagnostics';
import { msmtprcHover } from './hover';
import { msmtprcSymbols } from './symbols';

export const msmtprcService: LanguageService = {
  diagnostics: msmtprcDiagnostics,
  completion: msmtprcCompletion,
  hover: msmtprcHover,
  documentSymbols: msmtprcSymbols,
};
