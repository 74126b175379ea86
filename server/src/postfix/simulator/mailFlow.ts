// What happens to an accepted recipient after RCPT TO, as cleanup and then trivial-rewrite do it:
// the address is made canonical (user@$myorigin), recipient_canonical_maps and canonical_maps
// rewrite it (when their *_classes name envelope_recipient), virtual_alias_maps expand it into one
// or more addresses (recursively, an address that maps to itself kept), and each address that
// comes out is routed by recipientRoute(). Every table hit is a rewrite step with its line. The
// envelope sender goes through sender_canonical_maps and canonical_maps (envelope_sender in their
// *_classes), since trivial-rewrite's sender-dependent maps look up the rewritten sender.
import { AddressResolver } from './addressResolution';
import { Canonicalizer, FindContext, Maps, mailAddrMap, MapsLookupError, openMaps } from './addressMapping';
import { ReadFile, TableSet } from './lookupTables';
import { findContext, recipientRoute } from './recipientRoute';
import { ParameterView, readMainSettings } from './settings';
import { FinalRecipient, RecipientRoute, RouteRewrite } from './types';

/** cleanup_map11's limit on canonical rewrites of one address. */
const CANONICAL_RECURSION = 10;

function classes(view: ParameterView, parameter: string): Set<string> {
  return new Set(view.value(parameter).toLowerCase().split(/[\s,]+/).filter(Boolean));
}

/** The words each *_classes parameter takes; cleanup stops at start-up on any other. */
const CLASS_WORDS: Record<string, string[]> = {
  canonical_classes: ['envelope_sender', 'envelope_recipient', 'header_sender', 'header_recipient'],
  recipient_canonical_classes: ['envelope_recipient', 'header_recipient'],
  sender_canonical_classes: ['envelope_sender', 'header_sender'],
};

/** cleanup's fatal error for a word its *_classes parameter does not take. */
function classesError(view: ParameterView): string | undefined {
  for (const [parameter, words] of Object.entries(CLASS_WORDS)) {
    const bad = [...classes(view, parameter)].find((w) => !words.includes(w));
    if (bad) return `cleanup: fatal: unknown ${parameter} value "${bad}" in "${view.value(parameter)}"`;
  }
  return undefined;
}

/** rewrite_clnt(REWRITE_CANON) in the local context, as cleanup asks it for envelope addresses. */
export function canonicalizer(view: ParameterView): Canonicalizer {
  return (input: string) => {
    let address = input;
    if (!address.includes('@')) {
      if (view.flag('swap_bangpath') && address.includes('!')) {
        const b = address.indexOf('!');
        address = `${address.slice(b + 1)}@${address.slice(0, b)}`;
      } else if (view.flag('allow_percent_hack') && address.includes('%')) {
        const p = address.lastIndexOf('%');
        address = `${address.slice(0, p)}@${address.slice(p + 1)}`;
      } else if (view.flag('append_at_myorigin')) address = `${address}@${view.value('myorigin')}`;
    }
    const at = address.lastIndexOf('@');
    if (at < 0) return address;
    let domain = address.slice(at + 1);
    if (domain.endsWith('.') && domain.length > 1) domain = domain.slice(0, -1);
    if (domain !== '' && !domain.includes('.') && !domain.startsWith('[') && view.flag('append_dot_mydomain')) domain = `${domain}.${view.value('mydomain')}`;
    return `${address.slice(0, at)}@${domain}`;
  };
}

class Flow {
  readonly rewrites: RouteRewrite[] = [];
  readonly context: FindContext;
  readonly canonical: Canonicalizer;
  readonly propagate: Set<string>;

  constructor(
    readonly resolver: AddressResolver,
    readonly view: ParameterView,
    readonly tables: TableSet,
  ) {
    this.context = findContext(resolver, view);
    this.canonical = canonicalizer(view);
    this.propagate = classes(view, 'propagate_unmatched_extensions');
  }

  /** Where the hits go: the recipient's rewrites, or the sender's while it is rewritten. */
  target: RouteRewrite[] = this.rewrites;

  private record(maps: Maps, from: string, to: string[], hit: { file?: string; line?: number; table: string }): void {
    this.target.push({ map: maps.parameter, table: hit.table, from, to: to.join(', '), file: hit.file, line: hit.line });
  }

  /** cleanup_map11(): one address in, one out; a result that is its input ends the rewriting. */
  map11(maps: Maps, address: string): string {
    let current = address;
    for (let count = 0; count < CANONICAL_RECURSION; count++) {
      const m = mailAddrMap(maps, current, this.propagate.has('canonical'), this.context, this.canonical);
      if (!m) return current;
      const next = m.addresses[0];
      if (next !== current) this.record(maps, current, [next], m.hit);
      const self = next.toLowerCase() === current.toLowerCase();
      current = next;
      if (self) return current;
    }
    return current;
  }

  /** cleanup_map1n(): virtual alias expansion, the first result in place and the others after. */
  map1n(maps: Maps, address: string): string[] | string {
    const expansionLimit = this.view.number('virtual_alias_expansion_limit');
    const recursionLimit = this.view.number('virtual_alias_recursion_limit');
    const lengthLimit = this.view.number('virtual_alias_address_length_limit');
    const list = [address];
    const expandedToSelf = new Set<string>();
    for (let arg = 0; arg < list.length; arg++) {
      if (list.length > expansionLimit) return `unreasonable virtual_alias_maps expansion size for ${address} (virtual_alias_expansion_limit = ${expansionLimit})`;
      for (let count = 0; ; count++) {
        if (expandedToSelf.has(list[arg].toLowerCase())) break;
        if (count >= recursionLimit) return `unreasonable virtual_alias_maps nesting for ${address} (virtual_alias_recursion_limit = ${recursionLimit})`;
        const from = list[arg];
        const m = mailAddrMap(maps, from, this.propagate.has('virtual'), this.context, this.canonical);
        if (!m) break;
        this.record(maps, from, m.addresses, m.hit);
        m.addresses.forEach((a, i) => {
          if (a.length > lengthLimit) throw new MapsLookupError(`unreasonable virtual_alias_maps result ${a.slice(0, 300)}`);
          if (i === 0) list[arg] = a;
          else list.push(a);
          if (a.toLowerCase() === from.toLowerCase()) expandedToSelf.add(from.toLowerCase());
        });
      }
    }
    return list;
  }
}

/**
 * The mail flow of one accepted recipient. `smtpd` is the view of the smtpd service that accepted
 * it (its receive_override_options can turn address mapping off); everything else is read as
 * cleanup and trivial-rewrite read main.cf.
 */
export function recipientFlow(resolver: AddressResolver, smtpd: ParameterView, tables: TableSet, recipient: string, sender = ''): RecipientRoute {
  const view = resolver.view;
  const flow = new Flow(resolver, view, tables);
  const mapping = !classes(smtpd, 'receive_override_options').has('no_address_mappings');
  let address = flow.canonical(recipient);
  let finals: string[] | string = [address];
  const warnings: string[] = [];
  // The envelope sender, as cleanup rewrites it: trivial-rewrite's sender-dependent maps see that.
  let from = sender === '' ? '' : flow.canonical(sender);
  const senderRewrites: RouteRewrite[] = [];
  try {
    const fatal = classesError(view);
    if (fatal) throw new MapsLookupError(fatal);
    if (mapping && from !== '') {
      flow.target = senderRewrites;
      for (const [maps, cls] of [
        ['sender_canonical_maps', 'sender_canonical_classes'],
        ['canonical_maps', 'canonical_classes'],
      ] as const) {
        const m = classes(view, cls).has('envelope_sender') ? openMaps(tables, maps, view.value(maps)) : undefined;
        if (m) from = flow.map11(m, from);
      }
      flow.target = flow.rewrites;
    }
    if (mapping) {
      for (const [maps, cls] of [
        ['recipient_canonical_maps', 'recipient_canonical_classes'],
        ['canonical_maps', 'canonical_classes'],
      ] as const) {
        const m = classes(view, cls).has('envelope_recipient') ? openMaps(tables, maps, view.value(maps)) : undefined;
        if (m) address = flow.map11(m, address);
      }
      const virtual = openMaps(tables, 'virtual_alias_maps', view.value('virtual_alias_maps'));
      finals = virtual ? flow.map1n(virtual, address) : [address];
    } else finals = [address];
  } catch (err) {
    if (!(err instanceof MapsLookupError)) throw err;
    finals = err.message;
  }
  if (typeof finals === 'string') {
    // cleanup refuses the whole message: the client is told to try again later.
    warnings.push(finals);
    return { class: 'default', address, rewrites: flow.rewrites, transport: 'retry', nexthop: '4.6.0 Alias expansion error', deliveries: [], warnings, ...senderPart(from, senderRewrites) };
  }
  const seen = new Set<string>();
  const deliveries: FinalRecipient[] = [];
  for (const f of finals) {
    if (seen.has(f.toLowerCase())) continue;
    seen.add(f.toLowerCase());
    const r = recipientRoute(resolver, view, tables, f, from);
    deliveries.push({ address: r.address, class: r.class, transport: r.transport, nexthop: r.nexthop, origin: r.origin, ...(r.nexthopOrigin ? { nexthopOrigin: r.nexthopOrigin } : {}) });
    if (r.warnings) warnings.push(...r.warnings);
  }
  const first = deliveries[0];
  return { class: first.class, address: first.address, rewrites: flow.rewrites, transport: first.transport, nexthop: first.nexthop, origin: first.origin, ...(first.nexthopOrigin ? { nexthopOrigin: first.nexthopOrigin } : {}), deliveries, ...(warnings.length ? { warnings } : {}), ...senderPart(from, senderRewrites) };
}

function senderPart(address: string, rewrites: RouteRewrite[]): Pick<RecipientRoute, 'sender'> {
  return rewrites.length > 0 ? { sender: { address, rewrites } } : {};
}

export interface MailFlowInput {
  mainCf: string;
  /** The envelope sender ('' for the null sender). */
  sender?: string;
  mainCfPath?: string;
  readFile?: ReadFile;
  postfixVersion?: string;
}

/** The mail flow of addresses handed to cleanup (sendmail, or smtpd without -o overrides). */
export function mailFlow(input: MailFlowInput, recipients: string[]): RecipientRoute[] {
  const readFile = input.readFile ?? (() => undefined);
  const view = new ParameterView(readMainSettings(input.mainCf, input.mainCfPath ?? 'main.cf'), undefined, input.postfixVersion);
  const tables = new TableSet(readFile);
  const resolver = new AddressResolver(view, tables, readFile);
  return recipients.map((r) => recipientFlow(resolver, view, tables, r, input.sender ?? ''));
}
