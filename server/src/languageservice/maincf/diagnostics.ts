// Every main.cf check, in file order: syntax, names and references, values by type, open relay,
// and the TLS/SASL consistency rules. main.cf is judged together with the master.cf beside it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { MainCfEntry } from '../../parsers/maincf';
import { getParameter } from '../../postfix/parameters';
import { defaultAlternatives, splitListValue } from '../../postfix/valueTypes';
import { releaseParameter } from '../../postfix/releaseFacts';
import { pairForMainCf, type PostfixPair } from '../postfixPair';
import type { PostfixModel } from '../postfixModel';
import type { ServiceContext } from '../service';
import { continuedSettingDiagnostics } from './continuation';
import { mainCfNameDiagnostics, readsMacros } from './names';
import { isReferenceError } from '../../parsers/expansion';
import { mainCfRelay, mainCfRelayList, mainCfStopsSmtpd, strangersNetwork } from './relay';
import { localize, t, type Locale } from '../../l10n';
import { postfixCheck } from '../postfixTarget';
import { securityFindings, saslEnabledSomewhere } from './security';
import { diagnostic, SECURITY_SEVERITY, SOURCE, ValueSite } from './site';
import { parseRestrictionList } from './restrictionList';
import { cachedValueChecks } from './valueCache';
import { checkValue, typeOfSetting } from './values';
import { listTokens } from '../../postfix/listTokens';
import { valueRanges } from './valueText';
import { saslFindingsFor } from '../sasl/crossChecks';

export { SOURCE };

export function mainCfDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const pair = pairForMainCf(doc, ctx.workspace);
  const { main, model } = pair;
  const check = postfixCheck(ctx);
  const out: Diagnostic[] = [];
  for (const e of main.errors) {
    if (e.code === 'unbalanced-braces' && !groupsBraces(entryAt(main.entries, e.range.start.line), model)) continue;
    if (isReferenceError(e.code) && !readsMacros(entryAt(main.entries, e.range.start.line)?.name ?? '')) continue;
    out.push(diagnostic(e.range, DiagnosticSeverity.Error, `syntax/${e.code}`, localize(ctx.locale, e.l10n)));
  }
  // concat, not push(...): a spread of some 120,000 diagnostics (a multi-MB file) overflows the stack.
  const all = out.concat(
    mainCfNameDiagnostics(main.entries, model, doc.uri, check),
    // A value without a type (most user-defined names) has nothing to check: no site is made for it.
    cachedValueChecks(doc, main.entries, model, check, (e) => (typeOfSetting({ parameter: e.name, model }) ? checkValue(siteOf(doc, e, model), check) : [])),
    globalChecks(doc, pair, ctx),
    continuedSettingDiagnostics(doc, main.entries, model, ctx.locale),
    saslFindingsFor(doc.uri, ctx),
  );
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The entry whose lines hold `line` (entries are in file order), if any. */
function entryAt(entries: MainCfEntry[], line: number): MainCfEntry | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (line < e.range.start.line) hi = mid - 1;
    else if (line > e.range.end.line) lo = mid + 1;
    else return e;
  }
  return undefined;
}

/**
 * Whether Postfix reads `{ }` as grouping in this setting's value: in lists, lookup tables and
 * restriction lists it does (an unclosed brace breaks them); in text such as smtpd_banner or a
 * mailbox_command, a brace is just a character, and postconf and the daemons take it as it is.
 */
function groupsBraces(e: MainCfEntry | undefined, model: PostfixModel): boolean {
  if (!e) return true;
  const type = typeOfSetting({ parameter: e.name, model });
  if (!type) return false;
  return type.kind === 'list' || type.kind === 'lookupTables' || type.kind === 'restrictions' || (type.kind === 'enum' && type.multiple === true);
}

export function siteOf(doc: TextDocument, e: MainCfEntry, model: PostfixModel): ValueSite {
  return {
    parameter: e.name,
    value: e.rawValue,
    nameRange: e.nameRange,
    valueRange: e.valueRange,
    rangeOf: valueRanges(doc, e.valueRange.start, e.rawValue),
    model,
  };
}

/**
 * Debian's main.cf and many templates spell out Postfix's own default smtpd_relay_restrictions,
 * which names permit_sasl_authenticated for when SASL is turned on later; that is not the user's
 * mistake. Any form of the default counts: each compatibility level's, and each release's.
 */
function isStockDefault(e: MainCfEntry): boolean {
  const words = (v: string) => splitListValue(v).join(' ');
  const written = words(e.rawValue);
  const builtin = getParameter(e.name)?.defaultValue;
  const documented = releaseParameter(e.name)?.defaults.map(([, value]) => value) ?? [];
  return [...(builtin ? defaultAlternatives(builtin) : []), ...documented].some((d) => words(d) === written);
}

/** Where in mynetworks' value an item (the one that let the strangers in) was written. */
function networkIn(value: string, item: string | undefined): { text: string; start: number; end: number } | undefined {
  const key = item?.toLowerCase();
  return key ? listTokens(value).find((token) => token.text.toLowerCase() === key) : undefined;
}

/** Rules about the configuration as a whole, reported on the main.cf line that decides them. */
function globalChecks(doc: TextDocument, pair: PostfixPair, ctx: ServiceContext): Diagnostic[] {
  const { model } = pair;
  const { locale } = ctx;
  const out: Diagnostic[] = [];
  const entry = (name: string) => model.mainEntries.get(name);

  const networks = entry('mynetworks');
  const relay = entry('smtpd_relay_restrictions');
  const recipient = entry('smtpd_recipient_restrictions');
  const decided = relay ?? recipient;
  const probe = networks || decided ? mainCfRelay(doc, pair, ctx) : {};
  // Strangers let in by permit_mynetworks: the network of mynetworks that holds them is the mistake.
  const world = networks ? networkIn(networks.rawValue, strangersNetwork(probe)) : undefined;
  if (networks && world) {
    const site = siteOf(doc, networks, model);
    out.push(diagnostic(site.rangeOf(world.start, world.end), DiagnosticSeverity.Error, 'open-relay', t(locale, 'relay.world-networks', world.text)));
  } else if (decided) {
    // The first question is smtpd's own start-up check; only a server that starts can be an open relay.
    if (mainCfStopsSmtpd(doc, pair, ctx)) {
      out.push(diagnostic(decided.nameRange, DiagnosticSeverity.Error, 'smtpd-will-not-start', t(locale, 'relay.will-not-start', 'smtpd_relay_restrictions')));
    } else if (probe.open) {
      out.push(diagnostic(decided.nameRange, DiagnosticSeverity.Error, 'open-relay', t(locale, 'relay.open', decided.name)));
    } else if (relay && !probe.startFailure && mainCfRelayList(doc, pair, ctx).permittedBy) {
      out.push(diagnostic(relay.nameRange, DiagnosticSeverity.Warning, 'relay-permits-all', t(locale, 'relay.permits-all', relay.name)));
    }
  }

  // smtpd stops at start-up when a listed restriction class has no value ("needs a definition").
  const classes = entry('smtpd_restriction_classes');
  if (classes) {
    const site = siteOf(doc, classes, model);
    for (const token of listTokens(classes.rawValue)) {
      if (token.text.includes('$') || model.expand(model.raw(token.text) ?? '').trim() !== '') continue;
      // A service that defines it with -o has it; judging which smtpd lacks it is master.cf's business.
      if (model.services.some((v) => v.params.has(token.text))) continue;
      out.push(diagnostic(site.rangeOf(token.start, token.end), DiagnosticSeverity.Error, 'restriction-class-undefined', t(locale, 'restrictions.class-undefined', token.text)));
    }
  }

  for (const f of securityFindings(model, undefined, locale)) {
    const e = entry(f.parameter);
    if (!e) continue;
    out.push(diagnostic(e.nameRange, SECURITY_SEVERITY[f.severity], f.code, f.message));
  }

  if (!saslEnabledSomewhere(model)) {
    for (const e of model.mainEntries.values()) {
      const type = typeOfSetting({ parameter: e.name, model });
      if (type?.kind !== 'restrictions' || isStockDefault(e)) continue;
      const site = siteOf(doc, e, model);
      for (const item of parseRestrictionList(e.rawValue, model.restrictionClasses)) {
        if (item.info?.name !== 'permit_sasl_authenticated') continue;
        out.push(
          diagnostic(
            site.rangeOf(item.start, item.end),
            DiagnosticSeverity.Warning,
            'sasl-not-enabled',
            t(locale, 'sasl.never-matches-main'),
          ),
        );
      }
    }
  }
  return out;
}
