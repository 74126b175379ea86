// At the start of a line: the settings and sections the enclosing section accepts, with defaults.
// After `setting =`: yes/no for booleans, and the mechanism names for auth_mechanisms.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver-types';
import { DOVECOT_DOCS } from '../../dovecot/docs';
import type { ServiceContext } from '../service';
import { valueKindOf } from './diagnostics';
import { parsedDovecot } from './parsed';
import { placeAt } from './places';

/** Mechanisms Dovecot 2.3 implements (facts, from its documentation's list). */
export const DOVECOT_MECHANISMS = ['plain', 'login', 'cram-md5', 'digest-md5', 'scram-sha-1', 'scram-sha-256', 'external', 'anonymous', 'gssapi', 'gss-spnego', 'ntlm', 'otp', 'oauthbearer', 'xoauth2', 'rpa', 'apop'];

export function dovecotCompletion(doc: TextDocument, pos: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  const { place } = placeAt(parsedDovecot(doc).nodes, pos.line);
  if (!place || place.kind === 'free') return [];
  if (/^\s*[\w!-]*$/.test(before)) {
    const settings = Object.entries(place.settings).map(([name, fallback]) => ({
      label: name,
      kind: CompletionItemKind.Property,
      detail: fallback === '' ? '= ' : `= ${fallback}`,
      documentation: DOVECOT_DOCS[name]?.[ctx.locale],
      insertText: `${name} = `,
    }));
    const sections = place.sections.map((name) => ({ label: name, kind: CompletionItemKind.Module, documentation: DOVECOT_DOCS[name]?.[ctx.locale] }));
    const includes = ['!include', '!include_try'].map((label) => ({ label, kind: CompletionItemKind.Keyword, documentation: DOVECOT_DOCS[label][ctx.locale] }));
    return [...settings, ...sections, ...includes];
  }
  const m = /^\s*([\w-]+)\s*=\s*(.*)$/.exec(before);
  if (!m) return [];
  if (!(m[1] in place.settings)) return [];
  if (m[1] === 'auth_mechanisms') return DOVECOT_MECHANISMS.map((label) => ({ label, kind: CompletionItemKind.EnumMember }));
  if (valueKindOf(place, m[1]) === 'boolean') return ['yes', 'no'].map((label) => ({ label, kind: CompletionItemKind.EnumMember }));
  return [];
}
