// The zone features' editor settings (`mailconf.zone.*`), as the LSP adapter receives them from
// initializationOptions or workspace/didChangeConfiguration: origins per file pattern, and
// whether inlay hints are shown (off by default: they double the width of a busy zone).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { zoneInlayHints } from './inlayHints';
import { setZoneOriginRules } from './parsed';

let inlayHintsOn = false;
let lastOrigins = 'null';

/**
 * Applies `{ origins?: { [pattern]: origin }, inlayHints?: boolean }`; anything else is ignored.
 * Returns true when something changed, so the adapter knows to ask the editor to refresh.
 */
export function configureZones(settings: unknown): boolean {
  const s = settings && typeof settings === 'object' ? (settings as Record<string, unknown>) : {};
  const hints = s.inlayHints === true;
  const origins = JSON.stringify(s.origins ?? null);
  const changed = hints !== inlayHintsOn || origins !== lastOrigins;
  inlayHintsOn = hints;
  if (origins !== lastOrigins) {
    lastOrigins = origins;
    setZoneOriginRules(s.origins);
  }
  return changed;
}

/** Inlay hints when the setting is on, else none. */
export function zoneInlayHintsIfEnabled(doc: TextDocument, range: Range): InlayHint[] {
  return inlayHintsOn ? zoneInlayHints(doc, range) : [];
}
