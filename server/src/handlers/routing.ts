// Finds the language service of a document. Editors other than VS Code send their own language
// ids (Neovim: "pfmain", "conf", ""), so unknown ids fall back to the file name rules. Scenario
// files are JSON to the editor (its schema validates them there): they are found by name.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageForPath, serviceFor } from '../languageservice/languages';
import { isScenarioFile, scenariosService } from '../languageservice/scenarios';
import type { LanguageService } from '../languageservice/service';

export function routeDocument(doc: TextDocument): LanguageService | undefined {
  // The transport takes a didOpen whose uri or text is not a string as it comes; such a document
  // has no language. Throwing here instead broke the re-check of every other document for good.
  if (typeof doc.uri !== 'string' || typeof doc.getText() !== 'string') return undefined;
  const byId = serviceFor(doc.languageId);
  if (byId) return byId;
  const path = decodeURIComponent(doc.uri.replace(/^[a-z]+:\/\//, ''));
  if (isScenarioFile(path)) return scenariosService;
  const firstLine = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const lang = languageForPath(path, firstLine);
  return lang ? serviceFor(lang) : undefined;
}
