import type { LanguageService } from '../service';
import { mainCfCompletion } from './completion';
import { mainCfDiagnostics } from './diagnostics';
import { mainCfHover } from './hover';

export const mainCfService: LanguageService = {
  diagnostics: mainCfDiagnostics,
  completion: mainCfCompletion,
  hover: mainCfHover,
};
