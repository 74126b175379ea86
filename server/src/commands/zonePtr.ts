// mailconf.lsp.zone.generatePtr: PTR records for a reverse zone from the A/AAAA records of
// forward zones, appended to the reverse zone as an edit. Names already there are left alone.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { nameKey, recordData } from '../parsers/zone';
import { parsedZone } from '../languageservice/zone/parsed';
import { AddressRecord, generatePtrRecords } from '../zone/ptr';
import type { ServerCommand } from './command';
import { documentOrRead } from './zoneSerial';

export function ptrEdit(reverse: TextDocument, forwards: TextDocument[]): { edit: WorkspaceEdit; added: number } {
  const rev = parsedZone(reverse).zone;
  if (!/\.(in-addr|ip6)\.arpa\.$/i.test(rev.origin)) throw new Error(`${rev.origin} is not a reverse zone (in-addr.arpa or ip6.arpa)`);
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
