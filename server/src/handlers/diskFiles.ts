// Files on disk for the Workspace of both adapters (the language server and the CLI).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The files (and links) of a file: folder, sorted like a shell glob sorts them; undefined if unreadable. */
export function listDiskFiles(folderUri: string): string[] | undefined {
  if (!folderUri.startsWith('file:')) return undefined;
  try {
    return readdirSync(fileURLToPath(folderUri), { withFileTypes: true })
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort();
  } catch {
    return undefined;
  }
}

/** The text of a file: URI on disk, or undefined when it cannot be read. */
export function readDiskText(uri: string): string | undefined {
  try {
    return readFileSync(new URL(uri), 'utf8');
  } catch {
    return undefined;
  }
}
