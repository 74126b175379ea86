// Layer 2: TextMate grammar snapshots. Each file under test/grammars/<language>/ is tokenized with
// syntaxes/<language>.tmLanguage.json and compared with its .snap; one file is one test.
// Update snapshots on purpose with: npx vscode-tmgrammar-snap -u -s source.<language> -g ... 'files'
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runProcess } from '../support/process.mjs';

export async function grammarLayer() {
  const result = { passed: 0, failed: 0 };
  const dir = join(ROOT, 'test/grammars');
  for (const language of readdirSync(dir)) {
    const cases = readdirSync(join(dir, language)).filter((f) => !f.endsWith('.snap'));
    if (cases.length === 0) continue;
    const { code, out } = await runProcess(
      join(ROOT, 'node_modules/.bin/vscode-tmgrammar-snap'),
      ['-s', `source.${language}`, '-g', `syntaxes/${language}.tmLanguage.json`, ...cases.map((c) => `test/grammars/${language}/${c}`)],
      { capture: true },
    );
    const passed = (out.match(/^✓ /gm) ?? []).length;
    const failed = cases.length - passed;
    result.passed += passed;
    result.failed += failed > 0 || code === 0 ? failed : 1;
  }
  return result;
}
