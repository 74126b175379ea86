import type { LanguageService } from '../service';
import { masterCfDiagnostics } from './diagnostics';

export const masterCfService: LanguageService = {
  diagnostics: masterCfDiagnostics,
};
