// Reads an smtpd_*_restrictions value into restrictions with their arguments, and checks it:
// unknown names, names that do not belong in this list, deprecated ones, a missing table or
// domain argument, and everything after an unconditional permit/reject, which is never reached.
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { getDeprecation } from '../../postfix/deprecated';
import { getMapType } from '../../postfix/mapTypes';
import { allRestrictions, getRestriction, isAcceptedIn, restrictionListParameter, RestrictionInfo, RestrictionListName } from '../../postfix/restrictions';
import { Locale, t } from '../../l10n';
import { nearest } from '../nearest';
import { diagnostic, ValueSite } from './site';
import { listTokens, ValueToken } from '../../postfix/listTokens';
import { deprecationFinding } from './names';
import type { PostfixCheck } from '../postfixTarget';

export type RestrictionItemKind = 'restriction' | 'class' | 'table' | 'reference' | 'unknown';

export interface RestrictionItem extends ValueToken {
  kind: RestrictionItemKind;
  info?: RestrictionInfo;
  argument?: ValueToken;
}

const TABLE = /^([a-z][a-z0-9]*):/;

export function parseRestrictionList(value: string, classes: ReadonlySet<string>): RestrictionItem[] {
  const tokens = listTokens(value);
  const out: RestrictionItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const info = getRestriction(t.text);
    const item = t as RestrictionItem;
    if (info) {
      item.kind = 'restriction';
      item.info = info;
      if (info.argument && tokens[i + 1]) item.argument = tokens[++i];
    } else if (t.text.includes('$')) item.kind = 'reference';
    else if (classes.has(t.text)) item.kind = 'class';
    else if (TABLE.test(t.text)) item.kind = 'table';
    else item.kind = 'unknown';
    out.push(item);
  }
  return out;
}

let names: string[] | undefined;

export function checkRestrictionList(site: ValueSite, list: RestrictionListName, check: PostfixCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const items = parseRestrictionList(site.value, site.model.restrictionClasses);
  const listName = restrictionListParameter(list);
  let stopper: RestrictionItem | undefined;
  for (const item of items) {
    // Mapping offsets to positions walks the document: only done when a diagnostic needs it.
    const range = () => site.rangeOf(item.start, item.end);
    if (item.kind === 'unknown') {
      names ??= allRestrictions().map((r) => r.name);
      const near = nearest(item.text, [...names, ...site.model.restrictionClasses]);
      out.push(
        diagnostic(
          range(),
          DiagnosticSeverity.Error,
          'unknown-restriction',
          near ? t(check.locale, 'restriction.unknown-near', item.text, site.parameter, near) : t(check.locale, 'restriction.unknown', item.text, site.parameter),
          near ? { replaceWith: [near] } : undefined,
        ),
      );
    } else if (item.kind === 'table') {
      const type = TABLE.exec(item.text)![1];
      if (!getMapType(type)) out.push(unknownMapType(site, item, type, check.locale));
    } else if (item.info) {
      const r = item.info;
      if (!isAcceptedIn(r, list)) {
        // smtpd accepts it there and skips it for want of the information: a mistake, not a refusal.
        out.push(
          diagnostic(
            range(),
            DiagnosticSeverity.Warning,
            'restriction-wrong-list',
            t(
              check.locale,
              'restriction.wrong-list',
              r.name,
              r.stage === 'etrn' ? t(check.locale, 'restriction.etrn') : t(check.locale, 'restriction.stage', r.stage),
              listName === site.parameter ? site.parameter : t(check.locale, 'restriction.used-as', site.parameter, listName),
            ),
          ),
        );
      }
      const dep = getDeprecation(r.name);
      if (dep && dep.kind === 'restriction') {
        const { severity, message } = deprecationFinding(dep, check);
        out.push(diagnostic(range(), severity, 'deprecated-restriction', message));
      } else if (r.oldNameOf) {
        out.push(
          diagnostic(range(), DiagnosticSeverity.Information, 'old-restriction-name', t(check.locale, 'restriction.old-name', r.name, r.oldNameOf), { replaceWith: [r.oldNameOf] }),
        );
      }
      if (r.argument && !item.argument) {
        const what = r.argument === 'table' ? 'restriction.needs-table' : r.argument === 'dnsDomain' ? 'restriction.needs-dns-domain' : r.argument === 'service' ? 'restriction.needs-service' : 'restriction.needs-seconds';
        // Without its DNS list smtpd only logs a warning and goes on; without a table, a policy
        // service or a number it answers the client with a server configuration error.
        const severity = r.argument === 'dnsDomain' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        out.push(diagnostic(range(), severity, 'missing-restriction-argument', t(check.locale, what, r.name)));
      } else if (r.argument === 'table' && item.argument && !item.argument.text.includes('$')) {
        const type = TABLE.exec(item.argument.text)?.[1];
        if (!type) {
          out.push(
            diagnostic(site.rangeOf(item.argument.start, item.argument.end), DiagnosticSeverity.Error, 'invalid-value', t(check.locale, 'restriction.table-form', r.name, item.argument.text)),
          );
        } else if (!getMapType(type)) out.push(unknownMapType(site, item.argument, type, check.locale));
      }
    }
    if (stopper) continue;
    if (item.info?.unconditional) stopper = item;
  }
  if (stopper) {
    const rest = items.slice(items.indexOf(stopper) + 1);
    if (rest.length > 0) {
      const d = diagnostic(
        site.rangeOf(rest[0].start, (rest[rest.length - 1].argument ?? rest[rest.length - 1]).end),
        DiagnosticSeverity.Warning,
        'unreachable-restriction',
        t(check.locale, `restriction.never-evaluated-${stopper.info!.unconditional!}`, stopper.text, site.parameter),
      );
      d.tags = [DiagnosticTag.Unnecessary];
      out.push(d);
    }
  }
  return out;
}

export function unknownMapType(site: ValueSite, token: ValueToken, type: string, locale: Locale): Diagnostic {
  const known = ['hash', 'lmdb', 'btree', 'cdb', 'cidr', 'pcre', 'regexp', 'texthash', 'inline', 'static', 'proxy', 'unix', 'mysql', 'pgsql', 'sqlite', 'ldap', 'tcp', 'socketmap', 'memcache', 'pipemap', 'unionmap', 'randmap', 'fail', 'environ', 'internal', 'nis'];
  const near = nearest(type, known.filter((k) => getMapType(k)));
  const start = token.start;
  return diagnostic(
    site.rangeOf(start, start + type.length),
    DiagnosticSeverity.Error,
    'unknown-map-type',
    near ? t(locale, 'table.unknown-type-near', type, site.parameter, near) : t(locale, 'table.unknown-type', type, site.parameter),
    near ? { replaceWith: [near] } : undefined,
  );
}
