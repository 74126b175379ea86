// Layer 3: the mocha suite in test/extension runs inside a real VS Code extension host, launched
// by @vscode/test-cli. Here that VS Code is code-server (through test/support/code-shim); with
// --desktop it is the desktop build that @vscode/test-electron downloads.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserLayerSkipped } from '../support/browserPeers.mjs';
import { ROOT, runProcess } from '../support/process.mjs';

export async function extensionLayer({ desktop, browserMissing }) {
  if (browserMissing && !desktop) return browserLayerSkipped(browserMissing);
  const workspace = mkdtempSync(join(tmpdir(), 'mailconf-ext-ws-'));
  cpSync(join(ROOT, 'examples/lab'), workspace, { recursive: true });
  const env = { ...process.env, MAILCONF_TEST_WORKSPACE: workspace };
  if (!desktop) {
    env.MAILCONF_CODE_SHIM = join(ROOT, 'test/support/code-shim');
  }
  try {
    const { code, out } = await runProcess(join(ROOT, 'node_modules/.bin/vscode-test'), [], { capture: true, env });
    const passed = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
    const failed = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
    // A run that never reached mocha's summary failed as a whole.
    return { passed, failed: failed > 0 || code === 0 ? failed : Math.max(1, failed) };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
