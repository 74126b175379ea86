// The lab walkthrough's buttons as the manifest writes them, and the text a snippet inserts: shared
// by the extension-host test (which runs each button's command) and the UI test (which clicks it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Button {
  step: string;
  label: string;
  command: string;
  args: unknown[];
}

/** The buttons of one description, with arguments decoded as the Welcome page decodes them. */
export function buttonsOf(step: string, description: string): Button[] {
  return [...description.matchAll(/\[([^\]]+)\]\(command:([\w.-]+)(?:\?([^)\s]*))?\)/g)].map(([, label, command, query]) => {
    const decoded = query ? JSON.parse(decodeURIComponent(query)) : undefined;
    return { step, label, command, args: decoded === undefined ? [] : Array.isArray(decoded) ? decoded : [decoded] };
  });
}

/**
 * The text a snippet body inserts when every tab stop keeps its default and choices their first
 * option; a bare `$1` mirrors tab stop 1's default, wherever that is defined.
 */
export function snippetText(body: string): string {
  const defaults = new Map<string, string>();
  const resolve = (): string => {
    let i = 0;
    const until = (stop: string): string => {
      let out = '';
      while (i < body.length && !stop.includes(body[i])) {
        const rest = body.slice(i);
        const mirror = /^\$(\d+)|^\$\{(\d+)\}/.exec(rest);
        const head = /^\$\{(\d+)([:|])/.exec(rest);
        if (body[i] === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
          out += body[i + 1];
          i += 2;
        } else if (mirror) {
          out += defaults.get(mirror[1] ?? mirror[2]) ?? '';
          i += mirror[0].length;
        } else if (head) {
          i += head[0].length;
          let value: string;
          if (head[2] === ':') {
            value = until('}');
            i += 1;
          } else {
            const end = body.indexOf('|}', i);
            value = body.slice(i, end).split(',')[0];
            i = end + 2;
          }
          if (!defaults.has(head[1])) defaults.set(head[1], value);
          out += value;
        } else if (rest.startsWith('${')) {
          throw new Error(`snippet syntax this test does not know: ${rest.slice(0, 20)}`);
        } else {
          out += body[i];
          i += 1;
        }
      }
      return out;
    };
    return until('');
  };
  resolve(); // the first pass learns the defaults that mirrors before their tab stop need
  return resolve();
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The body of a snippet the extension at `root` contributes, by language and name. */
export function snippetBody(root: string, language: string, name: string): string {
  const manifest = readJson(join(root, 'package.json'));
  const file = manifest.contributes.snippets.find((s: { language: string }) => s.language === language)?.path;
  if (!file) throw new Error(`no snippet file for ${language}`);
  const body = readJson(join(root, file))[name]?.body;
  if (!body) throw new Error(`no snippet named ${JSON.stringify(name)} for ${language}`);
  return Array.isArray(body) ? body.join('\n') : body;
}
