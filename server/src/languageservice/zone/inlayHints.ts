// Inlay hints (an optional editor setting): after each relative name, the zone suffix that makes
// it absolute, so `mail` reads as `mail.mail1.org.` and a forgotten dot shows as a doubled zone.
// The service answers with these only when the editor setting is on (see settings.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver-types';
import { isAbsolute, offsetAt, positionAt } from '../../parsers/zone';
import { mainRecords } from './locate';
import { parsedZone } from './parsed';

export function zoneInlayHints(doc: TextDocument, range: Range): InlayHint[] {
  const { zone } = parsedZone(doc);
  const source = zone.source;
  const from = offsetAt(source, range.start);
  const to = offsetAt(source, range.end);
  const out: InlayHint[] = [];
  const suffix = (written: string, absolute: string): string | undefined => {
    if (written === '@') return ` ${absolute}`;
    if (isAbsolute(written) || !absolute.toLowerCase().startsWith(written.toLowerCase())) return undefined;
    return absolute.slice(written.length);
  };
  const hint = (end: number, label: string | undefined) => {
    if (label) out.push({ position: positionAt(source, end), label, kind: InlayHintKind.Type, paddingLeft: false });
  };
  for (const r of mainRecords(zone)) {
    if (r.start > to) break;
    if (r.rdataEnd < from || r.generated !== undefined) continue;
    if (r.ownerEnd > r.start) hint(r.ownerEnd, suffix(source.text.slice(r.start, r.ownerEnd), r.owner));
    if (r.target !== undefined && r.targetStart >= 0) hint(r.targetEnd, suffix(source.text.slice(r.targetStart, r.targetEnd), r.target));
  }
  return out;
}
