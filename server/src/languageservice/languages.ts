// Which language a file is, by the same rules as the extension manifest, for adapters that see
// paths rather than editor language ids (the CLI, the standalone server without a client).
import { basename } from 'node:path';
import type { LanguageService } from './service';
import { mainCfService } from './maincf';
import { emptyService } from './empty';

export type LanguageId = 'postfix-main' | 'postfix-master' | 'dns-zone';

export const LANGUAGE_IDS: readonly LanguageId[] = ['postfix-main', 'postfix-master', 'dns-zone'];

const services: Record<LanguageId, LanguageService> = {
  'postfix-main': mainCfService,
  'postfix-master': emptyService,
  'dns-zone': emptyService,
};

export function serviceFor(languageId: string): LanguageService | undefined {
  return (services as Record<string, LanguageService | undefined>)[languageId];
}

export function languageForPath(path: string, firstLine = ''): LanguageId | undefined {
  const name = basename(path);
  if (/^main\.cf/.test(name)) return 'postfix-main';
  if (/^master\.cf/.test(name)) return 'postfix-master';
  if (/\.zone$/.test(name) || /^db\./.test(name)) return 'dns-zone';
  if (/^\$(TTL|ORIGIN)\b/.test(firstLine)) return 'dns-zone';
  return undefined;
}
