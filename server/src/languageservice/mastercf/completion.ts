// master.cf completion, column by column: service templates, types, y/n/- flags, wakeup and
// process limits, Postfix daemons, then `-o` and the parameter names and values it takes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, Position } from 'vscode-languageserver-types';
import { allMasterDaemons, SERVICE_TYPES } from '../../postfix/masterDaemons';
import { parameterItems } from '../maincf/completion';
import { targetRelease } from '../postfixTarget';
import { typeOfSetting } from '../maincf/values';
import { valueCompletion } from '../maincf/valueCompletion';
import { pairForMasterCf } from '../postfixPair';
import type { ServiceContext } from '../service';
import { masterCursor } from './cursor';

const TEMPLATES: { label: string; text: string; en: string; es: string }[] = [
  {
    label: 'submission (587)',
    text: 'submission inet n       -       y       -       -       smtpd\n  -o syslog_name=postfix/submission\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject',
    en: 'Mail submission with STARTTLS and SMTP AUTH on port 587',
    es: 'Envío de correo con STARTTLS y SMTP AUTH en el puerto 587',
  },
  {
    label: 'submissions (465)',
    text: 'submissions inet n       -       y       -       -       smtpd\n  -o syslog_name=postfix/submissions\n  -o smtpd_tls_wrappermode=yes\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject',
    en: 'Mail submission over implicit TLS (wrapper mode) on port 465',
    es: 'Envío de correo con TLS implícito (wrapper mode) en el puerto 465',
  },
];

const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

function serviceItems(locale: 'en' | 'es'): CompletionItem[] {
  const out: CompletionItem[] = TEMPLATES.map((t) => ({ label: t.label, kind: CompletionItemKind.Snippet, detail: t[locale], insertText: t.text, filterText: t.text.split(' ')[0] }));
  for (const d of allMasterDaemons()) {
    for (const s of d.stock) {
      out.push({
        label: s.service,
        kind: CompletionItemKind.Snippet,
        detail: `${s.type} ${d.command}`,
        documentation: d.summary[locale],
        insertText: `${pad(s.service, 10)}${pad(s.type, 6)}${pad(s.private, 8)}${pad(s.unpriv, 8)}${pad(s.chroot, 8)}${pad(s.wakeup, 8)}${pad(s.maxproc, 8)}${d.command}`,
      });
    }
  }
  return out;
}

const FLAG_DOC = {
  private: { en: 'private: reachable only by Postfix (y, the default) or by anyone (n)', es: 'private: accesible solo para Postfix (y, por omisión) o para cualquiera (n)' },
  unpriv: { en: 'unpriv: run as the mail_owner (y, the default) or as root (n)', es: 'unpriv: se ejecuta como mail_owner (y, por omisión) o como root (n)' },
  chroot: { en: 'chroot: run inside queue_directory (y) or not (n, the default)', es: 'chroot: se ejecuta encerrado en queue_directory (y) o no (n, por omisión)' },
} as const;

export function masterCfCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const pair = pairForMasterCf(doc, ctx.workspace);
  const cur = masterCursor(doc, pair.master!, pos);
  const words = (values: string[], detail?: string) => values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail }));
  switch (cur.field) {
    case 0:
      return serviceItems(ctx.locale);
    case 1:
      return words([...SERVICE_TYPES]);
    case 2:
      return words(['n', 'y', '-'], FLAG_DOC.private[ctx.locale]);
    case 3:
      return words(['-', 'n', 'y'], FLAG_DOC.unpriv[ctx.locale]);
    case 4:
      return words(['y', 'n', '-'], FLAG_DOC.chroot[ctx.locale]);
    case 5:
      return words(['-', '60', '300', '1000?'], 'wakeup');
    case 6:
      return words(['-', '1', '0', '100'], 'maxproc');
    case 7:
      return allMasterDaemons().map((d) => ({ label: d.command, kind: CompletionItemKind.Function, detail: d.types.join(', '), documentation: d.summary[ctx.locale] }));
  }
  if (cur.afterDashO || cur.prefix.startsWith('-o')) {
    const text = cur.prefix.startsWith('-o') ? cur.prefix.slice(2) : cur.prefix;
    const eq = text.indexOf('=');
    if (eq < 0) return parameterItems(ctx.locale, (n) => `${n}=$0`, targetRelease(ctx));
    const name = text.slice(0, eq).trim();
    const view = pair.model.services.find((v) => v.entry === cur.entry);
    return valueCompletion(name, typeOfSetting({ parameter: name, model: pair.model }), text.slice(eq + 1), pair.model, ctx.locale).map((i) => (view ? i : i));
  }
  return [{ label: '-o', kind: CompletionItemKind.Keyword, detail: '-o name=value', insertText: '-o ', insertTextFormat: InsertTextFormat.PlainText }];
}
