// A finding is a diagnostic before it is tied to the document: checks produce them against
// records, and diagnostics.ts places them (findings in $INCLUDEd files go on the $INCLUDE line).
import type { ZoneSource } from '../../parsers/zone';
import type { Range } from '../../parsers/range';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
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
  'ns-target-is-cname', 'extra-argument',
]);
