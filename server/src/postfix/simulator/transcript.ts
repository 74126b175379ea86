// A simulation as a transcript with annotations: the client's commands (C:) and smtpd's replies
// (S:), and under each command the restrictions it ran, list by list, with the one that decided
// and where it is written. Shared by `mailconf simulate` and the language server.
import { Locale, t } from '../../l10n';
import type { MessageKey } from '../../l10n';
import { Origin } from './settings';
import { EvaluatedRestriction, RecipientRoute, SimulationResult } from './types';

function where(locale: Locale, o: Origin): string {
  if (o.file === undefined) return t(locale, 'simulate.builtin', o.parameter);
  return t(locale, 'simulate.at-line', o.file, o.line ?? 0);
}

function evaluatedLines(locale: Locale, evaluated: EvaluatedRestriction[], decided: EvaluatedRestriction | undefined): string[] {
  const out: string[] = [];
  let list = '';
  const width = Math.max(0, ...evaluated.map((e) => e.restriction.length + (e.argument ? e.argument.length + 1 : 0)));
  for (const e of evaluated) {
    if (e.list !== list) {
      list = e.list;
      out.push(`     ${list}`);
    }
    const name = e.argument && !e.restriction.includes(':') ? `${e.restriction} ${e.argument}` : e.restriction;
    const mark = e === decided ? '→' : ' ';
    const result = t(locale, `simulate.result.${e.result}` as MessageKey);
    const line = e.origin.line !== undefined ? `  (${e.origin.file}:${e.origin.line})` : '';
    out.push(`     ${mark} ${name.padEnd(width)}  ${result}${e.detail ? `: ${e.detail}` : ''}${line}`);
  }
  return out;
}

/** Under an accepted recipient: each table hit in cleanup (the sender's first), then every address it is delivered to when there are several. */
function flowLines(locale: Locale, route: RecipientRoute): string[] {
  const out = [...(route.sender?.rewrites ?? []), ...route.rewrites].map((w) => `      ${t(locale, 'simulate.rewrite', w.map, w.from, w.to, w.file === undefined ? w.table : t(locale, 'simulate.at-line', w.file, w.line ?? 0))}`);
  const deliveries = route.deliveries ?? [];
  if (deliveries.length === 0 && route.deliveries) out.push(`      ${t(locale, 'simulate.no-delivery', route.nexthop)}`);
  const several = deliveries.length > 1 || (deliveries.length === 1 && route.rewrites.length > 0);
  for (const d of deliveries) {
    if (several) out.push(`      ${t(locale, 'simulate.delivery', d.address, t(locale, `simulate.class.${d.class}` as MessageKey), d.transport, d.nexthop)}`);
    const o = d.origin;
    const n = d.nexthopOrigin;
    if (o) out.push(`      ${several ? '  ' : ''}${n ? t(locale, 'simulate.transport-origin', o.parameter, where(locale, o), n.parameter, where(locale, n)) : t(locale, 'simulate.route-origin', o.parameter, where(locale, o))}`);
  }
  return out;
}

export function transcript(result: SimulationResult, locale: Locale): string {
  const out: string[] = [];
  const svc = result.service;
  out.push(svc.file ? t(locale, 'simulate.service', svc.name, `${svc.file}:${svc.line}`, svc.port ?? '?') : t(locale, 'simulate.service-default'));
  if (result.fatal) {
    out.push('', t(locale, 'simulate.fatal', result.fatal));
    return out.join('\n') + '\n';
  }
  const connect = result.steps.find((s) => s.stage === 'connect');
  if (connect) out.push(t(locale, 'simulate.client', connect.argument));
  out.push('');
  for (const s of result.steps) {
    if (s.command) out.push(`C: ${s.command}${s.stage === 'helo' || s.stage === 'auth' ? ` ${s.argument}` : ''}`);
    const decided = s.decidedBy ? [...s.evaluated].reverse().find((e) => e.restriction === s.decidedBy!.restriction && e.list === s.decidedBy!.list) : undefined;
    out.push(...evaluatedLines(locale, s.evaluated, decided));
    out.push(`S: ${s.reply.line}`);
    if (s.decidedBy) out.push(`   ${t(locale, 'simulate.decided', s.decidedBy.restriction, s.decidedBy.list, where(locale, s.decidedBy.origin))}`);
  }
  if (result.recipients.length > 0) {
    out.push('', t(locale, 'simulate.recipients'));
    for (const r of result.recipients) {
      const state = r.accepted && r.route
        ? t(locale, 'simulate.accepted', t(locale, `simulate.class.${r.route.class}` as MessageKey), r.route.transport, r.route.nexthop)
        : r.deferred
          ? t(locale, 'simulate.deferred')
          : t(locale, 'simulate.rejected');
      out.push(`  ${r.address}: ${state}`);
      if (r.accepted && r.route) out.push(...flowLines(locale, r.route));
    }
  }
  if (result.dependsOnDns) out.push('', t(locale, 'simulate.depends-dns'));
  for (const w of [...new Set(result.warnings)]) out.push(t(locale, 'simulate.warning', w));
  return out.join('\n') + '\n';
}
