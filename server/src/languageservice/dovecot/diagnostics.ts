// Diagnostics for a Dovecot configuration file: what Dovecot's reader refuses (./parsers/dovecot),
// settings and sections the installed Dovecot does not have where they are written, older names it
// still reads (warnings), protocols no installed service speaks, and values doveconf refuses for
// yes/no, number and mode settings. Errors here are errors for doveconf too
// (test/server/languageservice/dovecot/doveconf.test.ts holds us to that).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import { dovecotData, Place } from '../../dovecot/settings';
import type { DovecotNode, DovecotSetting } from '../../parsers/dovecot';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { parsedDovecot } from './parsed';
import { placedNodes } from './places';
import { saslFindingsFor } from '../sasl/crossChecks';
import { configurationRoot, includedUris } from '../sasl/configuration';

const SOURCE = 'mailconf';
const DRIVER_ARGS = /\/dovecot-[^/]*\.conf(\.ext)?$/;

export function dovecotDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
  // dovecot-sql.conf.ext, dovecot-ldap.conf, dovecot-db.conf.ext: named by a passdb's, userdb's or
  // dict's `args` and read by that driver, with its own settings and syntax, not by doveconf.
  if (DRIVER_ARGS.test(doc.uri)) return [];
  const tree = parsedDovecot(doc);
  const version = dovecotData().dovecot;
  const out: Diagnostic[] = tree.errors.map((e) => ({
    range: e.range,
    severity: DiagnosticSeverity.Error,
    code: `dovecot/${e.code}`,
    source: SOURCE,
    message: t(ctx.locale, `dovecot.${e.code}`),
  }));
  for (const r of tree.ambiguousHashes)
    out.push({ range: r, severity: DiagnosticSeverity.Warning, code: 'dovecot/ambiguous-hash', source: SOURCE, message: t(ctx.locale, 'dovecot.ambiguous-hash') });
  const settingNames = dovecotData().settings;
  const newer = newerDovecot(doc.uri, tree.nodes, ctx);
  for (const { node, place } of placedNodes(tree.nodes)) {
    if (node.kind === 'include') {
      if (!node.optional && node.path !== '' && !includeMatches(doc.uri, node.path, ctx))
        out.push({ range: node.pathRange, severity: DiagnosticSeverity.Error, code: 'dovecot/include-no-match', source: SOURCE, message: t(ctx.locale, 'dovecot.include-no-match', node.path) });
      continue;
    }
    if (newer) {
      if (node.kind === 'setting' && node.key === NEWER_MARK && place?.kind === 'settings')
        out.push({ range: node.keyRange, severity: DiagnosticSeverity.Error, code: 'dovecot/newer-dovecot', source: SOURCE, message: t(ctx.locale, 'dovecot.newer-dovecot', version, node.value) });
      continue;
    }
    if (!place || place.kind === 'free') continue;
    if (node.kind === 'section') {
      // Dovecot 2.3 also takes a setting's name as a section (`auth_mechanisms { }`) without a word.
      if (place.sections.includes(node.type) || node.type in place.settings || node.type in settingNames) continue;
      if (place.oldSections.includes(node.type)) {
        out.push({ range: node.typeRange, severity: DiagnosticSeverity.Warning, code: 'dovecot/obsolete-section', source: SOURCE, message: t(ctx.locale, 'dovecot.obsolete-section', version, node.type) });
        continue;
      }
      const suggestion = nearest(node.type, place.sections);
      out.push(unknown(node.typeRange, 'unknown-section', version, node.type, suggestion, ctx));
      continue;
    }
    let key = node.key;
    if (!(key in place.settings) && key in place.obsoleteSettings) {
      // Dovecot reads a renamed setting as its new name, value and all.
      const { renamed, replacedBy, removed } = place.obsoleteSettings[key];
      const message = renamed
        ? t(ctx.locale, 'dovecot.renamed-setting', version, key, renamed)
        : replacedBy
          ? t(ctx.locale, 'dovecot.replaced-setting', version, key, replacedBy)
          : t(ctx.locale, removed ? 'dovecot.removed-setting' : 'dovecot.obsolete-setting', version, key);
      out.push({ range: node.keyRange, severity: DiagnosticSeverity.Warning, code: 'dovecot/obsolete-setting', source: SOURCE, message, data: renamed ? { suggestion: renamed } : undefined });
      if (!renamed) continue;
      key = renamed;
    }
    if (!(key in place.settings)) {
      const suggestion = nearest(key, Object.keys(place.settings));
      out.push(unknown(node.keyRange, 'unknown-setting', version, key, suggestion, ctx));
      continue;
    }
    if (key === 'protocols' && place.top) out.push(...protocolFindings(node, version, ctx));
    const problem = valueProblem(node, valueKindOf(place, key));
    if (problem)
      out.push({ range: node.valueRange.start.character === node.valueRange.end.character && node.valueRange.start.line === node.valueRange.end.line ? node.keyRange : node.valueRange, severity: DiagnosticSeverity.Error, code: `dovecot/${problem}`, source: SOURCE, message: t(ctx.locale, `dovecot.${problem}`, node.key) });
  }
  out.push(...saslFindingsFor(doc.uri, ctx));
  return out;
}

let protocols: Set<string> | undefined;

/** The protocols some service of the installed Dovecot speaks: the only words doveconf takes in `protocols`. */
function installedProtocols(): Set<string> {
  protocols ??= new Set(Object.values(dovecotData().services).map((s) => s.settings.protocol).filter(Boolean));
  return protocols;
}

/** `protocols` words no installed service speaks (refused), and older words still taken (warned). */
function protocolFindings(node: DovecotSetting, version: string, ctx: ServiceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const older = dovecotData().obsoleteProtocols;
  for (const word of node.value.split(/\s+/)) {
    if (word === '' || word === 'none' || word.startsWith('$')) continue;
    let p = word;
    if (p in older) {
      out.push({ range: node.valueRange, severity: DiagnosticSeverity.Warning, code: 'dovecot/obsolete-protocol', source: SOURCE, message: t(ctx.locale, older[p] ? 'dovecot.renamed-protocol' : 'dovecot.obsolete-protocol', version, p, older[p]) });
      if (!older[p]) continue;
      p = older[p];
    }
    if (!installedProtocols().has(p))
      out.push({ range: node.valueRange, severity: DiagnosticSeverity.Error, code: 'dovecot/unknown-protocol', source: SOURCE, message: t(ctx.locale, p === 'sieve' ? 'dovecot.unknown-protocol.sieve' : 'dovecot.unknown-protocol', version, p) });
  }
  return out;
}

/** The setting Dovecot 2.4 requires first in dovecot.conf, naming the release it is written for. */
const NEWER_MARK = 'dovecot_config_version';

/**
 * Whether this file belongs to a configuration written for a Dovecot newer than the installed one
 * (it, or the dovecot.conf of its folder or of the folder above conf.d, sets dovecot_config_version,
 * which the installed Dovecot does not know). Such a configuration renames and regroups most
 * settings: the installed doveconf stops at that line, and so do our setting checks.
 */
function newerDovecot(uri: string, nodes: DovecotNode[], ctx: ServiceContext): boolean {
  if (NEWER_MARK in dovecotData().settings) return false;
  if (nodes.some((n) => n.kind === 'setting' && n.key === NEWER_MARK)) return true;
  const folder = uri.slice(0, uri.lastIndexOf('/'));
  const root = folder.endsWith('/conf.d') ? folder.slice(0, -'/conf.d'.length) : folder;
  const main = `${root}/dovecot.conf`;
  if (main === uri) return false;
  return new RegExp(`^[ \\t]*${NEWER_MARK}[ \\t]*=`, 'm').test(ctx.workspace.readText(main) ?? '');
}

/**
 * Whether `!include PATH` finds a file. Only asked where the workspace can list folders (the
 * server and the CLI on disk), and only for paths inside the configuration tree: elsewhere we
 * cannot tell, and say nothing.
 */
function includeMatches(uri: string, path: string, ctx: ServiceContext): boolean {
  if (!ctx.workspace.listFiles) return true;
  const folder = uri.slice(0, uri.lastIndexOf('/') + 1);
  if (path.startsWith('/') && !(path.startsWith('/etc/') && configurationRoot(folder))) return true;
  const uris = includedUris(folder, path, ctx.workspace);
  if (/[*?[]/.test(path.slice(path.lastIndexOf('/') + 1))) return uris.length > 0;
  return uris.length > 0 && ctx.workspace.readText(uris[0]) !== undefined;
}

function unknown(range: Diagnostic['range'], code: 'unknown-setting' | 'unknown-section', version: string, name: string, suggestion: string | undefined, ctx: ServiceContext): Diagnostic {
  return {
    range,
    severity: DiagnosticSeverity.Error,
    code: `dovecot/${code}`,
    source: SOURCE,
    message: t(ctx.locale, `dovecot.${code}`, version, name) + (suggestion ? ` ${t(ctx.locale, 'dovecot.did-you-mean', suggestion)}` : ''),
    data: suggestion ? { suggestion } : undefined,
  };
}

/** The kind of a setting's value, as doveconf checks it where `place` holds it. */
export function valueKindOf(place: Extract<Place, { kind: 'settings' }>, key: string): 'boolean' | 'number' | 'mode' | undefined {
  if (key === 'mode') return 'mode';
  if (place.booleans.has(key)) return 'boolean';
  if (place.numbers.has(key)) return 'number';
  return undefined;
}

function valueProblem(s: DovecotSetting, kind: ReturnType<typeof valueKindOf>): 'bad-boolean' | 'bad-number' | 'bad-mode' | undefined {
  if (s.valueKind === 'file') return undefined;
  // doveconf 2.3 expands only the setting's own earlier value (`mail_plugins = $mail_plugins x`);
  // any other $name, $ENV:name included, stays as written and is read as the value.
  if (s.valueKind === 'variable' && s.variables.every((v) => v.name === s.key)) return undefined;
  switch (kind) {
    case 'boolean':
      return /^(yes|no)$/i.test(s.value) ? undefined : 'bad-boolean';
    case 'number':
      return /^\d+$/.test(s.value) ? undefined : 'bad-number';
    case 'mode':
      return /^[0-7]+$/.test(s.value) ? undefined : 'bad-mode';
    default:
      return undefined;
  }
}
