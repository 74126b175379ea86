// Where an accepted recipient goes: its address class decides the default transport (local,
// virtual, relay or default_transport, with relayhost as next hop for the last two), and
// transport_maps may override it for the address or its domain. Canonical and virtual-alias
// rewriting before this step is not simulated yet.
import { AddressResolver } from './addressResolution';
import { findDomain } from './accessLookups';
import { TableSet } from './lookupTables';
import { parentStyleFor } from './matchList';
import { splitWords } from './restrictionList';
import { ParameterView } from './settings';
import { RecipientRoute } from './types';

const CLASS_TRANSPORT = { local: 'local_transport', alias: undefined, virtual: 'virtual_transport', relay: 'relay_transport', default: 'default_transport' } as const;

export function recipientRoute(resolver: AddressResolver, view: ParameterView, tables: TableSet, recipient: string): RecipientRoute {
  const r = resolver.resolve(recipient);
  const parameter = CLASS_TRANSPORT[r.addressClass];
  let channel = parameter ? view.value(parameter) : 'error:5.1.1 User unknown in virtual alias table';
  let nexthop = r.domain;
  if (r.addressClass === 'relay' || r.addressClass === 'default') {
    const relayhost = view.value('relayhost').trim();
    if (relayhost) nexthop = relayhost;
  }
  let origin = parameter ? view.origin(parameter) : r.decidedBy;
  for (const w of splitWords(view.value('transport_maps'))) {
    const table = tables.open(w.text);
    const parent = parentStyleFor(view.value('parent_domain_matches_subdomains'), 'transport_maps');
    const hit = table.lookup(r.address) ?? findDomain(table, r.domain, parent) ?? table.lookup('*');
    if (!hit) continue;
    const colon = hit.value.indexOf(':');
    const t = colon < 0 ? hit.value : hit.value.slice(0, colon);
    const n = colon < 0 ? '' : hit.value.slice(colon + 1);
    if (t) channel = n ? `${t}:${n}` : t + (channel.includes(':') && !n ? channel.slice(channel.indexOf(':')) : '');
    else if (n) channel = `${channel.split(':')[0]}:${n}`;
    origin = { parameter: 'transport_maps', file: hit.file, line: hit.line };
    break;
  }
  const colon = channel.indexOf(':');
  const transport = colon < 0 ? channel : channel.slice(0, colon);
  if (colon >= 0 && channel.slice(colon + 1)) nexthop = channel.slice(colon + 1);
  return { class: r.addressClass, address: r.address, rewrites: [], transport, nexthop, origin };
}
