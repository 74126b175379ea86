// How Postfix itself reads each parameter: the kind of value its configuration tables declare
// (bool, int, long, time, str, raw) and the bounds the daemon enforces at start-up. Generated
// from Postfix's source by releases/generateValueKinds.mjs; loaded on first use.
export type ValueKind = 'bool' | 'int' | 'long' | 'time' | 'str' | 'raw';

export interface PostfixValueKind {
  kind: ValueKind;
  /** Smallest value the daemon accepts (for str: shortest length); absent when Postfix sets none. */
  min?: number;
  /** Largest value (seconds for time); absent when Postfix sets none. */
  max?: number;
}

interface ValueKindsFile {
  releases: string[];
  parameters: Record<string, PostfixValueKind>;
}

let file: ValueKindsFile | undefined;

export function postfixValueKind(name: string): PostfixValueKind | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  file ??= require('./releases/valueKinds.json') as ValueKindsFile;
  return Object.prototype.hasOwnProperty.call(file.parameters, name) ? file.parameters[name] : undefined;
}
