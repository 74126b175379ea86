// Which files are scenario files: `*.scenarios.json` (the lab's mailflow.scenarios.json), the
// name the VS Code client and the JSON schema of the manifest use too.
import { basename } from 'node:path';

export const SCENARIO_FILE_PATTERN = '**/*.scenarios.json';

export function isScenarioFile(path: string): boolean {
  return /.\.scenarios\.json$/.test(basename(path));
}
