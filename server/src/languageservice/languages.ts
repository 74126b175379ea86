// Which language a file is, by the same rules as the extension manifest, for adapters that see
// paths rather than editor language ids (the CLI, the standalone server without a client).
import { basename } from 'node:path';
import type { LanguageService } from './service';
import { mainCfService } from './maincf';
import { masterCfService } from './mastercf';
import { zoneService } from './zone';
import { aliasesService } from './aliases';
import { postfixMapService } from './postfixMap';
import { msmtprcService } from './msmtprc';
import { dovecotService } from './dovecot';
import { saslConfService } from './saslConf';
import { saslauthdService } from './saslauthd';
import { masterCfCodeLenses } from '../smtp/codeLens';
import { mainCfSimulateLenses, masterCfSimulateLenses } from './simulateLenses';

export type LanguageId = 'postfix-main' | 'postfix-master' | 'dns-zone' | 'postfix-aliases' | 'postfix-map' | 'msmtprc' | 'dovecot' | 'cyrus-sasl' | 'saslauthd';

export const LANGUAGE_IDS: readonly LanguageId[] = ['postfix-main', 'postfix-master', 'dns-zone', 'postfix-aliases', 'postfix-map', 'msmtprc', 'dovecot', 'cyrus-sasl', 'saslauthd'];

const services: Record<LanguageId, LanguageService> = {
  'postfix-main': mainCfService,
  'postfix-master': masterCfService,
  'dns-zone': zoneService,
  'postfix-aliases': aliasesService,
  'postfix-map': postfixMapService,
  msmtprc: msmtprcService,
  dovecot: dovecotService,
  'cyrus-sasl': saslConfService,
  saslauthd: saslauthdService,
};

// "▶ Test port N" above master.cf's SMTP services, unless the master.cf service offers lenses itself,
// and "▶ Simulate" above its smtpd services and main.cf's restriction lists.
const masterLenses = services['postfix-master'].codeLenses ?? masterCfCodeLenses;
const mainLenses = services['postfix-main'].codeLenses;
services['postfix-master'] = { ...services['postfix-master'], codeLenses: (doc, ctx) => [...masterLenses(doc, ctx), ...masterCfSimulateLenses(doc, ctx)] };
services['postfix-main'] = { ...services['postfix-main'], codeLenses: (doc, ctx) => [...(mainLenses?.(doc, ctx) ?? []), ...mainCfSimulateLenses(doc, ctx)] };

export function serviceFor(languageId: string): LanguageService | undefined {
  return (services as Record<string, LanguageService | undefined>)[languageId];
}

export function languageForPath(path: string, firstLine = ''): LanguageId | undefined {
  const name = basename(path);
  if (/^main\.cf/.test(name)) return 'postfix-main';
  if (/^master\.cf/.test(name)) return 'postfix-master';
  if (/\.zone$/.test(name) || /^db\./.test(name)) return 'dns-zone';
  if (/^\$(TTL|ORIGIN)\b/.test(firstLine)) return 'dns-zone';
  if (name === 'aliases') return 'postfix-aliases';
  if (/^\.?msmtprc$/.test(name)) return 'msmtprc';
  if (isDovecotFile(path, name)) return 'dovecot';
  if (/(^|[\\/])sasl2?[\\/][^\\/]+\.conf$/.test(path)) return 'cyrus-sasl';
  // Debian's init script reads every /etc/default/saslauthd* file as an instance; Red Hat's unit /etc/sysconfig/saslauthd, Gentoo's and Arch's /etc/conf.d/saslauthd.
  if (/^saslauthd[\w-]*$/.test(name) && /(^|[\\/])default[\\/][^\\/]+$/.test(path)) return 'saslauthd';
  if (name === 'saslauthd' && /(^|[\\/])(sysconfig|conf\.d)[\\/][^\\/]+$/.test(path)) return 'saslauthd';
  if (isLookupTableSource(path, name)) return 'postfix-map';
  return undefined;
}

/** transport, virtual, access, sender_canonical, ... in a postfix directory; *_access and *_canonical anywhere. */
function isLookupTableSource(path: string, name: string): boolean {
  if (/^[\w-]+_(access|canonical)$/.test(name)) return true;
  const known = /^(transport|virtual|canonical|generic|relocated|access|sasl_passwd|sender_dependent_relayhost|[\w-]+_maps?)$/;
  return known.test(name) && /(^|[\\/])postfix[\\/]/.test(path);
}

/**
 * dovecot.conf, *.conf in a dovecot folder, and *.conf / *.conf.ext in its conf.d. The *.conf.ext
 * beside dovecot.conf (dovecot-sql.conf.ext, dovecot-ldap.conf.ext) have the same syntax but
 * another reader's settings, so they are not Dovecot configuration for our checks.
 */
function isDovecotFile(path: string, name: string): boolean {
  if (name === 'dovecot.conf') return true;
  if (/\.conf$/.test(name) && /(^|[\\/])dovecot[\\/][^\\/]+$/.test(path)) return true;
  return /\.conf(\.ext)?$/.test(name) && /(^|[\\/])dovecot[\\/]conf\.d[\\/][^\\/]+$/.test(path);
}
