// mailconf.lsp.zone.bumpSerial: raises the SOA serial of a zone document and returns the edit,
// so the client applies it like any refactoring (and can undo it).
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nameKey, offsetRange, recordTokens } from '../parsers/zone';
import { parsedZone } from '../languageservice/zone/parsed';
import { bumpSerial } from '../zone/soa';
import type { CommandContext, ServerCommand } from './command';

/** The edit that bumps the serial of `doc`, or an Error message when there is no readable SOA. */
export function serialBumpEdit(doc: TextDocument, today: Date): WorkspaceEdit {
  const { zone } = parsedZone(doc);
  const soa = zone.records.find((r) => r.type === 'SOA' && r.source === zone.source && nameKey(r.owner) === nameKey(zone.origin))
    ?? zone.records.find((r) => r.type === 'SOA' && r.source === zone.source);
  if (!soa) throw new Error('This zone has no SOA record in this file');
  const tokens = recordTokens(soa);
  if (tokens.count < 3) throw new Error('The SOA record has no serial');
  const start = tokens.starts[2];
  const end = tokens.ends[2];
  const written = zone.source.text.slice(start, end);
  if (!/^\d{1,10}$/.test(written) || Number(written) > 4294967295) throw new Error(`The SOA serial '${written}' is not a number`);
  const next = bumpSerial(Number(written), today);
  return { changes: { [doc.uri]: [{ range: offsetRange(zone.source, start, end), newText: String(next) }] } };
}

export function documentOrRead(uri: unknown, ctx: CommandContext): TextDocument {
  if (typeof uri !== 'string') throw new Error('Expected the URI of a zone file as the first argument');
  const open = ctx.document(uri);
  if (open) return open;
  const text = ctx.workspace.readText(uri);
  if (text === undefined) throw new Error(`Cannot read ${uri}`);
  return TextDocument.create(uri, 'dns-zone', 0, text);
}

export const zoneBumpSerialCommand: ServerCommand = {
  id: 'mailconf.lsp.zone.bumpSerial',
  // Arguments: the zone URI, and optionally today's date (ISO) for reproducible results.
  async run(args, ctx) {
    const doc = documentOrRead(args[0], ctx);
    const today = typeof args[1] === 'string' ? new Date(args[1]) : new Date();
    if (Number.isNaN(today.getTime())) throw new Error(`Bad date '${String(args[1])}'`);
    return serialBumpEdit(doc, today);
  },
};
