export { parseZone, recordData } from '../../../../server/src/parsers/zone';
import type { Range } from '../../../../server/src/parsers/range';

/** A range is well formed: non-negative and not ending before it starts. */
export function wellFormed(r: Range): boolean {
  const startsOk = r.start.line >= 0 && r.start.character >= 0;
  const ordered = r.end.line > r.start.line || (r.end.line === r.start.line && r.end.character >= r.start.character);
  return startsOk && ordered;
}
