// Go to definition on a name in record data: the records owned by that name in this zone.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import { absoluteName, ownerRange } from '../../parsers/zone';
import type { ServiceContext } from '../service';
import { spotAt } from './locate';
import { parsedZone } from './parsed';

export function zoneDefinition(doc: TextDocument, pos: Position, ctx: ServiceContext): Location[] {
  const { zone, index } = parsedZone(doc, ctx.workspace);
  const spot = spotAt(zone, pos);
  if (!spot || spot.kind !== 'data' || spot.tokens.quoted[spot.index]) return [];
  if (!/^[A-Za-z0-9_*@-]/.test(spot.text) || /^\d+$/.test(spot.text)) return [];
  const fqdn = absoluteName(spot.text, zone.origin);
  return index.at(fqdn).map((r) => ({ uri: r.source.uri, range: ownerRange(r) }));
}
