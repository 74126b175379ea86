// Scenario files (*.scenarios.json): sessions with the outcome they must have, checked against
// the Postfix configuration beside them after every edit.
import type { LanguageService } from '../service';
import { scenarioDiagnostics } from './diagnostics';

export const scenariosService: LanguageService = { diagnostics: scenarioDiagnostics };
export { isScenarioFile, SCENARIO_FILE_PATTERN } from './files';
