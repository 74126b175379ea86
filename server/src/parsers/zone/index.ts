// The DNS master-file parser: pure, exact ranges, never throws.
export * from './tree';
export { parseZone, firstOrigin } from './parser';
export type { ParseOptions } from './parser';
export * from './names';
export * from './ttl';
export * from './types';
export * from './ranges';
export { parseRdata, RdataError, TARGET_TYPES } from './rdata';
export type { Rdata, NameField } from './rdata';
export { recordData, recordTokens } from './data';
