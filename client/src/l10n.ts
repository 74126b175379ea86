// The client's own strings (prompts, messages, the SMTP results view) follow mailconf.docsLanguage
// like the language server's: with `auto` VS Code's display language decides (vscode.l10n), with
// `en` or `es` the setting does, so that a Spanish lab in an English VS Code reads Spanish
// throughout. Messages are the English text, looked up in l10n/bundle.l10n.es.json for Spanish.
import * as vscode from 'vscode';
import spanish from '../../l10n/bundle.l10n.es.json';

type Args = Array<string | number | boolean>;

/** VS Code's own lookup, in its display language. */
const displayLanguage = vscode.l10n;
const BUNDLES: Record<'es', Record<string, string>> = { es: spanish };

function format(template: string, args: Args): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

/** The language the setting asks for, or undefined for `auto`. */
export function chosenLanguage(): 'en' | 'es' | undefined {
  const setting = vscode.workspace.getConfiguration('mailconf').get<string>('docsLanguage', 'auto');
  return setting === 'en' || setting === 'es' ? setting : undefined;
}

/** The language of the messages the client builds itself from server code (en or es). */
export function locale(): 'en' | 'es' {
  return chosenLanguage() ?? (vscode.env.language.startsWith('es') ? 'es' : 'en');
}

export const l10n = {
  t(message: string, ...args: Args): string {
    const language = chosenLanguage();
    if (language === undefined) return displayLanguage.t(message, ...args);
    return format(language === 'en' ? message : (BUNDLES[language][message] ?? message), args);
  },
};
