// A finding is a diagnostic before it is tied to the document: checks produce them against
// records, and diagnostics.ts places them (findings in $INCLUDEd files go on the $INCLUDE line).
import type { ZoneSource } from '../../parsers/zone';
import type { Range } from '../../parsers/range';
import type { Localized } from '../../l10n';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Finding {
  code: string;
  severity: Severity;
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n?: Localized;
  source: ZoneSource;
  range: Range;
  data?: unknown;
}

/**
 * Codes for what named-checkzone -i local rejects (the zone is "not loaded due to errors"). The
 * agreement tests compare BIND's verdict with whether we report one of these.
 */
export const BIND_REJECTS = new Set([
  'unbalanced-parentheses', 'unbalanced-quotes', 'no-owner', 'missing-type', 'unknown-type', 'class-mismatch',
  'no-ttl', 'bad-ttl', 'missing-argument', 'unknown-directive', 'include-not-found', 'include-cycle', 'bad-generate',
  'empty-label', 'label-too-long', 'name-too-long', 'bad-escape', 'bad-name',
  'missing-rdata', 'extra-rdata', 'bad-number', 'bad-ipv4', 'bad-ipv6', 'string-too-long', 'bad-caa-tag', 'bad-hex',
  'bad-digest-length', 'bad-base64', 'bad-svc-param', 'bad-generic-length', 'bad-loc',
  'soa-not-at-apex', 'no-soa', 'multiple-soa', 'no-ns', 'cname-and-other-data', 'singleton-type', 'ns-target-no-address',
  'ns-target-is-cname', 'ns-target-below-dname', 'extra-argument', 'bad-eui', 'bad-base32', 'meta-type', 'unknown-type-data',
  'ds-at-apex', 'nsec3-owner', 'bad-naptr-regexp', 'rdata-too-long', 'child-copy-mismatch', 'obsolete-type', 'bad-x25', 'bad-apl', 'bad-uri', 'wildcard-ns',
]);

/**
 * A finding as the checks store it, tied to a row of the record table rather than to lines:
 * offsets are relative to the row's start, so a finding on a record that an edit only moved
 * stays valid (see checkCache.ts). `row` is -1 for findings about the zone as a whole, whose
 * offsets are then absolute in the main source.
 */
export interface Item {
  /** Which check made it, in the order the checks ran (ties at one position are listed by it). */
  rank: number;
  /** Order among the items of one row and rank. */
  ord: number;
  row: number;
  code: string;
  severity: Severity;
  /** In English; `l10n` gives it in another language. */
  message: string;
  l10n?: Localized;
  start: number;
  end: number;
  data?: unknown;
  /** 'offsets': data.start and data.end are offsets, relative like start; 'range': data.typeStart is the item's range. */
  dataKind?: 'offsets' | 'range';
  /** A row whose line number the message quotes ("same as line 12"): when that row moves, the item is made again. */
  lineRef?: number;
}

/** Ranks: the order in which the checks used to run, kept for findings that share a position. */
export const RANK = {
  parse: 0,
  apex: 1,
  cnameExclusive: 2,
  nsTarget: 3,
  record: 4,
  rrset: 5,
  soa: 6,
  mailPolicy: 7,
  spfMultiple: 8,
  workspace: 9,
} as const;
