// A main.cf and master.cf pair in memory, the way the editor sees them side by side.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { mainCfService } from '../../../../server/src/languageservice/maincf';
import { masterCfService } from '../../../../server/src/languageservice/mastercf';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

export const MAIN_URI = 'file:///etc/postfix/main.cf';
export const MASTER_URI = 'file:///etc/postfix/master.cf';

let version = 1;

export function pair(main: string, master?: string, locale: 'en' | 'es' = 'en') {
  const files: Record<string, string | undefined> = { [MAIN_URI]: main, [MASTER_URI]: master };
  const ctx: ServiceContext = { workspace: { readText: (uri) => files[uri] }, locale };
  return {
    ctx,
    mainDoc: TextDocument.create(MAIN_URI, 'postfix-main', version++, main),
    masterDoc: TextDocument.create(MASTER_URI, 'postfix-master', version++, master ?? ''),
  };
}

export function mainDiagnostics(main: string, master?: string, locale: 'en' | 'es' = 'en'): Diagnostic[] {
  const p = pair(main, master, locale);
  return mainCfService.diagnostics(p.mainDoc, p.ctx);
}

export function masterDiagnostics(master: string, main?: string, locale: 'en' | 'es' = 'en'): Diagnostic[] {
  const p = pair(main ?? '', master, locale);
  const files: Record<string, string | undefined> = { [MAIN_URI]: main, [MASTER_URI]: master };
  return masterCfService.diagnostics(p.masterDoc, { ...p.ctx, workspace: { readText: (u) => files[u] } });
}

export function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code));
}

export function only(ds: Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}

/** The smtpd service lines of a stock master.cf, for pairing with main.cf fixtures. */
export const STOCK_MASTER = `smtp      inet  n       -       y       -       -       smtpd
submission inet n       -       y       -       -       smtpd
pickup    unix  n       -       y       60      1       pickup
cleanup   unix  n       -       y       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
relay     unix  -       -       y       -       -       smtp
`;
