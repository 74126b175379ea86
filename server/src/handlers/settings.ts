// Editor settings the server reads: `mailconf.zone.*` from initializationOptions (`{ zone: {…} }`,
// Neovim's init_options) and from workspace/didChangeConfiguration (`{ mailconf: { zone: {…} } }`,
// what VS Code and Neovim's `settings` send). A change asks the editor to re-pull what depends on it.
import type { Connection } from 'vscode-languageserver';
import { configureZones } from '../languageservice/zone/settings';

/** Applies the settings part of initializationOptions; call from onInitialize. */
export function applyInitialSettings(initializationOptions: unknown): void {
  const zone = (initializationOptions as { zone?: unknown } | undefined)?.zone;
  if (zone !== undefined) configureZones(zone);
}

export function registerSettings(connection: Connection): void {
  connection.onDidChangeConfiguration((p) => {
    const mailconf = (p.settings as { mailconf?: { zone?: unknown } } | undefined)?.mailconf;
    if (!mailconf || !configureZones(mailconf.zone)) return;
    // Clients without refresh support answer with an error, which changes nothing: their next edit re-checks.
    connection.languages.diagnostics.refresh().catch(() => undefined);
    connection.languages.inlayHint.refresh().catch(() => undefined);
  });
}
