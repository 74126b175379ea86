// main.cf and master.cf are one configuration: a main.cf parameter may exist only because a
// master.cf `-o` refers to it, and a master.cf service inherits everything main.cf sets. Each file
// is therefore analysed with its sibling from the same directory, read through the workspace
// (the editor's buffer when open, else the disk). A missing sibling is normal (a lone file
// being edited), never an error.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MainCfFile, parseMainCf } from '../parsers/maincf';
import type { MasterCfFile } from '../parsers/mastercf';
import { mainCfTree, masterCfTree } from '../parsers/treeOf';
import { parsedMainCf } from './maincf/parsed';
import { parsedMasterCf } from './mastercf/parsed';
import { PostfixModel, postfixModel } from './postfixModel';
import type { Workspace } from './service';

/** The URI of `name` in the same directory as `uri`, or undefined for URIs without a path. */
export function siblingUri(uri: string, name: 'main.cf' | 'master.cf'): string | undefined {
  const slash = uri.lastIndexOf('/');
  if (slash < 0 || !/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('untitled:')) return undefined;
  return uri.slice(0, slash + 1) + name;
}

/** The sibling's tree; one parse per text (../parsers/treeOf.ts), so typing in one file does not re-parse the other. */
function parseSibling<T extends MainCfFile | MasterCfFile>(uri: string, workspace: Workspace, parse: (t: string) => T): T | undefined {
  const text = workspace.readText(uri);
  return text === undefined ? undefined : parse(text);
}

export interface PostfixPair {
  main: MainCfFile;
  master?: MasterCfFile;
  mainUri?: string;
  masterUri?: string;
  model: PostfixModel;
}

/** main.cf with the master.cf beside it (if any). */
export function pairForMainCf(doc: TextDocument, workspace: Workspace): PostfixPair {
  const main = parsedMainCf(doc);
  const masterUri = siblingUri(doc.uri, 'master.cf');
  const master = masterUri ? parseSibling(masterUri, workspace, masterCfTree) : undefined;
  return { main, master, mainUri: doc.uri, masterUri: master ? masterUri : undefined, model: postfixModel(main, master) };
}

/** master.cf with the main.cf beside it; an empty main.cf when there is none. */
export function pairForMasterCf(doc: TextDocument, workspace: Workspace): PostfixPair {
  const master = parsedMasterCf(doc);
  const mainUri = siblingUri(doc.uri, 'main.cf');
  const found = mainUri ? parseSibling(mainUri, workspace, mainCfTree) : undefined;
  const main = found ?? EMPTY_MAIN;
  return { main, master, mainUri: found ? mainUri : undefined, masterUri: doc.uri, model: postfixModel(main, master) };
}

const EMPTY_MAIN: MainCfFile = parseMainCf('');
