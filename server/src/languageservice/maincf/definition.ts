// Go to definition for $name: the main.cf line that sets it, or the -o of the same master.cf
// service. Shared by both files, since a reference in one is often defined in the other.
import { Location, Position } from 'vscode-languageserver-types';
import { contains } from '../../parsers/range';
import type { PostfixPair } from '../postfixPair';
import type { ServiceView } from '../postfixModel';

export function definitionOf(pair: PostfixPair, name: string, service?: ServiceView): Location[] {
  if (service && pair.masterUri) {
    const own = service.entry.options.find((o) => o.name === name);
    if (own?.nameRange) return [Location.create(pair.masterUri, own.nameRange)];
  }
  const entry = pair.model.mainEntries.get(name);
  if (entry && pair.mainUri) return [Location.create(pair.mainUri, entry.nameRange)];
  return [];
}

/** The $reference name under the cursor in main.cf. */
export function mainCfReferenceAt(pair: PostfixPair, pos: Position): string | undefined {
  for (const e of pair.main.entries) {
    if (!contains(e.range, pos) && !contains(e.valueRange, pos)) continue;
    return e.references.find((r) => contains(r.range, pos))?.name;
  }
  return undefined;
}
