// Types for the generator's exports, which tests import.
export const SHARED: string;
export function generate(): string;
