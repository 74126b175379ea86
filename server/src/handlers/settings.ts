// Editor settings the server reads: `mailconf.zone.*` and `mailconf.postfixVersion` from initializationOptions (`{ zone: {…} }`,
// Neovim's init_options) and from workspace/didChangeConfiguration (`{ mailconf: { zone: {…} } }`,
// what VS Code and Neovim's `settings` send). A change asks the editor to re-pull what depends on it.
import type { Connection } from 'vscode-languageserver';
import { configureZones } from '../languageservice/zone/settings';
import { announcePostfixTarget, configurePostfixVersion } from './postfixVersion';

/** Applies the settings part of initializationOptions; call from onInitialize. */
export function applyInitialSettings(initializationOptions: unknown): void {
  const zone = (initializationOptions as { zone?: unknown } | undefined)?.zone;
  if (zone !== undefined) configureZones(zone);
  configurePostfixVersion(initializationOptions);
}

export function registerSettings(connection: Connection): void {
  connection.onInitialized(() => announcePostfixTarget(connection));
  connection.onDidChangeConfiguration((p) => {
    const mailconf = (p.settings as { mailconf?: { zone?: unknown } } | undefined)?.mailconf;
    if (!mailconf) return;
    // Each part is applied only when present: a client may send one part at a time.
    const target = configurePostfixVersion(mailconf);
    if (target) announcePostfixTarget(connection);
    const zones = 'zone' in mailconf && configureZones(mailconf.zone);
    if (!target && !zones) return;
    // Clients without refresh support answer with an error, which changes nothing: their next edit re-checks.
    connection.languages.diagnostics.refresh().catch(() => undefined);
    connection.languages.inlayHint.refresh().catch(() => undefined);
  });
}
