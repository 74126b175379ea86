import type { LanguageService } from '../service';
import { aliasesCompletion } from './completion';
import { aliasesDiagnostics } from './diagnostics';
import { aliasesHover } from './hover';
import { aliasesSymbols } from './symbols';

export const aliasesService: LanguageService = {
  diagnostics: aliasesDiagnostics,
  completion: aliasesCompletion,
  hover: aliasesHover,
  documentSymbols: aliasesSymbols,
};
