// The shape of a parsed zone. Records keep character offsets into their source text rather than
// Range objects: a million-record zone then costs one small object per record, and ranges are
// computed only for the few records a diagnostic or a feature needs (see ranges.ts).
import type { Localized } from '../../l10n';
import type { Range } from '../range';
import { lineOf } from './ranges';
import { typeName } from './types';


/** One file of the zone: the main file or an $INCLUDEd one. */
export interface ZoneSource {
  uri: string;
  text: string;
  /** Offsets where each line starts; lineStarts[0] is 0. */
  lineStarts: Int32Array;
  lineCount: number;
  /** For an $INCLUDEd file: the file and the offsets of the $INCLUDE that read it. */
  includedFrom?: { source: ZoneSource; start: number; end: number };
}

const FLAG_TTL_EXPLICIT = 1;
const FLAG_TARGET_RELATIVE = 2;

/**
 * All records of a parse, column by column in typed arrays: a million records then cost a few
 * dozen bytes each and nothing for the garbage collector to trace. ZoneRecord is a view on one
 * row, made on demand.
 */
export class RecordTable {
  count = 0;
  /**
   * Owner names relative to `apex` ('' for the apex itself), or absolute when `apex` is
   * undefined. Relative names are plain slices of the text, so a big zone builds no strings;
   * records that inherit their owner share the string.
   */
  owner: string[] = [];
  typeCode: Int32Array;
  /** The type token as written, only when it is not the canonical mnemonic in some case (TYPE1, unknown words). */
  typeWritten = new Map<number, string>();
  ttl: Int32Array;
  start: Int32Array;
  ownerEnd: Int32Array;
  typeStart: Int32Array;
  rdataStart: Int32Array;
  rdataEnd: Int32Array;
  flags: Uint8Array;
  sourceIndex: Uint16Array;
  /** Absolute target names of NS, CNAME, DNAME, PTR, MX and SRV records (undefined elsewhere). */
  target: Array<string | undefined> = [];
  targetStart: Int32Array;
  targetEnd: Int32Array;
  sources: ZoneSource[] = [];
  /** Rare per-record data: the class when not IN, the expanded data of $GENERATE records. */
  rrclass = new Map<number, string>();
  generated = new Map<number, string>();

  constructor(
    capacity = 64,
    /** The zone apex the owners are relative to (absolute), or undefined for absolute owners. */
    readonly apex?: string,
  ) {
    const n = Math.max(16, capacity);
    this.typeCode = new Int32Array(n);
    this.ttl = new Int32Array(n);
    this.start = new Int32Array(n);
    this.ownerEnd = new Int32Array(n);
    this.typeStart = new Int32Array(n);
    // Sized once, filled by index: growing them by push would leave copies behind for the GC.
    this.owner = new Array<string>(n);
    this.target = new Array<string | undefined>(n);
    this.rdataStart = new Int32Array(n);
    this.rdataEnd = new Int32Array(n);
    this.flags = new Uint8Array(n);
    this.sourceIndex = new Uint16Array(n);
    this.targetStart = new Int32Array(n);
    this.targetEnd = new Int32Array(n);
  }

  /**
   * Appends a row and returns its index. `type` is the type token as written, kept only when it
   * is not simply the canonical mnemonic of `typeCode`; undefined when the caller knows it is.
   */
  add(owner: string, type: string | undefined, typeCode: number, ttl: number, ttlExplicit: boolean, source: ZoneSource, start: number, ownerEnd: number, typeStart: number, rdataStart: number, rdataEnd: number): number {
    const i = this.count;
    if (i === this.typeCode.length) this.grow();
    this.owner[i] = owner;
    this.target[i] = undefined;
    if (type !== undefined && (typeCode < 0 || typeName(typeCode) !== type)) this.typeWritten.set(i, type);
    this.typeCode[i] = typeCode;
    this.ttl[i] = ttl;
    this.start[i] = start;
    this.ownerEnd[i] = ownerEnd;
    this.typeStart[i] = typeStart;
    this.rdataStart[i] = rdataStart;
    this.rdataEnd[i] = rdataEnd;
    this.flags[i] = ttlExplicit ? FLAG_TTL_EXPLICIT : 0;
    let s = this.sources.length - 1;
    if (s < 0 || this.sources[s] !== source) {
      s = this.sources.indexOf(source);
      if (s < 0) s = this.sources.push(source) - 1;
    }
    this.sourceIndex[i] = s;
    this.targetStart[i] = -1;
    this.targetEnd[i] = -1;
    this.count = i + 1;
    return i;
  }

  /** Upper-case type mnemonic of row i as written (A, MX, TYPE65534, or an unknown word). */
  typeOf(i: number): string {
    const written = this.typeWritten.get(i);
    return written !== undefined ? written.toUpperCase() : (typeName(this.typeCode[i]) as string);
  }

  /** End offset of the type token of row i. */
  typeEndOf(i: number): number {
    const written = this.typeWritten.get(i);
    return this.typeStart[i] + (written !== undefined ? written.length : (typeName(this.typeCode[i]) as string).length);
  }

  setTarget(i: number, name: string, start: number, end: number, relative: boolean): void {
    this.target[i] = name;
    this.targetStart[i] = start;
    this.targetEnd[i] = end;
    if (relative) this.flags[i] |= FLAG_TARGET_RELATIVE;
  }

  /** The absolute owner name of row i. */
  ownerName(i: number): string {
    const o = this.owner[i];
    const apex = this.apex;
    if (apex === undefined) return o;
    if (o === '') return apex;
    return apex === '.' ? o + '.' : o + '.' + apex;
  }

  /** A name as this table stores owners (relative to the apex), or undefined when outside it. */
  keyOf(name: string): string | undefined {
    const apex = this.apex;
    if (apex === undefined) return name;
    if (apex === '.') return name === '.' ? '' : name.slice(0, -1);
    const n = name.length;
    const a = apex.length;
    if (n === a) return equalsIgnoreCase(name, 0, apex) ? '' : undefined;
    if (n < a + 2 || name.charCodeAt(n - a - 1) !== 46 || !equalsIgnoreCase(name, n - a, apex)) return undefined;
    return name.slice(0, n - a - 1);
  }

  record(i: number): ZoneRecord {
    return new ZoneRecord(this, i);
  }

  private grow(): void {
    const n = this.typeCode.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.typeCode = g32(this.typeCode);
    this.ttl = g32(this.ttl);
    this.start = g32(this.start);
    this.ownerEnd = g32(this.ownerEnd);
    this.typeStart = g32(this.typeStart);
    this.rdataStart = g32(this.rdataStart);
    this.rdataEnd = g32(this.rdataEnd);
    this.targetStart = g32(this.targetStart);
    this.targetEnd = g32(this.targetEnd);
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.flags = f;
    const si = new Uint16Array(n);
    si.set(this.sourceIndex);
    this.sourceIndex = si;
  }
}

/** True when text[at, at + word.length) equals word, ASCII case-insensitively. */
function equalsIgnoreCase(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    let x = text.charCodeAt(at + i);
    let y = word.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x |= 0x20;
    if (y >= 65 && y <= 90) y |= 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** One record: a view on a row of a RecordTable. */
export class ZoneRecord {
  constructor(
    readonly table: RecordTable,
    readonly index: number,
  ) {}
  /** Absolute owner name as written (case kept), with the trailing dot. */
  get owner(): string {
    return this.table.ownerName(this.index);
  }
  /** Upper-case type mnemonic as written (A, MX, TYPE65534, or an unknown word). */
  get type(): string {
    return this.table.typeOf(this.index);
  }
  /** IANA type code, or -1 for an unknown mnemonic. */
  get typeCode(): number {
    return this.table.typeCode[this.index];
  }
  get rrclass(): string {
    return this.table.rrclass.get(this.index) ?? 'IN';
  }
  /** Effective TTL in seconds (explicit, $TTL, or inherited), -1 when none could be found. */
  get ttl(): number {
    return this.table.ttl[this.index];
  }
  get ttlExplicit(): boolean {
    return (this.table.flags[this.index] & FLAG_TTL_EXPLICIT) !== 0;
  }
  get source(): ZoneSource {
    return this.table.sources[this.table.sourceIndex[this.index]];
  }
  /** Line of the record's first token. */
  get line(): number {
    return lineOf(this.source, this.start);
  }
  /** Offset of the owner token, or of the first token when the owner is inherited. */
  get start(): number {
    return this.table.start[this.index];
  }
  /** End of the owner token; equal to `start` when the owner was inherited from the previous record. */
  get ownerEnd(): number {
    return this.table.ownerEnd[this.index];
  }
  get typeStart(): number {
    return this.table.typeStart[this.index];
  }
  get typeEnd(): number {
    return this.table.typeEndOf(this.index);
  }
  /** Offsets of the first and past the last character of the data (both = typeEnd when there is none). */
  get rdataStart(): number {
    return this.table.rdataStart[this.index];
  }
  get rdataEnd(): number {
    return this.table.rdataEnd[this.index];
  }
  /** For $GENERATE records: the expanded data text (offsets then refer to the template). */
  get generated(): string | undefined {
    return this.table.generated.get(this.index);
  }
  /** Absolute target name for types whose data names a host (CNAME, MX, NS, SRV, PTR, DNAME). */
  get target(): string | undefined {
    return this.table.target[this.index];
  }
  /** Offset of the target token in the source (for ranges and quick fixes), -1 when none. */
  get targetStart(): number {
    return this.table.targetStart[this.index];
  }
  get targetEnd(): number {
    return this.table.targetEnd[this.index];
  }
  /** True when the target was written relative (no trailing dot). */
  get targetRelative(): boolean {
    return (this.table.flags[this.index] & FLAG_TARGET_RELATIVE) !== 0;
  }
}

export interface ZoneDirective {
  name: string; // $ORIGIN, $TTL, $INCLUDE, $GENERATE or an unknown $WORD
  source: ZoneSource;
  line: number;
  start: number;
  end: number;
  /** The directive's arguments as written. */
  args: string[];
}

export interface ZoneError {
  code: string;
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n?: Localized;
  source: ZoneSource;
  range: Range;
  /** 'error' (BIND rejects the zone), 'warning' (BIND warns and loads it). */
  severity: 'error' | 'warning';
}

export interface ZoneFile {
  /** The main source (the file parsed). */
  source: ZoneSource;
  /** The zone apex: from the options, else the first $ORIGIN, else '.'. Absolute. */
  origin: string;
  /** The in-zone records, column by column (use this for whole-zone passes on big zones). */
  table: RecordTable;
  /** The same records as views, made on first use (convenient for small zones and features). */
  readonly records: ZoneRecord[];
  /** Records outside the zone, which BIND ignores. */
  outOfZone: RecordTable;
  directives: ZoneDirective[];
  errors: ZoneError[];
  /** $INCLUDEd sources, in the order read. */
  includes: ZoneSource[];
  /** Offsets of every parenthesis pair in the main source, for folding. */
  parens: Array<{ open: number; close: number }>;
}
