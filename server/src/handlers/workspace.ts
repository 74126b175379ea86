// The Workspace seen by analyses inside the server: open editor buffers first, then the disk.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../languageservice/service';
import { listDiskFiles } from './diskFiles';
import { isTooLarge } from './largeDocuments';

/** Larger files are not read from disk for cross-file analysis; the editor still opens them. */
const MAX_SIBLING_BYTES = 8 * 1024 * 1024;

export function serverWorkspace(documents: TextDocuments<TextDocument>): Workspace {
  return {
    readText(uri) {
      const open = documents.get(uri);
      // A sibling too large to analyse in its own editor is not analysed for this one either.
      if (open) return isTooLarge(open) ? undefined : open.getText();
      if (!uri.startsWith('file:')) return undefined;
      try {
        const buf = readFileSync(fileURLToPath(uri));
        return buf.length > MAX_SIBLING_BYTES ? undefined : buf.toString('utf8');
      } catch {
        return undefined;
      }
    },
    listFiles: listDiskFiles,
  };
}
