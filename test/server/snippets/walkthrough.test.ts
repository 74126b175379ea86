// The walkthrough's buttons are command links; a typo in a snippet name or language id would
// only show up as a button that silently does nothing. Check every link against the manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '../../..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const manifest = json('package.json');
const nls: Record<string, Record<string, string>> = { en: json('package.nls.json'), es: json('package.nls.es.json') };

const resolve = (value: string, locale: string) => {
  const m = /^%([\w.-]+)%$/.exec(value);
  return m ? nls[locale][m[1]] : value;
};

interface Link {
  command: string;
  args: unknown;
}

function links(markdown: string): Link[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => ({
    command: m[1],
    args: m[2] ? JSON.parse(decodeURIComponent(m[2])) : undefined,
  }));
}

const snippetNames = new Map<string, Set<string>>();
for (const s of manifest.contributes.snippets as { language: string; path: string }[]) {
  const names = snippetNames.get(s.language) ?? new Set<string>();
  for (const n of Object.keys(json(s.path))) names.add(n);
  snippetNames.set(s.language, names);
}
const languages = new Set((manifest.contributes.languages as { id: string }[]).map((l) => l.id));
const ourCommands = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));

describe('walkthrough', () => {
  const walkthrough = (manifest.contributes.walkthroughs ?? []).find((w: { id: string }) => w.id === 'lab');

  it('follows the lesson: DNS, Postfix, TLS, SASL, ports, checks', () => {
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['dns', 'install', 'tls', 'sasl', 'ports', 'checks']);
  });

  for (const locale of ['en', 'es']) {
    it(`gives every step buttons that work and a completion event (${locale})`, () => {
      for (const step of walkthrough.steps) {
        const found = links(resolve(step.description, locale));
        assert.ok(found.length > 0, `${step.id}: no button`);
        assert.ok(step.completionEvents?.length > 0, `${step.id}: no completion event`);
        for (const { command, args } of found) {
          if (command === 'editor.action.insertSnippet') {
            const { langId, name } = args as { langId: string; name: string };
            assert.ok(snippetNames.get(langId)?.has(name), `${step.id}: no snippet "${name}" for ${langId}`);
          } else if (command.startsWith('mailconf.')) {
            assert.ok(ourCommands.has(command), `${step.id}: ${command} is not a contributed command`);
          } else if (command === 'workbench.action.files.newUntitledFile') {
            assert.ok(languages.has((args as { languageId: string }).languageId), `${step.id}: unknown language`);
          }
        }
        // The same buttons in both languages, so that neither is missing one.
        assert.deepEqual(found, links(resolve(step.description, 'en')), `${step.id}: buttons differ from English`);
      }
    });
  }
});
