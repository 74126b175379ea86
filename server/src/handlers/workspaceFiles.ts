// The Postfix, zone, scenario and other files of the workspace folders, for workspace diagnostics: the
// problems of files that are not open stay in the Problems panel, as language servers with
// workspace diagnostics do. The walk is bounded (depth, entries, file size), skips what is never
// configuration (node_modules, VCS and cache folders) and reads each file's first line only when
// its name does not tell its language.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { languageForPath } from '../languageservice/languages';
import { isScenarioFile } from '../languageservice/scenarios';

const MAX_DEPTH = 4;
const MAX_ENTRIES = 5000;
const MAX_FILES = 200;
/** Larger files are checked when opened (and cut to their head there). */
export const MAX_WORKSPACE_FILE_BYTES = 1_000_000;
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.cache', '.vscode-test', 'dist', 'out']);

export interface WorkspaceFile {
  path: string;
  language: string;
  mtimeMs: number;
  size: number;
}

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8').split('\n')[0];
  } finally {
    closeSync(fd);
  }
}

/** How long a walk's list of files is reused: clients pull every few seconds (VS Code: 2 s). */
const RESCAN_MS = 10_000;
let lastWalk: { key: string; at: number; files: { path: string; language: string }[] } | undefined;

/**
 * The files, with their time and size now: the folders are walked again at most every
 * RESCAN_MS (a new file shows within that), the files found are looked at on every call.
 */
export function workspaceFiles(folders: string[], now = Date.now()): WorkspaceFile[] {
  const key = folders.join('\0');
  if (!lastWalk || lastWalk.key !== key || now - lastWalk.at >= RESCAN_MS) lastWalk = { key, at: now, files: walkFolders(folders) };
  const out: WorkspaceFile[] = [];
  for (const f of lastWalk.files) {
    try {
      const stat = statSync(f.path);
      if (stat.isFile() && stat.size <= MAX_WORKSPACE_FILE_BYTES) out.push({ ...f, mtimeMs: stat.mtimeMs, size: stat.size });
    } catch {
      // removed since the walk
    }
  }
  return out;
}

function walkFolders(folders: string[]): { path: string; language: string }[] {
  const out: { path: string; language: string }[] = [];
  let entries = 0;
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (++entries > MAX_ENTRIES || out.length >= MAX_FILES) return;
      if (SKIPPED.has(name)) continue;
      const path = join(dir, name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (depth < MAX_DEPTH) walk(path, depth + 1);
        continue;
      }
      if (!stat.isFile() || stat.size > MAX_WORKSPACE_FILE_BYTES) continue;
      let language: string | undefined = isScenarioFile(path) ? 'json' : languageForPath(path);
      if (!language && /\.(db|rev|hosts|txt)$|^[\w.-]+$/.test(name)) {
        try {
          language = languageForPath(path, firstLine(path));
        } catch {
          continue;
        }
      }
      if (language) out.push({ path, language });
    }
  };
  for (const folder of folders) walk(folder, 0);
  return out;
}
