// The shape of a parsed zone. Records keep character offsets into their source text rather than
// Range objects: a million-record zone then costs one small object per record, and ranges are
// computed only for the few records a diagnostic or a feature needs (see ranges.ts).
import type { Range } from '../range';

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

export class ZoneRecord {
  constructor(
    /** Absolute owner name as written (case kept), with the trailing dot. */
    public owner: string,
    /** Upper-case type mnemonic as written (A, MX, TYPE65534, or an unknown word). */
    public type: string,
    /** IANA type code, or -1 for an unknown mnemonic. */
    public typeCode: number,
    public rrclass: string,
    /** Effective TTL in seconds (explicit, $TTL, or inherited), -1 when none could be found. */
    public ttl: number,
    public ttlExplicit: boolean,
    public source: ZoneSource,
    /** Line of the record's first token. */
    public line: number,
    /** Offset of the owner token, or of the first token when the owner is inherited. */
    public start: number,
    /** End of the owner token; equal to `start` when the owner was inherited from the previous record. */
    public ownerEnd: number,
    public typeStart: number,
    public typeEnd: number,
    /** Offsets of the first and past the last character of the data (both = typeEnd when there is none). */
    public rdataStart: number,
    public rdataEnd: number,
    /** For $GENERATE records: the expanded data text (offsets then refer to the template). */
    public generated: string | undefined,
    /** Absolute target name for types whose data names a host (CNAME, MX, NS, SRV, PTR, DNAME). */
    public target: string | undefined,
    /** Offset of the target token in the source (for ranges and quick fixes), -1 when none. */
    public targetStart: number,
    public targetEnd: number,
    /** True when the target was written relative (no trailing dot). */
    public targetRelative: boolean,
  ) {}
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
  message: string;
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
  records: ZoneRecord[];
  directives: ZoneDirective[];
  errors: ZoneError[];
  /** $INCLUDEd sources, in the order read. */
  includes: ZoneSource[];
  /** Offsets of every parenthesis pair in the main source, for folding. */
  parens: Array<{ open: number; close: number }>;
}
