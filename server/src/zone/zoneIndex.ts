// Records grouped by owner name (case-insensitive), for the checks that relate records to each
// other. A name with one record maps straight to it, saving an array per name in large zones.
import type { ZoneRecord } from '../parsers/zone';

export class ZoneIndex {
  private readonly byOwner = new Map<string, ZoneRecord | ZoneRecord[]>();

  constructor(records: readonly ZoneRecord[]) {
    const map = this.byOwner;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const key = r.owner.toLowerCase();
      const had = map.get(key);
      if (had === undefined) map.set(key, r);
      else if (Array.isArray(had)) had.push(r);
      else map.set(key, [had, r]);
    }
  }

  /** Records at a name (any case), in file order. */
  at(name: string): readonly ZoneRecord[] {
    const had = this.byOwner.get(name.toLowerCase());
    return had === undefined ? [] : Array.isArray(had) ? had : [had];
  }

  has(name: string): boolean {
    return this.byOwner.has(name.toLowerCase());
  }

  hasType(name: string, ...types: string[]): boolean {
    const had = this.byOwner.get(name.toLowerCase());
    if (had === undefined) return false;
    if (!Array.isArray(had)) return types.includes(had.type);
    return had.some((r) => types.includes(r.type));
  }

  /** Calls fn for every name holding more than one record. */
  forEachGroup(fn: (records: ZoneRecord[]) => void): void {
    for (const v of this.byOwner.values()) if (Array.isArray(v)) fn(v);
  }

  names(): IterableIterator<string> {
    return this.byOwner.keys();
  }

  get size(): number {
    return this.byOwner.size;
  }
}
