// The files that decide whether SMTP AUTH works, found from any one of them the way they sit under
// /etc: ROOT/postfix/main.cf and master.cf, ROOT/postfix/sasl/APP.conf (Cyrus), ROOT/default/saslauthd,
// and ROOT/dovecot/dovecot.conf with the files it includes. ROOT is the folder above the last of
// postfix/, default/ or dovecot/ in the file's path, so a workspace that mirrors /etc (or /etc
// itself) works. Files are read through the Workspace (editor buffers first), parsed once per text.
import type { MainCfFile } from '../../parsers/maincf';
import type { MasterCfFile } from '../../parsers/mastercf';
import { DovecotFile, DovecotFrame, DovecotNode, DovecotSection, walkDovecot } from '../../parsers/dovecot';
import type { SaslConfFile } from '../../parsers/saslConf';
import type { SaslauthdDefaultsFile } from '../../parsers/saslauthdDefaults';
import { dovecotTree, mainCfTree, masterCfTree, saslauthdTree, saslConfTree } from '../../parsers/treeOf';
import type { Workspace } from '../service';

export interface Parsed<T> {
  uri: string;
  tree: T;
}

export interface DovecotRead {
  uri: string;
  node: DovecotNode;
  /** The sections around the node, outermost first, across includes (an include inside a section reads its file there). */
  within: DovecotSection[];
}

export interface SaslFiles {
  root: string;
  main?: Parsed<MainCfFile>;
  master?: Parsed<MasterCfFile>;
  /** ROOT/postfix/sasl/ (or where cyrus_sasl_config_path points inside ROOT). */
  cyrusFolder: string;
  /** The folder's files, when the workspace can list it; undefined when it cannot or it is absent. */
  cyrusFolderFiles?: string[];
  /** APP.conf files by application name: those main.cf and master.cf name, smtpd, and any listed. */
  cyrusApps: Map<string, Parsed<SaslConfFile>>;
  saslauthd?: Parsed<SaslauthdDefaultsFile>;
  /** dovecot.conf and every file it includes. */
  dovecot: Parsed<DovecotFile>[];
  /** Every node of those files in the order Dovecot reads them, includes expanded in place. */
  dovecotReading: DovecotRead[];
}

const MARKERS = ['/postfix/', '/default/', '/sysconfig/', '/sasl2/', '/dovecot/'];

/** The folder URI (ending in '/') that holds postfix/, default/ (or sysconfig/ and sasl2/) and dovecot/, or undefined. */
export function configurationRoot(uri: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('untitled:')) return undefined;
  // conf.d/ is no marker by itself: Dovecot has one too.
  if (uri.endsWith('/conf.d/saslauthd')) return uri.slice(0, -'conf.d/saslauthd'.length);
  let best = -1;
  for (const m of MARKERS) best = Math.max(best, uri.lastIndexOf(m));
  return best < 0 ? undefined : uri.slice(0, best + 1);
}

/** What a SaslFiles was built from: each text read (or found missing) and each folder listed. */
interface Asked {
  texts: Map<string, string | undefined>;
  folders: Map<string, string[] | undefined>;
}

function read<T>(workspace: Workspace, uri: string, parse: (text: string) => T, asked: Asked): Parsed<T> | undefined {
  const text = workspace.readText(uri);
  asked.texts.set(uri, text);
  return text === undefined ? undefined : { uri, tree: parse(text) };
}

/** Dovecot's own limit on include depth is far above what anyone writes; this bounds cycles and globs. */
const MAX_DOVECOT_FILES = 200;

/**
 * The last configuration built per root, with what it was built from. Every file of it is looked at
 * for every check of any of them (main.cf's, each Dovecot file's): when the answers are the same,
 * the same SaslFiles serves, and what is computed from it (the cross-checks) with it.
 */
const lastBuilt = new Map<string, { files: SaslFiles; asked: Asked }>();

function unchanged(asked: Asked, workspace: Workspace): boolean {
  for (const [uri, text] of asked.texts) if (workspace.readText(uri) !== text) return false;
  for (const [folder, names] of asked.folders) if (workspace.listFiles?.(folder)?.join('/') !== names?.join('/')) return false;
  return true;
}

export function saslFiles(anyUri: string, workspace: Workspace): SaslFiles | undefined {
  const root = configurationRoot(anyUri);
  if (!root) return undefined;
  const last = lastBuilt.get(root);
  if (last && unchanged(last.asked, workspace)) return last.files;
  const files = buildSaslFiles(root, workspace);
  if (lastBuilt.size > 16) lastBuilt.clear();
  lastBuilt.set(root, files);
  return files.files;
}

function buildSaslFiles(root: string, workspace: Workspace): { files: SaslFiles; asked: Asked } {
  const asked: Asked = { texts: new Map(), folders: new Map() };
  const main = read(workspace, `${root}postfix/main.cf`, mainCfTree, asked);
  const master = read(workspace, `${root}postfix/master.cf`, masterCfTree, asked);
  let cyrusFolder = cyrusFolderOf(root, main?.tree);
  let cyrusFolderFiles = workspace.listFiles?.(cyrusFolder);
  // Red Hat's libsasl reads /etc/sasl2/ where Debian's Postfix reads /etc/postfix/sasl/.
  if (cyrusFolderFiles === undefined && cyrusFolder === `${root}postfix/sasl/`) {
    asked.folders.set(cyrusFolder, undefined);
    const redHat = workspace.listFiles?.(`${root}sasl2/`);
    if (redHat !== undefined) [cyrusFolder, cyrusFolderFiles] = [`${root}sasl2/`, redHat];
  }
  asked.folders.set(cyrusFolder, cyrusFolderFiles);
  const cyrusApps = new Map<string, Parsed<SaslConfFile>>();
  for (const app of applicationNames(main?.tree, master?.tree, cyrusFolderFiles)) {
    const file = read(workspace, `${cyrusFolder}${app}.conf`, saslConfTree, asked);
    if (file) cyrusApps.set(app, file);
  }
  // Debian's file, else Red Hat's, else Gentoo's or Arch's (../saslauthd/launch.ts reads each).
  let saslauthd: Parsed<SaslauthdDefaultsFile> | undefined;
  for (const folder of ['default', 'sysconfig', 'conf.d']) saslauthd ??= read(workspace, `${root}${folder}/saslauthd`, saslauthdTree, asked);
  const dovecot: Parsed<DovecotFile>[] = [];
  const dovecotReading: DovecotRead[] = [];
  const start = read(workspace, `${root}dovecot/dovecot.conf`, dovecotTree, asked);
  if (start) readDovecot(start, [], { workspace, files: dovecot, reading: dovecotReading, seen: new Set(), asked });
  return { files: { root, main, master, cyrusFolder, cyrusFolderFiles, cyrusApps, saslauthd, dovecot, dovecotReading }, asked };
}

/** smtpd (the default), every smtpd_sasl_path value written in main.cf or a master.cf -o, and listed *.conf. */
function applicationNames(main: MainCfFile | undefined, master: MasterCfFile | undefined, listed: string[] | undefined): Set<string> {
  const names = new Set(['smtpd']);
  for (const e of main?.entries ?? []) if (e.name === 'smtpd_sasl_path' && /^[\w.-]+$/.test(e.value)) names.add(e.value);
  for (const entry of master?.entries ?? [])
    for (const o of entry.options) if (o.name === 'smtpd_sasl_path' && o.value && /^[\w.-]+$/.test(o.value)) names.add(o.value);
  for (const f of listed ?? []) if (f.endsWith('.conf')) names.add(f.slice(0, -'.conf'.length));
  return names;
}

/** Where Postfix's Cyrus SASL looks for APP.conf: cyrus_sasl_config_path, mapped under ROOT when absolute. */
function cyrusFolderOf(root: string, main: MainCfFile | undefined): string {
  const configured = main?.entries.filter((e) => e.name === 'cyrus_sasl_config_path').pop()?.value.split(':')[0];
  if (configured && configured.startsWith('/etc/')) return `${root}${configured.slice('/etc/'.length).replace(/\/?$/, '/')}`;
  return `${root}postfix/sasl/`;
}

/** Sections deeper than any real configuration are not followed (and cost nothing). */
const MAX_DEPTH = 12;

/** The sections of a frame, outermost first; undefined past MAX_DEPTH. */
function sectionsOf(frame: DovecotFrame | undefined, outer: DovecotSection[]): DovecotSection[] | undefined {
  const inner: DovecotSection[] = [];
  for (let f = frame; f; f = f.up) {
    if (inner.length + outer.length >= MAX_DEPTH) return undefined;
    inner.push(f.section);
  }
  return [...outer, ...inner.reverse()];
}

interface Reader {
  workspace: Workspace;
  files: Parsed<DovecotFile>[];
  reading: DovecotRead[];
  seen: Set<string>;
  asked: Asked;
}

/** Reads a file as Dovecot does: its nodes in order, each included file in place of its !include. */
function readDovecot(file: Parsed<DovecotFile>, within: DovecotSection[], r: Reader): void {
  if (r.seen.has(file.uri) || r.files.length >= MAX_DOVECOT_FILES) return;
  r.seen.add(file.uri);
  r.files.push(file);
  const folder = file.uri.slice(0, file.uri.lastIndexOf('/') + 1);
  for (const { node, frame } of walkDovecot(file.tree.nodes)) {
    const sections = sectionsOf(frame, within);
    if (!sections) continue;
    r.reading.push({ uri: file.uri, node, within: sections });
    if (node.kind !== 'include' || node.path === '') continue;
    for (const uri of includedUris(folder, node.path, r.workspace, r.asked)) {
      const next = read(r.workspace, uri, dovecotTree, r.asked);
      if (next) readDovecot(next, sections, r);
    }
  }
}

/**
 * The files an include names, relative to the including file's folder. Absolute paths outside
 * /etc/dovecot (such as /usr/share/dovecot/protocols.d) are not in the workspace and are skipped.
 * Wildcards are followed in the last path segment, which is where configurations use them.
 */
export function includedUris(folder: string, path: string, workspace: Workspace, asked?: Asked): string[] {
  let target: string;
  if (path.startsWith('/etc/')) {
    const root = configurationRoot(folder);
    if (!root) return [];
    target = `${root}${path.slice('/etc/'.length)}`;
  } else if (path.startsWith('/')) return [];
  else target = folder + path;
  const slash = target.lastIndexOf('/');
  const dir = target.slice(0, slash + 1);
  const pattern = target.slice(slash + 1);
  if (!/[*?[]/.test(pattern)) return [target];
  const re = globRegExp(pattern);
  const names = workspace.listFiles?.(dir);
  asked?.folders.set(dir, names);
  return (names ?? []).filter((name) => re.test(name) && !name.startsWith('.')).map((name) => dir + name);
}

function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
