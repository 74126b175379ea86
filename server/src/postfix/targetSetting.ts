// The `mailconf.postfixVersion` setting, `--postfix-version` and the `postfixVersion` LSP
// initialization option share one meaning: `auto` (the default) or a release series from 3.4 to
// 3.11. `auto` is resolved by the adapter, in order: the configured SSH server's mail_version (the
// editor client reads it once per session and sends it), the local postconf, the newest release.
import { readLocalPostfixVersion } from './localPostconf';
import { newestRelease, releaseSeries, seriesOf } from './releaseFacts';

/** The series a setting names, 'auto', or undefined when the value is neither. */
export function parseTargetSetting(value: unknown): string | 'auto' | undefined {
  if (value === undefined || value === null || value === '' || value === 'auto') return 'auto';
  return typeof value === 'string' ? seriesOf(value) : undefined;
}

let local: { version?: string } | undefined;

/** mail_version of the postconf on this machine, looked up once per process; undefined without one. */
export function localPostfixVersion(): string | undefined {
  local ??= { version: readLocalPostfixVersion(process.env) };
  return local.version;
}

/** The target series for a setting: an explicit series, else a detected version, else the local postconf, else the newest. */
export function resolveTarget(setting: string | 'auto', detected?: string): string {
  if (setting !== 'auto') return setting;
  return (detected && seriesOf(detected)) || seriesOf(localPostfixVersion() ?? '') || newestRelease();
}

/** For usage messages: "auto, 3.4, 3.5, ..., 3.11". */
export function targetChoices(): string {
  return ['auto', ...releaseSeries()].join(', ');
}
