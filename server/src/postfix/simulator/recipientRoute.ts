// Where trivial-rewrite sends one address (resolve.c): its class decides the default transport
// (local_transport, virtual_transport, relay_transport or default_transport, a virtual alias
// domain without an alias being error:User unknown; sender_dependent_default_transport_maps may
// choose it for the default class), sender_dependent_relayhost_maps or relayhost is the next hop
// of the off-host classes, a main.cf "transport:nexthop" overrides that, transport_maps may override both, and
// relocated_maps bounces a user who has moved. Canonical and virtual-alias rewriting come
// before this step, in cleanup (mailFlow.ts).
import { AddressResolver, Resolution } from './addressResolution';
import { DEFAULT_STRATEGY, FindContext, Maps, mailAddrFind, MapsHit, MapsLookupError, openMaps } from './addressMapping';
import { TableSet } from './lookupTables';
import { parentStyleFor } from './matchList';
import { Origin, ParameterView } from './settings';
import { RecipientRoute } from './types';

const CLASS_TRANSPORT = { local: 'local_transport', alias: undefined, virtual: 'virtual_transport', relay: 'relay_transport', default: 'default_transport' } as const;

function hitOrigin(parameter: string, hit: MapsHit): Origin {
  return { parameter, file: hit.file, line: hit.line };
}

export function findContext(resolver: AddressResolver, view: ParameterView): FindContext {
  return { recipientDelimiter: view.value('recipient_delimiter'), myorigin: view.value('myorigin'), isLocal: (d) => resolver.isLocalDomain(d).local };
}

/** The transport and next hop of an error or retry entry without a next hop of its own. */
const UNDELIVERABLE = 'Address is undeliverable';

interface Pair {
  transport: string;
  nexthop: string;
}

/** parse_transport_entry(): "transport:nexthop", either part possibly empty. */
function parseEntry(value: string): Pair {
  const colon = value.indexOf(':');
  return colon < 0 ? { transport: value, nexthop: '' } : { transport: value.slice(0, colon), nexthop: value.slice(colon + 1) };
}

/**
 * update_entry(): ":nexthop" keeps the transport; "transport" alone resets the next hop to the
 * recipient's domain (free text for error and retry).
 */
function updateEntry(entry: Pair, domain: string, current: Pair): Pair {
  if (entry.transport === '') return { transport: current.transport, nexthop: entry.nexthop || current.nexthop };
  if (entry.nexthop) return entry;
  return { transport: entry.transport, nexthop: entry.transport === 'error' || entry.transport === 'retry' ? UNDELIVERABLE : domain };
}

/**
 * A sender-dependent table's answer for the sender ('<>'-style key for the null sender); DUNNO
 * and an empty answer mean none.
 */
function senderDependent(tables: TableSet, view: ParameterView, context: FindContext, parameter: string, keyParameter: string, sender: string): MapsHit | undefined {
  const maps = openMaps(tables, parameter, view.value(parameter));
  const hit = maps && mailAddrFind(maps, sender === '' ? view.value(keyParameter) : sender, DEFAULT_STRATEGY, context);
  return hit && hit.value !== '' && hit.value.toUpperCase() !== 'DUNNO' ? hit : undefined;
}

export function recipientRoute(resolver: AddressResolver, view: ParameterView, tables: TableSet, recipient: string, sender = ''): RecipientRoute {
  return routeOfResolved(resolver, view, tables, resolver.resolve(recipient), sender);
}

/** recipientRoute() for an address the caller has already resolved (smtpd's checks resolve first). */
export function routeOfResolved(resolver: AddressResolver, view: ParameterView, tables: TableSet, r: Resolution, sender = ''): RecipientRoute {
  const parameter = CLASS_TRANSPORT[r.addressClass];
  let channel = parameter ? view.value(parameter) : 'error';
  let nexthop = r.domain;
  let origin = parameter ? view.origin(parameter) : r.decidedBy;
  /** Where the next hop comes from when that is not where the transport comes from. */
  let nexthopOrigin: Origin | undefined;
  const context = findContext(resolver, view);
  const warnings: string[] = [];
  if (!parameter) nexthop = `5.1.1 User unknown${view.flag('show_user_unknown_table_name') ? ' in virtual alias table' : ''}`;
  else if (r.addressClass === 'relay' || r.addressClass === 'default') {
    try {
      const transport = r.addressClass === 'default' ? senderDependent(tables, view, context, 'sender_dependent_default_transport_maps', 'empty_address_default_transport_maps_lookup_key', sender) : undefined;
      if (transport) {
        channel = transport.value;
        origin = hitOrigin('sender_dependent_default_transport_maps', transport);
      }
      const relay = senderDependent(tables, view, context, 'sender_dependent_relayhost_maps', 'empty_address_relayhost_maps_lookup_key', sender);
      const relayhost = view.value('relayhost').trim();
      if (relay) {
        nexthop = relay.value;
        nexthopOrigin = hitOrigin('sender_dependent_relayhost_maps', relay);
      } else if (relayhost) {
        nexthop = relayhost;
        nexthopOrigin = view.origin('relayhost');
      }
    } catch (err) {
      if (!(err instanceof MapsLookupError)) throw err;
      return { class: r.addressClass, address: r.address, rewrites: [], transport: 'retry', nexthop: '4.3.0 address resolver failure', origin, warnings: [err.message] };
    }
  }
  // "smtp:[host]" in main.cf: the part after the colon is the next hop.
  const colon = channel.indexOf(':');
  if (colon >= 0) {
    if (channel.slice(colon + 1)) {
      nexthop = channel.slice(colon + 1);
      nexthopOrigin = undefined;
    }
    channel = channel.slice(0, colon);
  }
  let route = { transport: channel, nexthop };
  try {
    const transportMaps = r.addressClass === 'alias' ? undefined : openMaps(tables, 'transport_maps', view.value('transport_maps'));
    if (transportMaps) {
      const style = parentStyleFor(view.value('parent_domain_matches_subdomains'), 'transport_maps') ? 'parent' : 'dot';
      const hit = mailAddrFind(transportMaps, r.address, { address: true, localPartIfLocal: false, atDomain: false, domain: style }, context) ?? wildcard(transportMaps);
      if (hit) {
        // The wildcard entry is first read against an empty domain and pair, as transport.c does.
        const entry = hit.key === '*' ? updateEntry(parseEntry(hit.value), '', { transport: '', nexthop: '' }) : parseEntry(hit.value);
        route = updateEntry(entry, r.domain, route);
        // ":nexthop" keeps the transport and where it came from.
        if (entry.transport === '') nexthopOrigin = hitOrigin('transport_maps', hit);
        else {
          origin = hitOrigin('transport_maps', hit);
          nexthopOrigin = undefined;
        }
      }
    }
    const relocated = openMaps(tables, 'relocated_maps', view.value('relocated_maps'));
    const moved = relocated && mailAddrFind(relocated, r.address, DEFAULT_STRATEGY, context);
    if (moved) {
      route = { transport: 'error', nexthop: `5.1.6 User has moved to ${moved.value}` };
      origin = hitOrigin('relocated_maps', moved);
      nexthopOrigin = undefined;
    }
  } catch (err) {
    if (!(err instanceof MapsLookupError)) throw err;
    // trivial-rewrite answers with a failure, and qmgr sends the mail to the retry transport.
    warnings.push(err.message);
    route = { transport: 'retry', nexthop: '4.3.0 address resolver failure' };
    nexthopOrigin = undefined;
  }
  return { class: r.addressClass, address: r.address, rewrites: [], transport: route.transport, nexthop: route.nexthop, origin, ...(nexthopOrigin ? { nexthopOrigin } : {}), ...(warnings.length ? { warnings } : {}) };
}

/** The "*" entry, asked of every table (pattern tables too). */
function wildcard(maps: Maps): MapsHit | undefined {
  for (const t of maps.tables) {
    const hit = t.lookup('*');
    if (hit) return { ...hit, key: '*', table: t.spec };
  }
  return undefined;
}
