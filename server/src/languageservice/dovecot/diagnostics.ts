// Diagnostics for a Dovecot configuration file: what Dovecot's reader refuses (./parsers/dovecot),
// settings and sections the installed Dovecot does not have where they are written, and values
// doveconf refuses for yes/no, number and mode settings. Errors here are errors for doveconf too
// (test/server/languageservice/dovecot/doveconf.test.ts holds us to that).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { t } from '../../l10n';
import { dovecotData } from '../../dovecot/settings';
import type { DovecotSetting } from '../../parsers/dovecot';
import { nearest } from '../nearest';
import type { ServiceContext } from '../service';
import { parsedDovecot } from './parsed';
import { placedNodes } from './places';
import { saslFindingsFor } from '../sasl/crossChecks';
import { configurationRoot, includedUris } from '../sasl/configuration';

const SOURCE = 'mailconf';

export function dovecotDiagnostics(doc: TextDocument, ctx: ServiceContext): Diagnostic[] {
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
  for (const { node, place } of placedNodes(tree.nodes)) {
    if (node.kind === 'include') {
      if (!node.optional && node.path !== '' && !includeMatches(doc.uri, node.path, ctx))
        out.push({ range: node.pathRange, severity: DiagnosticSeverity.Error, code: 'dovecot/include-no-match', source: SOURCE, message: t(ctx.locale, 'dovecot.include-no-match', node.path) });
      continue;
    }
    if (!place || place.kind === 'free') continue;
    if (node.kind === 'section') {
      // Dovecot 2.3 also takes a setting's name as a section (`auth_mechanisms { }`) without a word.
      if (place.sections.includes(node.type) || node.type in place.settings || node.type in settingNames) continue;
      const suggestion = nearest(node.type, place.sections);
      out.push(unknown(node.typeRange, 'unknown-section', version, node.type, suggestion, ctx));
      continue;
    }
    const fallback = place.settings[node.key];
    if (fallback === undefined) {
      const suggestion = nearest(node.key, Object.keys(place.settings));
      out.push(unknown(node.keyRange, 'unknown-setting', version, node.key, suggestion, ctx));
      continue;
    }
    const problem = valueProblem(node, fallback);
    if (problem)
      out.push({ range: node.valueRange.start.character === node.valueRange.end.character && node.valueRange.start.line === node.valueRange.end.line ? node.keyRange : node.valueRange, severity: DiagnosticSeverity.Error, code: `dovecot/${problem}`, source: SOURCE, message: t(ctx.locale, `dovecot.${problem}`, node.key) });
  }
  out.push(...saslFindingsFor(doc.uri, ctx));
  return out;
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

/**
 * The kind of a setting's value, told by its default as doveconf prints it: yes/no for booleans,
 * digits for numbers (a zero default may be a size or a time, which take units, so it says nothing).
 */
export function valueKindOf(key: string, fallback: string): 'boolean' | 'number' | 'mode' | undefined {
  if (key === 'mode') return 'mode';
  if (fallback === 'yes' || fallback === 'no') return 'boolean';
  if (/^[1-9]\d*$/.test(fallback)) return 'number';
  return undefined;
}

function valueProblem(s: DovecotSetting, fallback: string): 'bad-boolean' | 'bad-number' | 'bad-mode' | undefined {
  if (s.valueKind !== 'plain') return undefined;
  switch (valueKindOf(s.key, fallback)) {
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
