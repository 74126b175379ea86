// mailconf.lsp.zone.generatePtr: PTR records for a reverse zone from the A/AAAA records of
// forward zones, appended to the reverse zone as an edit. Names already there are left alone.
// mailconf.lsp.zone.reverseZones: for a forward zone, the text of new reverse zones that name its
// addresses (see zone/reverseZone.ts); the client writes the one the user picks to a new file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { nameKey, recordData } from '../parsers/zone';
import { parsedZone } from '../languageservice/zone/parsed';
import { AddressRecord, generatePtrRecords } from '../zone/ptr';
import { ForwardZoneFacts, reverseZonesFor } from '../zone/reverseZone';
import type { ServerCommand } from './command';
import { documentOrRead } from './zoneSerial';

const isReverseZone = (origin: string) => /\.(in-addr|ip6)\.arpa\.$/i.test(origin);

export function ptrEdit(reverse: TextDocument, forwards: TextDocument[]): { edit: WorkspaceEdit; added: number } {
  const rev = parsedZone(reverse).zone;
  if (!isReverseZone(rev.origin)) throw new Error(`${rev.origin} is not a reverse zone (in-addr.arpa or ip6.arpa)`);
  const addresses: AddressRecord[] = [];
  for (const f of forwards) {
    const { zone } = parsedZone(f);
    for (const r of zone.records) {
      if (r.type !== 'A' && r.type !== 'AAAA') continue;
      const d = recordData(r, zone.origin);
      if (d && (d.type === 'A' || d.type === 'AAAA')) addresses.push({ owner: r.owner, type: d.type, address: d.address });
    }
  }
  const existing = new Set(rev.records.filter((r) => r.type === 'PTR').map((r) => nameKey(r.owner)));
  const lines = generatePtrRecords(addresses, rev.origin).filter((line) => {
    const owner = line.split('\t')[0];
    return !existing.has(nameKey(owner === '@' ? rev.origin : `${owner}.${rev.origin}`));
  });
  const text = reverse.getText();
  const end = reverse.positionAt(text.length);
  const prefix = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  const newText = lines.length ? `${prefix}; PTR records generated from ${forwards.map((f) => f.uri.split('/').pop()).join(', ')}\n${lines.join('\n')}\n` : '';
  return { edit: { changes: { [reverse.uri]: lines.length ? [{ range: { start: end, end }, newText }] : [] } }, added: lines.length };
}

export const zoneGeneratePtrCommand: ServerCommand = {
  id: 'mailconf.lsp.zone.generatePtr',
  // Arguments: the reverse zone URI, then one or more forward zone URIs (or an array of them).
  async run(args, ctx) {
    const reverse = documentOrRead(args[0], ctx);
    const forwardUris = args.slice(1).flat();
    if (forwardUris.length === 0) throw new Error('Give the forward zone files to take the A/AAAA records from');
    return ptrEdit(reverse, forwardUris.map((u) => documentOrRead(u, ctx))).edit;
  },
};

/** What a new reverse zone takes from its forward zone. */
export function forwardFacts(forward: TextDocument): ForwardZoneFacts {
  const { zone } = parsedZone(forward);
  const apex = nameKey(zone.origin);
  const facts: ForwardZoneFacts = { origin: zone.origin, nameServers: [], mailHosts: [], addresses: [] };
  for (const r of zone.records) {
    const d = recordData(r, zone.origin);
    if (!d) continue;
    if (d.type === 'A' || d.type === 'AAAA') facts.addresses.push({ owner: r.owner, type: d.type, address: d.address });
    else if (d.type === 'MX') facts.mailHosts.push(d.exchange.name);
    else if (d.type === 'NS' && nameKey(r.owner) === apex) facts.nameServers.push(d.target.name);
    else if (d.type === 'SOA' && !facts.soa) facts.soa = { mname: d.mname.name, rname: d.rname.name, refresh: d.refresh, retry: d.retry, expire: d.expire, minimum: d.minimum };
  }
  return facts;
}

export const zoneReverseZonesCommand: ServerCommand = {
  id: 'mailconf.lsp.zone.reverseZones',
  // Arguments: the zone URI, then optionally today's date (YYYY-MM-DD) for the serial. Answers
  // null when the zone is itself a reverse zone (then generatePtr is what the user wants).
  async run(args, ctx) {
    const forward = documentOrRead(args[0], ctx);
    if (isReverseZone(parsedZone(forward).zone.origin)) return null;
    const today = typeof args[1] === 'string' ? new Date(`${args[1]}T12:00:00Z`) : new Date();
    return reverseZonesFor(forwardFacts(forward), today, forward.uri.split('/').pop() ?? forward.uri, ctx.locale);
  },
};
