// The JSON files that `npm run gen:postfix` writes, loaded on first use. They are required inside
// functions rather than imported, so the bundler keeps each one behind a lazy wrapper and a CLI
// run that never asks about parameters never pays for building ~830 objects.
export type TimeUnit = 's' | 'm' | 'h' | 'd' | 'w';

export interface GeneratedParameter {
  /** Exactly as `postconf -d` prints it on host.example.org; empty for process_id. */
  default: string;
  /** First Postfix release that has it, per postconf(5); absent for the oldest parameters. */
  since?: string;
  /** Stable releases that received it later as a backport (e.g. 3.7.10). */
  sinceBackports?: string[];
  /** The unit a bare number means, per postconf(5). */
  timeUnit?: TimeUnit;
  hostDependent?: true;
}

export interface ParametersFile {
  postfix: string;
  stableHost: string;
  hostDependent: string[];
  /** Names postconf(5) documents that are not built in: legacy names and `transport_*` templates. */
  documentedNotBuiltin: string[];
  parameters: Record<string, GeneratedParameter>;
}

export interface CapabilitiesFile {
  postfix: string;
  /** Map types compiled into Postfix, without plugins (`postconf -m`). */
  mapTypes: string[];
  saslServerTypes: string[];
  saslClientTypes: string[];
  /** daemon command → parameter suffix → default, for `<service>_<suffix>` names. */
  serviceParameters: Record<string, Record<string, string>>;
}

let parametersFile: ParametersFile | undefined;
let capabilitiesFile: CapabilitiesFile | undefined;

export function generatedParameters(): ParametersFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parametersFile ??= require('./data/parameters.json') as ParametersFile;
  return parametersFile;
}

export function generatedCapabilities(): CapabilitiesFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  capabilitiesFile ??= require('./data/capabilities.json') as CapabilitiesFile;
  return capabilitiesFile;
}
