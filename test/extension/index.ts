// Entry point that VS Code's extension host calls with --extensionTestsPath. Suites are plain
// functions so that this bundle can register them after mocha has set up its globals.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';
import { languageSuite } from './language.test';
import { lifecycleSuite } from './lifecycle.test';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension-tests', mocha);
  languageSuite();
  lifecycleSuite();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.MAILCONF_EXTENSION_RESULTS;
      if (out) {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures }));
      }
      failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve();
    });
  });
}
