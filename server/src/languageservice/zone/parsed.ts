// One parse per document version, shared by every feature. $INCLUDE files are read through the
// workspace (editor buffers first, then disk) and resolved relative to the including file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { firstOrigin, parseZone, ZoneFile } from '../../parsers/zone';
import { reparseZone } from '../../parsers/zone/incremental';
import { ZoneIndex } from '../../zone/zoneIndex';
import type { Workspace } from '../service';
import { compileOriginRules, originFor, originFromFileName, originFromRules, OriginRule } from './origin';
import { rowChange, RowChange, singleFile } from './rowChange';

export interface ParsedZone {
  zone: ZoneFile;
  index: ZoneIndex;
  /**
   * When this parse was made from an earlier one after an edit: the earlier parse (by its serial,
   * so it is not kept alive) and which rows the edit changed, for the re-check (checkCache.ts).
   */
  edit?: { from: number; change: RowChange };
  serial: number;
}

let serials = 0;

/** Origins set explicitly per document (by the CLI's --origin or an editor setting), by URI. */
const explicitOrigins = new Map<string, string>();

export function setZoneOrigin(uri: string, origin: string | undefined): void {
  if (origin) explicitOrigins.set(uri, origin);
  else explicitOrigins.delete(uri);
  cache.delete(uri);
}

/** Whether anything says which zone the document holds, or its origin is only the root by default. */
export function originIsKnown(uri: string, text: string): boolean {
  return (explicitOrigins.get(uri) ?? originFromRules(uri, originRules) ?? firstOrigin(text) ?? originFromFileName(uri)) !== undefined;
}

/** Origins by file pattern, from the editor's `mailconf.zone.origins` setting. */
let originRules: OriginRule[] = [];

export function setZoneOriginRules(setting: unknown): void {
  originRules = compileOriginRules(setting);
  cache.clear();
}

const cache = new Map<string, { version: number; text: string; parsed: ParsedZone; withIncludes: boolean }>();
// Few entries: a parsed million-record zone holds some 150 MB.
const CACHE_LIMIT = 8;

export function parsedZone(doc: TextDocument, workspace?: Workspace): ParsedZone {
  const text = doc.getText();
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version && hit.text === text && (hit.withIncludes || !workspace)) return hit.parsed;
  let parsed = hit && reparsed(hit.parsed, doc.uri, text);
  if (!parsed) {
    const zone = parseZoneFile(doc.uri, text, workspace);
    parsed = hit ? afterEdit(hit.parsed, zone) : { zone, index: new ZoneIndex(zone.table), serial: ++serials };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(doc.uri, { version: doc.version, text, parsed, withIncludes: workspace !== undefined });
  return parsed;
}

/** The parse after an edit, from the parse before it, when the edit allows (see incremental.ts). */
function reparsed(previous: ParsedZone, uri: string, text: string): ParsedZone | undefined {
  const origin = originFor(uri, text, explicitOrigins.get(uri) ?? originFromRules(uri, originRules));
  if (origin !== previous.zone.origin) return undefined;
  const zone = reparseZone(previous.zone, text, { uri, origin });
  return zone && afterEdit(previous, zone);
}

/**
 * A parse after an edit, with the index updated from the rows the edit changed rather than built
 * again, when both parses are of one file (see singleFile) and of the same zone.
 */
function afterEdit(previous: ParsedZone, zone: ZoneFile): ParsedZone {
  if (zone.origin !== previous.zone.origin || !singleFile(previous.zone) || !singleFile(zone)) return { zone, index: new ZoneIndex(zone.table), serial: ++serials };
  const change = rowChange(previous.zone, zone);
  return { zone, index: previous.index.updated(zone.table, change), edit: { from: previous.serial, change }, serial: ++serials };
}

/** A parse from scratch, with its index: what every cache must agree with. */
export function parseZoneText(uri: string, text: string, workspace?: Workspace): ParsedZone {
  const zone = parseZoneFile(uri, text, workspace);
  return { zone, index: new ZoneIndex(zone.table), serial: ++serials };
}

function parseZoneFile(uri: string, text: string, workspace?: Workspace): ZoneFile {
  return parseZone(text, {
    uri,
    origin: originFor(uri, text, explicitOrigins.get(uri) ?? originFromRules(uri, originRules)),
    include: (path, from) => {
      if (!workspace) return undefined;
      let target: string;
      try {
        target = new URL(path, from).href;
      } catch {
        return undefined;
      }
      const content = workspace.readText(target);
      return content === undefined ? undefined : { uri: target, text: content };
    },
  });
}
