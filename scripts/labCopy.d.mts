export function ensureLabCopy(from: string, to: string, options?: { reset?: boolean }): { fresh: boolean };
export function labPaths(root: string): { examples: string; copy: string };
