// Types for the generator's exports, which tests import.
export const SHARED: string;
export function compareVersions(a: string, b: string): number;
export function generate(): string;
