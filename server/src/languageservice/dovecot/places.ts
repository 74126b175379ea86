// Which settings and sections each node of a Dovecot file may use, by the installed Dovecot's
// data: the one evaluator that diagnostics, completion and hover all ask.
import { DovecotFrame, DovecotNode, walkDovecot } from '../../parsers/dovecot';
import { dovecotData, Place, placeOf } from '../../dovecot/settings';

/** Deeper than any real configuration: past this, nodes are not checked (and never cost time). */
const MAX_DEPTH = 12;

function sectionTypes(frame: DovecotFrame | undefined): string[] | undefined {
  const types: string[] = [];
  for (let f = frame; f; f = f.up) {
    if (types.length >= MAX_DEPTH) return undefined;
    types.push(f.section.type);
  }
  return types.reverse();
}

export interface PlacedNode {
  node: DovecotNode;
  /** Where the node sits; undefined inside a section Dovecot does not know (reported once, there). */
  place?: Place;
  path: string[];
}

/** Every node with the place that holds it. */
export function placedNodes(nodes: DovecotNode[]): PlacedNode[] {
  const known = new Map<DovecotFrame | undefined, { place?: Place; path: string[] } | null>();
  const out: PlacedNode[] = [];
  for (const { node, frame } of walkDovecot(nodes)) {
    let where = known.get(frame);
    if (where === undefined) {
      const path = sectionTypes(frame);
      where = path ? { place: placeOf(path), path } : null;
      known.set(frame, where);
    }
    if (where) out.push({ node, place: where.place, path: where.path });
  }
  return out;
}

/** The place at a line of the file: the innermost section whose braces enclose it. */
export function placeAt(nodes: DovecotNode[], line: number): { place?: Place; path: string[]; names: string[] } {
  const path: string[] = [];
  const names: string[] = [];
  let level = nodes;
  for (;;) {
    const inside = level.find((n) => n.kind === 'section' && n.headerRange.end.line < line && (n.closeRange ? n.closeRange.start.line >= line : n.range.end.line >= line));
    if (!inside || inside.kind !== 'section' || path.length >= MAX_DEPTH) break;
    path.push(inside.type);
    names.push(inside.name);
    level = inside.children;
  }
  const place = placeOf(path);
  // A listener added to service auth starts from other defaults than one of another service.
  if (place?.kind === 'settings' && path.join('/') === 'service/unix_listener' && names[0] === 'auth')
    return { place: { ...place, settings: { ...place.settings, ...dovecotData().authListenerDefaults } }, path, names };
  return { place, path, names };
}
