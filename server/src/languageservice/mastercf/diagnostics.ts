// master.cf checks: the columns (what master(8) would refuse at start-up), the command, duplicate
// services (which master only warns about), and every `-o name=value` judged like a main.cf setting, in the context of its
// service and of the main.cf beside it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { MasterCfEntry, MasterCfField, MasterCfOption } from '../../parsers/mastercf';
import { getDeprecation } from '../../postfix/deprecated';
import { allMasterDaemons, getMasterDaemon, SERVICE_TYPES } from '../../postfix/masterDaemons';
import { deprecatedParameter, expandsReferences, loopDiagnostic, parameterNameDiagnostic, readsMacros, undefinedReference } from '../maincf/names';
import { postfixCheck, type PostfixCheck } from '../postfixTarget';
import { RELAY_PARAMETERS, serviceRelay, serviceRelayList, strangersNetwork } from '../maincf/relay';
import type { RelayListProbe, RelayProbe } from '../../postfix/simulator';
import { parseRestrictionList } from '../maincf/restrictionList';
import { saslEnabledSomewhere, securityFindings, SecurityCode } from '../maincf/security';
import { diagnostic, SECURITY_SEVERITY, ValueSite } from '../maincf/site';
import { checkValue, typeOfSetting } from '../maincf/values';
import { valueRanges } from '../maincf/valueText';
import { nearest } from '../nearest';
import { pairForMasterCf } from '../postfixPair';
import type { PostfixModel, ServiceView } from '../postfixModel';
import type { ServiceContext } from '../service';
import { localize, t } from '../../l10n';

export function masterCfDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  const pair = pairForMasterCf(doc, ctx.workspace);
  const { master, model } = pair;
  const out: Diagnostic[] = master!.errors.map((e) => diagnostic(e.range, DiagnosticSeverity.Error, `syntax/${e.code}`, localize(ctx.locale, e.l10n)));
  const views = new Map(model.services.map((v) => [v.entry, v]));
  const seen = new Map<string, MasterCfEntry>();
  for (const entry of master!.entries) {
    if (entry.fields.length < 8) continue;
    out.push(...columnDiagnostics(entry));
    const key = `${entry.service!.text}/${entry.type!.text}`;
    const earlier = seen.get(key);
    if (earlier) {
      // master(8) warns "duplicate master.cf entry" and replaces the earlier entry; it still starts.
      const d = diagnostic(entry.service!.range, DiagnosticSeverity.Warning, 'duplicate-service', t(ctx.locale, 'master.duplicate-service', key, earlier.line + 1));
      d.relatedInformation = [DiagnosticRelatedInformation.create({ uri: doc.uri, range: earlier.service!.range }, t(ctx.locale, 'master.earlier-definition', key))];
      out.push(d);
    }
    seen.set(key, entry);
    const view = views.get(entry);
    if (view) out.push(...optionDiagnostics(doc, entry, view, model, postfixCheck(ctx), { probe: () => serviceRelay(doc, pair, ctx, view), relayList: () => serviceRelayList(doc, pair, ctx, view) }));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const FLAG_MEANING: Record<string, string> = { private: 'private', unpriv: 'unprivileged', chroot: 'chroot' };

function columnDiagnostics(entry: MasterCfEntry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const type = entry.type!;
  if (!(SERVICE_TYPES as readonly string[]).includes(type.text)) {
    const near = nearest(type.text, SERVICE_TYPES);
    out.push(
      diagnostic(type.range, DiagnosticSeverity.Error, 'invalid-service-type', `Invalid service type '${type.text}': use inet, unix, unix-dgram, fifo or pass` + (near ? `. Did you mean '${near}'?` : ''), near ? { replaceWith: [near] } : undefined),
    );
  }
  for (const f of ['private', 'unpriv', 'chroot'] as const) {
    const field = entry[f]!;
    if (!/^[yn-]$/.test(field.text)) {
      out.push(diagnostic(field.range, DiagnosticSeverity.Error, 'invalid-flag', `Invalid ${FLAG_MEANING[f]} field '${field.text}': use y, n or - (the default)`));
    }
  }
  const wakeup = entry.wakeup!;
  if (!/^(-|\d+\??)$/.test(wakeup.text)) {
    out.push(diagnostic(wakeup.range, DiagnosticSeverity.Error, 'invalid-wakeup', `Invalid wakeup field '${wakeup.text}': use a number of seconds (optionally followed by ?), 0 or - for none`));
  }
  const maxproc = entry.maxproc!;
  if (!/^(-|\d+)$/.test(maxproc.text)) {
    out.push(diagnostic(maxproc.range, DiagnosticSeverity.Error, 'invalid-maxproc', `Invalid maxproc field '${maxproc.text}': use a number of processes, 0 for no limit, or - for default_process_limit`));
  }
  out.push(...commandDiagnostics(entry.command!, type.text));
  return out;
}

function commandDiagnostics(command: MasterCfField, type: string): Diagnostic[] {
  if (command.text.includes('/') || command.text.includes('$')) return [];
  const daemon = getMasterDaemon(command.text);
  if (!daemon) {
    const near = nearest(command.text, allMasterDaemons().map((d) => d.command));
    return [
      diagnostic(
        command.range,
        DiagnosticSeverity.Warning,
        'unknown-command',
        `Unknown command '${command.text}': it is not a Postfix daemon, so master cannot start this service` + (near ? `. Did you mean '${near}'?` : ''),
        near ? { replaceWith: [near] } : undefined,
      ),
    ];
  }
  if ((SERVICE_TYPES as readonly string[]).includes(type) && !(daemon.types as string[]).includes(type)) {
    return [diagnostic(command.range, DiagnosticSeverity.Warning, 'service-type-mismatch', `${command.text} does not work as a ${type} service (it expects ${daemon.types.join(' or ')})`)];
  }
  return [];
}

function optionSite(doc: TextDocument, o: MasterCfOption, view: ServiceView, model: PostfixModel): ValueSite {
  return {
    parameter: o.name!,
    value: o.value!,
    nameRange: o.nameRange!,
    valueRange: o.valueRange!,
    rangeOf: valueRanges(doc, o.valueRange!.start, o.value!),
    service: view,
    model,
  };
}

/** Where each security finding goes when the service itself sets one of these. */
const RELATED: Record<SecurityCode, string[]> = {
  'tls-wrappermode-global': [],
  'tls-wrappermode-port-25': ['smtpd_tls_wrappermode'],
  'tls-encrypt-port-25': ['smtpd_tls_security_level'],
  'tls-cert-without-key': [],
  'tls-key-without-cert': [],
  'auth-without-tls': ['smtpd_sasl_auth_enable', 'smtpd_tls_security_level', 'smtpd_tls_wrappermode'],
  'auth-never-offered': ['smtpd_tls_auth_only', 'smtpd_tls_security_level', 'smtpd_sasl_auth_enable'],
  'sasl-not-enabled': [],
};

/** The relay lint's questions about one service, asked only when a finding depends on them. */
interface ServiceRelayQuestions {
  probe(): RelayProbe;
  relayList(): RelayListProbe;
}

function optionDiagnostics(doc: TextDocument, entry: MasterCfEntry, view: ServiceView, model: PostfixModel, check: PostfixCheck, relay: ServiceRelayQuestions): Diagnostic[] {
  const { locale } = check;
  const out: Diagnostic[] = [];
  const byName = new Map<string, MasterCfOption>();
  for (const o of entry.options) {
    if (o.name === undefined || o.value === undefined) continue;
    byName.set(o.name, o);
    const dep = getDeprecation(o.name);
    if (dep?.kind === 'parameter') out.push(deprecatedParameter(dep, o.value, o.nameRange!, o.argument!.range, '=', check, o.range));
    else {
      const d = parameterNameDiagnostic(o.name, o.nameRange!, model.isKnown(o.name) || view.validNames.has(o.name), model, check);
      if (d) out.push(d);
    }
    if (readsMacros(o.name)) {
      for (const e of o.referenceErrors) out.push(diagnostic(e.range, DiagnosticSeverity.Error, `syntax/${e.code}`, localize(locale, e.l10n)));
    }
    if (expandsReferences(o.name)) {
      for (const r of o.references) {
        if (!model.isDefined(r.name, view)) out.push(undefinedReference(r.name, r.nameRange, model.definedNames(), locale));
        else {
          const loop = loopDiagnostic(o.name, r, model, check, view);
          if (loop) out.push(loop);
        }
      }
    }
    const site = optionSite(doc, o, view, model);
    out.push(...checkValue(site, check));
    if (!saslEnabledSomewhere(model) && typeOfSetting(site)?.kind === 'restrictions') {
      for (const item of parseRestrictionList(o.value, model.restrictionClasses)) {
        if (item.info?.name === 'permit_sasl_authenticated') {
          out.push(diagnostic(site.rangeOf(item.start, item.end), DiagnosticSeverity.Warning, 'sasl-not-enabled', t(check.locale, 'sasl.never-matches-master')));
        }
      }
    }
  }
  if (view.command !== 'smtpd') return out;
  for (const f of securityFindings(model, view, locale)) {
    const at = RELATED[f.code].map((n) => byName.get(n)).find(Boolean);
    if (at) out.push(diagnostic(at.range, SECURITY_SEVERITY[f.severity], f.code, f.message));
  }
  const relayOption = RELAY_PARAMETERS.map((n) => byName.get(n)).find(Boolean);
  const probe = relayOption ? relay.probe() : {};
  // The relay-list question may meet smtpd's start-up refusal too, with its own settings.
  const relayList = relayOption && !probe.startFailure && !probe.open ? relay.relayList() : {};
  const startFailure = probe.startFailure ?? relayList.startFailure;
  if (relayOption && startFailure) {
    const target = byName.has('smtpd_relay_restrictions') || !byName.has('smtpd_recipient_restrictions') ? 'smtpd_relay_restrictions' : 'smtpd_recipient_restrictions';
    out.push(diagnostic(relayOption.range, DiagnosticSeverity.Error, 'smtpd-will-not-start', t(locale, 'relay.service-will-not-start', view.service, target)));
  } else if (relayOption && probe.open) {
    // Strangers let in by permit_mynetworks are inside mynetworks: that network is the mistake.
    const world = strangersNetwork(probe);
    if (world) out.push(diagnostic((byName.get('mynetworks') ?? relayOption).range, DiagnosticSeverity.Error, 'open-relay', t(locale, 'relay.service-world-networks', view.service, world)));
    else out.push(diagnostic(relayOption.range, DiagnosticSeverity.Error, 'open-relay', t(locale, 'relay.service-open', view.service)));
  } else if (byName.has('smtpd_relay_restrictions') && relayList.permittedBy) {
    out.push(diagnostic(byName.get('smtpd_relay_restrictions')!.range, DiagnosticSeverity.Warning, 'relay-permits-all', t(locale, 'relay.permits-all', 'smtpd_relay_restrictions')));
  }
  return out;
}
