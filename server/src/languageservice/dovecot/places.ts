// Which settings and sections each node of a Dovecot file may use, by the installed Dovecot's
// data: the one evaluator that diagnostics, completion and hover all ask.
import { DovecotFrame, DovecotNode, DovecotSection, walkDovecot } from '../../parsers/dovecot';
import { dovecotData, Place, placeOf } from '../../dovecot/settings';

/** Deeper than any real configuration: past this, nodes are not checked (and never cost time). */
const MAX_DEPTH = 12;

/** The sections around a node, outermost first; undefined past MAX_DEPTH. */
function sectionsOf(frame: DovecotFrame | undefined): DovecotSection[] | undefined {
  const sections: DovecotSection[] = [];
  for (let f = frame; f; f = f.up) {
    if (sections.length >= MAX_DEPTH) return undefined;
    sections.push(f.section);
  }
  return sections.reverse();
}

/**
 * The place inside these sections. A listener added to service auth starts from other defaults
 * than one of another service (root-owned, 0600), and completion and hover show those.
 */
function placeIn(sections: { type: string; name: string }[]): Place | undefined {
  const path = sections.map((s) => s.type);
  const place = placeOf(path);
  if (place?.kind === 'settings' && path.join('/') === 'service/unix_listener' && sections[0].name === 'auth')
    return { ...place, settings: { ...place.settings, ...dovecotData().authListenerDefaults } };
  return place;
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
      const sections = sectionsOf(frame);
      where = sections ? { place: placeIn(sections), path: sections.map((x) => x.type) } : null;
      known.set(frame, where);
    }
    if (where) out.push({ node, place: where.place, path: where.path });
  }
  return out;
}

/** The place at a line of the file: the innermost section whose braces enclose it. */
export function placeAt(nodes: DovecotNode[], line: number): { place?: Place; path: string[] } {
  const sections: DovecotSection[] = [];
  let level = nodes;
  for (;;) {
    const inside = level.find((n) => n.kind === 'section' && n.headerRange.end.line < line && (n.closeRange ? n.closeRange.start.line >= line : n.range.end.line >= line));
    if (!inside || inside.kind !== 'section' || sections.length >= MAX_DEPTH) break;
    sections.push(inside);
    level = inside.children;
  }
  return { place: placeIn(sections), path: sections.map((x) => x.type) };
}
