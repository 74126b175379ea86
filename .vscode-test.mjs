// Extension-host tests. Under `npm test` MAILCONF_CODE_SHIM points at test/support/code-shim, which
// runs them in code-server; `npm run test:desktop` leaves it unset so test-electron downloads
// desktop VS Code, where that is possible.
import { defineConfig } from '@vscode/test-cli';

const shim = process.env.MAILCONF_CODE_SHIM;

export default defineConfig({
  files: 'out/test/extension/suite.js',
  workspaceFolder: process.env.MAILCONF_TEST_WORKSPACE ?? 'examples/lab',
  mocha: { ui: 'bdd', timeout: 60_000, color: false },
  ...(shim ? { useInstallation: { fromPath: shim } } : { version: 'stable' }),
});
