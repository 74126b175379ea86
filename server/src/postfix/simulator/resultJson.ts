// A simulation as plain JSON for `mailconf simulate --json` and the language server's command:
// steps with their reply, deciding restriction and evaluated restrictions, each located by file
// and line; recipients with their route.
import { RecipientRoute, RouteRewrite, SimulationResult } from './types';

/** The route: the first delivered address's class, transport and next hop, every table hit with its line, every delivered address, and the sender when a table rewrote it. */
function rewritesJson(rewrites: RouteRewrite[]): unknown[] {
  return rewrites.map((w) => ({ map: w.map, from: w.from, to: w.to, table: w.table, file: w.file ?? null, line: w.line ?? null }));
}

function routeJson(r: RecipientRoute): unknown {
  return {
    class: r.class,
    rewrites: rewritesJson(r.rewrites),
    transport: r.transport,
    nexthop: r.nexthop,
    address: r.address,
    deliveries: (r.deliveries ?? []).map((d) => ({ address: d.address, class: d.class, transport: d.transport, nexthop: d.nexthop, ...(d.origin ? { setting: d.origin.parameter, file: d.origin.file ?? null, line: d.origin.line ?? null } : {}), ...(d.nexthopOrigin ? { nexthopSetting: d.nexthopOrigin.parameter, nexthopFile: d.nexthopOrigin.file ?? null, nexthopLine: d.nexthopOrigin.line ?? null } : {}) })),
    ...(r.sender ? { sender: { address: r.sender.address, rewrites: rewritesJson(r.sender.rewrites) } } : {}),
  };
}

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
    recipients: r.recipients.map((x) => ({ address: x.address, accepted: x.accepted, deferred: x.deferred, route: x.route ? routeJson(x.route) : null })),
    dependsOnDns: r.dependsOnDns,
    warnings: [...new Set(r.warnings)],
  };
}
