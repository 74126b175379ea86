import type { LanguageService } from '../service';
import { zoneDiagnostics } from './diagnostics';

export const zoneService: LanguageService = {
  diagnostics: zoneDiagnostics,
};
