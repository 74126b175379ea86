import type { LanguageService } from '../service';
import { mapCompletion } from './completion';
import { mapDiagnostics } from './diagnostics';

export const postfixMapService: LanguageService = {
  diagnostics: mapDiagnostics,
  completion: mapCompletion,
};
