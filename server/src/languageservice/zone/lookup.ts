// Name lookups for the checks that relate a record to other names (targets, CNAME chains,
// delegations). While the cache records, each name asked about is noted: a finding that came
// from these lookups needs checking again only when the records at one of those names change.
import type { ZoneRecord } from '../../parsers/zone';
import type { ZoneIndex } from '../../zone/zoneIndex';

/**
 * The lookups the checks make. A check from scratch asks the ZoneIndex itself; only the cache's
 * recording checks go through Lookup. (A wrapper on every lookup of a one-shot check was one more
 * layer for V8 to optimize, with the index's lookup inlined into it again.)
 */
export type NameLookup = Pick<ZoneIndex, 'mask' | 'rowOfType' | 'hasType' | 'at' | 'rows'>;

/** A name as the index compares names (ASCII case folded), to key what changed and what depends on it. */
export function nameId(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) return name.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return name;
}

/** A NameLookup that notes the names asked about, for the cache (checkCache.ts). */
export class Lookup implements NameLookup {
  /** The names asked about since it was last set, when recording. */
  deps: string[] | undefined;

  constructor(readonly index: ZoneIndex) {}

  private note(name: string): void {
    if (this.deps) this.deps.push(nameId(name));
  }

  mask(name: string): number {
    this.note(name);
    return this.index.mask(name);
  }

  rowOfType(name: string, code: number): number {
    this.note(name);
    return this.index.rowOfType(name, code);
  }

  hasType(name: string, ...types: string[]): boolean {
    this.note(name);
    return this.index.hasType(name, ...types);
  }

  at(name: string): ZoneRecord[] {
    this.note(name);
    return this.index.at(name);
  }

  rows(name: string): number[] {
    this.note(name);
    return this.index.rows(name);
  }
}
