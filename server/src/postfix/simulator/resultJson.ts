// A simulation as plain JSON for `mailconf simulate --json` and the language server's command:
// steps with their reply, deciding restriction and evaluated restrictions, each located by file
// and line; recipients with their route.
import { SimulationResult } from './types';

/** The JSON form: the shape, with each origin as file and line. */
export function simulationJson(r: SimulationResult): unknown {
  return {
    service: r.service,
    ...(r.fatal ? { fatal: r.fatal } : {}),
    lists: r.lists.map((l) => ({ name: l.name, file: l.origin.file ?? null, line: l.origin.line ?? null, words: l.words.map((w) => ({ text: w.text, file: w.origin.file ?? null, line: w.origin.line ?? null })) })),
    delayReject: r.delayReject,
    steps: r.steps.map((s) => ({
      stage: s.stage,
      command: s.command,
      argument: s.argument,
      reply: s.reply,
      decidedBy: s.decidedBy && { list: s.decidedBy.list, restriction: s.decidedBy.restriction, file: s.decidedBy.file ?? null, line: s.decidedBy.line ?? null },
      evaluated: s.evaluated.map((e) => ({ list: e.list, restriction: e.restriction, ...(e.argument ? { argument: e.argument } : {}), result: e.result, ...(e.detail ? { detail: e.detail } : {}), file: e.origin.file ?? null, line: e.origin.line ?? null })),
    })),
    recipients: r.recipients.map((x) => ({ address: x.address, accepted: x.accepted, deferred: x.deferred, route: x.route ? { class: x.route.class, rewrites: x.route.rewrites, transport: x.route.transport, nexthop: x.route.nexthop } : null })),
    dependsOnDns: r.dependsOnDns,
    warnings: [...new Set(r.warnings)],
  };
}
