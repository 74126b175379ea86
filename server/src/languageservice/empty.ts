// The service of a language whose analyses have not been written yet: it reports nothing.
import type { LanguageService } from './service';

export const emptyService: LanguageService = {
  diagnostics: () => [],
};
