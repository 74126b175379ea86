import type { LanguageService } from '../service';
import { saslauthdCompletion } from './completion';
import { saslauthdDiagnostics } from './diagnostics';
import { saslauthdHover } from './hover';

export const saslauthdService: LanguageService = {
  diagnostics: saslauthdDiagnostics,
  completion: saslauthdCompletion,
  hover: saslauthdHover,
};
