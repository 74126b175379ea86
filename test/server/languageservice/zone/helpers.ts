// Shared helpers for the zone service tests: documents from text or fixture files, and a
// workspace that reads from disk like the CLI's.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { zoneService } from '../../../../server/src/languageservice/zone';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { readDiskText } from '../../../../server/src/handlers/diskFiles';

export const FIXTURES = resolve(__dirname, '../../../fixtures/zones');

export const ctx: ServiceContext = {
  locale: 'en',
  workspace: {
    readText: readDiskText,
  },
};

let version = 0;

export function zoneDoc(text: string, name = 'example.org.zone'): TextDocument {
  return TextDocument.create(pathToFileURL(join(FIXTURES, name)).href, 'dns-zone', ++version, text);
}

export function fixtureDoc(name: string): TextDocument {
  return zoneDoc(readFileSync(join(FIXTURES, name), 'utf8'), name);
}

export function diagnose(text: string, name?: string): Diagnostic[] {
  return zoneService.diagnostics(zoneDoc(text, name), ctx);
}

export function codes(text: string, name?: string): string[] {
  return diagnose(text, name).map((d) => String(d.code));
}

/** A valid zone head for example.org to which a test appends the records it is about. */
export const HEAD = `$ORIGIN example.org.
$TTL 1h
@       IN SOA  ns hostmaster 2026010101 3h 1h 1w 1h
@       IN NS   ns
ns      IN A    192.0.2.1
`;
