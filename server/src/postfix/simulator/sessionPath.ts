// The path a session takes through Postfix, as the lesson's figure draws it: reception (each SMTP
// command with the restriction lists it runs, in smtpd's order, the deciding restriction marked
// and the lists it kept from running shown as not reached), then for each accepted recipient
// cleanup's rewriting, trivial-rewrite's address class and the transport. A view model for editors:
// they draw it, they do not work it out.
import { getRestriction } from '../restrictions';
import type { Origin } from './settings';
import type { ConfiguredList, EvaluatedRestriction, RestrictionResult, SimulationResult, SimulationStep, Stage } from './types';

export interface Located {
  file?: string;
  /** 1-based. */
  line?: number;
}

export interface PathRestriction extends Located {
  restriction: string;
  argument?: string;
  result: RestrictionResult | 'not reached';
  detail?: string;
  /** This restriction gave the stage's reply. */
  decisive: boolean;
  /** The restriction class or access-table result it ran inside, when not the list itself. */
  via?: string;
}

/**
 * decided: the list gave the reply; permitted: it ended in a permit and smtpd went on to the next
 * list; passed: nothing in it decided; not reached: an earlier list decided, or the command
 * ran no list; empty: the list has no restrictions; not simulated: smtpd would run it after the
 * message's data, which is not simulated.
 */
export type ListState = 'decided' | 'permitted' | 'passed' | 'not reached' | 'empty' | 'not simulated';

export interface PathList extends Located {
  name: string;
  state: ListState;
  restrictions: PathRestriction[];
}

export interface PathStage {
  stage: Stage;
  command: string;
  argument: string;
  reply: string;
  lists: PathList[];
}

export interface PathDelivery {
  recipient: string;
  /** cleanup: canonical and virtual-alias rewriting, in order. */
  rewrites: { map: string; from: string; to: string }[];
  /** trivial-rewrite: the address class and the resolved address. */
  addressClass: string;
  address: string;
  transport: string;
  nexthop: string;
  /** The setting or table line that chose the transport. */
  origin: Located;
}

export interface SessionPath {
  service: { name: string; port?: number } & Located;
  fatal?: string;
  stages: PathStage[];
  recipients: { address: string; accepted: boolean; deferred: boolean; reply?: string }[];
  delivery: PathDelivery[];
  dependsOnDns: boolean;
  warnings: string[];
}

const where = (o: Origin | undefined): Located => (o?.file ? { file: o.file, line: o.line } : {});

/** The lists each command runs: with smtpd_delay_reject the client, HELO and sender lists wait for RCPT TO. */
function listsOfStage(stage: Stage, result: SimulationResult): ConfiguredList[] {
  const named = (...names: string[]) => result.lists.filter((l) => names.some((n) => l.name === `smtpd_${n}_restrictions`));
  const delayed = result.delayReject;
  switch (stage) {
    case 'connect':
      return delayed ? [] : named('client');
    case 'helo':
      return delayed ? [] : named('helo');
    case 'mail':
      return delayed ? [] : named('sender');
    case 'rcpt':
      // result.lists holds relay and recipient in the order this service runs them.
      return named(...(delayed ? ['client', 'helo', 'sender'] : []), 'relay', 'recipient');
    case 'data':
      return named('data', 'end_of_data');
    default:
      return [];
  }
}

function lastIndex<T>(list: T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}

function isDecisive(e: EvaluatedRestriction, step: SimulationStep): boolean {
  const d = step.decidedBy;
  return !!d && e.list === d.list && e.restriction === d.restriction && e.origin.file === d.origin.file && e.origin.line === d.origin.line;
}

/** A list's words as restrictions, each with the argument it takes (a table, a DNS list, ...). */
function notReached(words: ConfiguredList['words']): PathRestriction[] {
  const out: PathRestriction[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const argument = getRestriction(w.text)?.argument && i + 1 < words.length ? words[++i].text : undefined;
    out.push({ restriction: w.text, ...(argument ? { argument } : {}), result: 'not reached', decisive: false, ...where(w.origin) });
  }
  return out;
}

function stagePath(step: SimulationStep, result: SimulationResult): PathStage {
  const configured = listsOfStage(step.stage, result);
  const lists: PathList[] = configured.map((l) => ({ name: l.name, ...where(l.origin), state: 'not reached', restrictions: [] }));
  const byName = new Map(lists.map((l) => [l.name, l]));
  // The deciding entry is the last one that matches (a class may run the same word again).
  const decisiveIndex = lastIndex(step.evaluated, (e) => isDecisive(e, step));
  let current: PathList | undefined;
  step.evaluated.forEach((e, i) => {
    const own = byName.get(e.list);
    let target = own ?? current;
    // smtpd_reject_unlisted_sender/recipient run after their lists, as lists of their own.
    if (!own && (e.list.startsWith('smtpd_reject_unlisted_') || !current)) {
      target = { name: e.list, ...where(e.origin), state: 'passed', restrictions: [] };
      byName.set(e.list, target);
      lists.splice(current ? lists.indexOf(current) + 1 : lists.length, 0, target);
    }
    current = target!;
    current.restrictions.push({
      restriction: e.restriction,
      ...(e.argument ? { argument: e.argument } : {}),
      result: e.result,
      ...(e.detail ? { detail: e.detail } : {}),
      decisive: i === decisiveIndex,
      ...(!own && !e.list.startsWith('smtpd_reject_unlisted_') ? { via: e.list } : {}),
      ...where(e.origin),
    });
  });
  let decided = false;
  for (const list of lists) {
    const words = configured.find((c) => c.name === list.name)?.words;
    if (list.restrictions.length > 0) {
      list.state = list.restrictions.some((r) => r.decisive) ? 'decided' : list.restrictions.some((r) => r.result === 'permit' && !r.via) ? 'permitted' : 'passed';
      decided ||= list.state === 'decided';
    } else if (words && words.length === 0) list.state = 'empty';
    else list.state = list.name === 'smtpd_end_of_data_restrictions' && !decided && step.reply.code === 354 ? 'not simulated' : 'not reached';
    if (list.restrictions.length === 0 && words) list.restrictions = notReached(words);
  }
  return { stage: step.stage, command: step.command, argument: step.argument, reply: step.reply.line, lists };
}

export function sessionPath(result: SimulationResult): SessionPath {
  const rcptReply = (address: string) => result.steps[lastIndex(result.steps, (s) => s.stage === 'rcpt' && s.argument === address)]?.reply.line;
  return {
    service: { name: result.service.name, port: result.service.port, ...(result.service.file ? { file: result.service.file, line: result.service.line } : {}) },
    ...(result.fatal ? { fatal: result.fatal } : {}),
    stages: result.steps.map((s) => stagePath(s, result)),
    recipients: result.recipients.map((r) => ({ address: r.address, accepted: r.accepted, deferred: r.deferred, reply: rcptReply(r.address) })),
    delivery: result.recipients.flatMap((r) =>
      r.accepted && r.route
        ? [{ recipient: r.address, rewrites: r.route.rewrites ?? [], addressClass: r.route.class, address: r.route.address, transport: r.route.transport, nexthop: r.route.nexthop, origin: where(r.route.origin) }]
        : [],
    ),
    dependsOnDns: result.dependsOnDns,
    warnings: [...new Set(result.warnings)],
  };
}
