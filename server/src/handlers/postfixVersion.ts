// The Postfix release the language server checks against. `postfixVersion` comes from
// initializationOptions or from settings (`{ mailconf: { postfixVersion } }`); `auto` resolves,
// in order, to the SSH server's mail_version when the client sends one (`detectedPostfixVersion`,
// read by the VS Code client once per session), the local postconf, the newest release. The
// resolved target is announced with a `mailconf/postfixTarget` notification, which the VS Code
// client shows in its status bar.
import type { Connection } from 'vscode-languageserver';
import { parseTargetSetting, resolveTarget } from '../postfix/targetSetting';

export const TARGET_NOTIFICATION = 'mailconf/postfixTarget';

let setting: string | 'auto' = 'auto';
let detected: string | undefined;
let resolved: string | undefined;

/** Takes `postfixVersion` and `detectedPostfixVersion` from an options or settings object; true when the target changed. */
export function configurePostfixVersion(options: unknown): boolean {
  if (!options || typeof options !== 'object') return false;
  const o = options as { postfixVersion?: unknown; detectedPostfixVersion?: unknown };
  if (!('postfixVersion' in o) && !('detectedPostfixVersion' in o)) return false;
  const before = currentPostfixVersion();
  if ('postfixVersion' in o) setting = parseTargetSetting(o.postfixVersion) ?? 'auto';
  if ('detectedPostfixVersion' in o) detected = typeof o.detectedPostfixVersion === 'string' ? o.detectedPostfixVersion : undefined;
  resolved = undefined;
  return currentPostfixVersion() !== before;
}

/** The target series for this session's checks. */
export function currentPostfixVersion(): string {
  return (resolved ??= resolveTarget(setting, detected));
}

export function announcePostfixTarget(connection: Connection): void {
  connection.sendNotification(TARGET_NOTIFICATION, { target: currentPostfixVersion(), setting }).catch(() => undefined);
}
