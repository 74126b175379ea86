// `mailconf check`: the editor's diagnostics for files on disk, for CI pipelines.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { languageForPath, LANGUAGE_IDS, serviceFor } from '../../languageservice/languages';
import type { Workspace } from '../../languageservice/service';
import { listDiskFiles, readDiskText } from '../../handlers/diskFiles';
import { setZoneOrigin } from '../../languageservice/zone/parsed';
import { CliError, Command, EXIT_USAGE, usageError, parseCommandArgs, localeOf } from '../usage';
import { parseTargetSetting, resolveTarget, targetChoices } from '../../postfix/targetSetting';

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export interface CheckFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'report the diagnostics of main.cf, master.cf, zone files and the SASL side',
  help: `Usage: mailconf check [--format text|json] [--language ID] [--origin ZONE] [--postfix-version X.Y] [--root DIR] FILE...

--origin names the zone of zone files (default: $ORIGIN, or the file name: example.org.zone, db.example.org).
--postfix-version is the Postfix release main.cf and master.cf are for: 3.4 to 3.11, or auto (the
default: the postconf installed here, else the newest release). Parameters of later releases are
reported as needing one; deprecations weigh by it.

--root DIR checks a whole configuration tree laid out like /etc: postfix/main.cf, postfix/master.cf,
postfix/sasl/*.conf, default/saslauthd and dovecot/** under DIR (Red Hat's sasl2/*.conf and
sysconfig/saslauthd, Gentoo's and Arch's conf.d/saslauthd too), each with the others beside
it (so the checks between Postfix and its SASL side run too).

Checks each FILE with the same analyses as the editor. The language is taken from the file
name (main.cf*, master.cf*, *.zone, db.*) or from --language (${LANGUAGE_IDS.join(', ')}).

Output, one line per finding:
  text  FILE:LINE:COL: SEVERITY: MESSAGE [CODE]
  json  an array of {file, line, column, endLine, endColumn, severity, code, message}, 1-based

Messages follow LANG (es for Spanish); the codes stay the same.

Exit status: 0 no errors (warnings allowed), 1 at least one error, 2 usage error or unreadable file.`,

  async run(args, io) {
    const parsed = parseCommandArgs('check', args, { format: { type: 'string', default: 'text' }, language: { type: 'string' }, origin: { type: 'string' }, 'postfix-version': { type: 'string' }, root: { type: 'string' } });
    const { format, language } = parsed.values;
    if (format !== 'text' && format !== 'json') throw usageError(`mailconf check: unknown format '${format}'`);
    if (language && !serviceFor(language)) throw usageError(`mailconf check: unknown language '${language}'`);
    const tree = parsed.values.root === undefined ? [] : filesUnderRoot(resolve(io.cwd, parsed.values.root));
    if (parsed.values.root !== undefined && tree.length === 0) throw new CliError(`mailconf check: no configuration files under '${parsed.values.root}'`, EXIT_USAGE);
    if (parsed.positionals.length === 0 && tree.length === 0) throw usageError('mailconf check: no files given');
    const setting = parseTargetSetting(parsed.values['postfix-version']);
    if (setting === undefined) throw usageError(`mailconf check: --postfix-version must be one of ${targetChoices()}`);
    // Resolved only when a Postfix file is checked: auto may ask the local postconf.
    let postfixVersion: string | undefined;
    const target = () => (postfixVersion ??= resolveTarget(setting));

    const workspace = diskWorkspace();
    const findings: CheckFinding[] = [];
    for (const file of [...parsed.positionals, ...tree]) {
      const path = resolve(io.cwd, file);
      const uri = pathToFileURL(path).href;
      // Through the workspace: with --root each file is also read by the checks of the others.
      const text = workspace.readText(uri) ?? readOrFail(path);
      // --language names the language of the FILEs given; the tree's files are known by their place.
      const lang = (tree.includes(file) ? undefined : language) ?? languageForPath(file, text.slice(0, text.indexOf('\n') >>> 0));
      if (!lang) {
        throw new CliError(`mailconf check: cannot tell the language of '${file}'; use --language`, EXIT_USAGE);
      }
      const doc = TextDocument.create(uri, lang, 1, text);
      if (lang === 'dns-zone') setZoneOrigin(doc.uri, parsed.values.origin);
      const isPostfix = lang === 'postfix-main' || lang === 'postfix-master';
      const ctx = { workspace, locale: localeOf(io.env), ...(isPostfix ? { postfixVersion: target() } : {}) };
      for (const d of serviceFor(lang)!.diagnostics(doc, ctx)) findings.push(toFinding(file, d));
    }

    if (format === 'json') io.stdout(JSON.stringify(findings, null, 2) + '\n');
    else for (const f of findings) io.stdout(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]\n`);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

/** The files of a tree laid out like /etc that mailconf has a language for, in a stable order. */
function filesUnderRoot(root: string): string[] {
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(dir, e.name))
        .sort();
    } catch {
      return [];
    }
  };
  const candidates = [
    ...list(join(root, 'postfix')).filter((f) => /[\\/](main|master)\.cf$/.test(f)),
    ...list(join(root, 'postfix', 'sasl')),
    ...list(join(root, 'sasl2')),
    ...list(join(root, 'default')),
    ...list(join(root, 'sysconfig')),
    ...list(join(root, 'conf.d')),
    ...list(join(root, 'dovecot')),
    ...list(join(root, 'dovecot', 'conf.d')),
  ];
  const wanted = new Set(['postfix-main', 'postfix-master', 'cyrus-sasl', 'saslauthd', 'dovecot']);
  return candidates.filter((f) => wanted.has(languageForPath(f) ?? ''));
}

function readOrFail(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`mailconf check: cannot read '${path}': ${(err as NodeJS.ErrnoException).code ?? err}`, EXIT_USAGE);
  }
}

/**
 * The files as they are on disk. A check runs once over files that do not change meanwhile, so
 * each is read once, however many of the checked files look at it (with --root, every file of the
 * tree reads the others for the checks between Postfix and its SASL side).
 */
function diskWorkspace(): Workspace {
  const texts = new Map<string, string | undefined>();
  const folders = new Map<string, string[] | undefined>();
  return {
    readText(uri) {
      if (!texts.has(uri)) texts.set(uri, readDiskText(uri));
      return texts.get(uri);
    },
    listFiles(folder) {
      if (!folders.has(folder)) folders.set(folder, listDiskFiles(folder));
      return folders.get(folder);
    },
  };
}

function toFinding(file: string, d: Diagnostic): CheckFinding {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code ?? ''),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}
