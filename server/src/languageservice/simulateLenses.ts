// "▶ Simulate" above every smtpd service of master.cf and every smtpd_*_restrictions line of
// main.cf: the editor command `mailconf.simulate` asks for the rest of the session and shows its
// path. On main.cf the lens names the services that take that line's list as it is (those without
// a -o of their own), so that the editor can offer them first.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { t } from '../l10n';
import { readMasterServices, smtpdServices } from '../postfix/simulator';
import { siblingUri } from './postfixPair';
import type { ServiceContext } from './service';

export const SIMULATE_COMMAND = 'mailconf.simulate';

/** What the editor command receives from a lens. */
export interface SimulateLensArgs {
  uri: string;
  /** The master.cf service of the lens. */
  service?: string;
  /** The main.cf list of the lens, and the smtpd services that use it. */
  list?: string;
  services?: string[];
}

const lens = (line: number, args: SimulateLensArgs, ctx: Pick<ServiceContext, 'locale'>): CodeLens => ({
  range: { start: { line, character: 0 }, end: { line, character: 0 } },
  command: { title: t(ctx.locale, 'simulate.lens'), command: SIMULATE_COMMAND, arguments: [args] },
});

export function masterCfSimulateLenses(doc: TextDocument, ctx: Pick<ServiceContext, 'locale'>): CodeLens[] {
  return smtpdServices(readMasterServices(doc.getText(), doc.uri)).map((s) => lens(s.line - 1, { uri: doc.uri, service: s.name }, ctx));
}

const RESTRICTION_LIST = /^(smtpd_[a-z_]+_restrictions)[ \t]*=/;

export function mainCfSimulateLenses(doc: TextDocument, ctx: Pick<ServiceContext, 'locale' | 'workspace'>): CodeLens[] {
  const lines = doc.getText().split(/\r?\n/);
  const masterUri = siblingUri(doc.uri, 'master.cf');
  const masterText = masterUri && ctx.workspace.readText(masterUri);
  const services = masterText === undefined ? undefined : smtpdServices(readMasterServices(masterText, masterUri!));
  const out: CodeLens[] = [];
  lines.forEach((text, line) => {
    const m = RESTRICTION_LIST.exec(text);
    if (!m) return;
    const users = services?.filter((s) => !s.overrides.has(m[1])).map((s) => s.name);
    out.push(lens(line, { uri: doc.uri, list: m[1], ...(users ? { services: users } : {}) }, ctx));
  });
  return out;
}
