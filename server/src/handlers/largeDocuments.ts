// Documents too large to analyse whole. Every analysis is linear or better, but a 50 MB lookup
// table still costs tens of seconds and a few GB to check in full, and the editor waits for it:
// the server stopped answering at all. Above FULL_ANALYSIS_CHARS the analyses see a bounded view
// instead: diagnostics and the document-wide features the head of the file (whole lines, so its
// ranges are the file's own), position features the lines around the position (plus the first
// lines, where zones keep $ORIGIN and $TTL), with every position in their answer mapped back.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../languageservice/service';

/** 4 Mi UTF-16 units: above any real configuration, and above the 100k-record zone of the benchmark. */
export const FULL_ANALYSIS_CHARS = 4 * 1024 * 1024;
/** Lines kept before and after a position (rounded to blocks so nearby requests share a view). */
const WINDOW_BLOCK = 1000;
/** First lines of the file kept in every position view. */
const HEAD_LINES = 100;

export function isTooLarge(doc: TextDocument): boolean {
  return doc.getText().length > FULL_ANALYSIS_CHARS;
}

/** Where a cut at `limit` must go so that it splits neither a line (when there is one) nor a surrogate pair. */
function cutBefore(text: string, limit: number): number {
  const newline = text.lastIndexOf('\n', limit - 1);
  if (newline >= 0) return newline + 1;
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

const heads = new WeakMap<TextDocument, { version: number; view: TextDocument }>();

/** The first FULL_ANALYSIS_CHARS of a large document, as a document of its own with the same uri. */
export function headOf(doc: TextDocument): TextDocument {
  const cached = heads.get(doc);
  if (cached?.version === doc.version) return cached.view;
  const text = doc.getText();
  const view = TextDocument.create(doc.uri, doc.languageId, doc.version, text.slice(0, cutBefore(text, FULL_ANALYSIS_CHARS)));
  heads.set(doc, { version: doc.version, view });
  return view;
}

/** Lines [0, head) and [from, to) of a document, and how to map positions between it and them. */
export interface Window {
  view: TextDocument;
  toView(p: Position): Position | undefined;
  fromView(p: Position): Position;
}

const windows = new WeakMap<TextDocument, { version: number; from: number; window: Window | undefined }>();

/** The view around `line`, or undefined when even that line alone is too large to analyse. */
export function windowAround(doc: TextDocument, line: number): Window | undefined {
  const target = Math.min(Math.max(0, Math.floor(line)), doc.lineCount - 1);
  const from = Math.max(0, (Math.floor(target / WINDOW_BLOCK) - 1) * WINDOW_BLOCK);
  const cached = windows.get(doc);
  if (cached?.version === doc.version && cached.from === from) return cached.window;
  const window = buildWindow(doc, from, target);
  windows.set(doc, { version: doc.version, from, window });
  return window;
}

function buildWindow(doc: TextDocument, from: number, target: number): Window | undefined {
  const text = doc.getText();
  const offset = (l: number) => doc.offsetAt({ line: l, character: 0 });
  let to = Math.min(doc.lineCount, from + 3 * WINDOW_BLOCK);
  // Long lines: narrow the window to the target line before giving up.
  if (offset(to) - offset(from) > FULL_ANALYSIS_CHARS) {
    from = target;
    to = target + 1;
    if (offset(to) - offset(from) > FULL_ANALYSIS_CHARS) return undefined;
  }
  const head = from <= HEAD_LINES ? 0 : offset(HEAD_LINES) <= FULL_ANALYSIS_CHARS / 4 ? HEAD_LINES : 0;
  let body = text.slice(offset(from), offset(to));
  // A line cut off from its end of line would read as a different, shorter last line: keep the rest.
  if (to === doc.lineCount) body = text.slice(offset(from));
  const view = TextDocument.create(doc.uri, doc.languageId, doc.version, text.slice(0, offset(head)) + body);
  const shift = from - head;
  return {
    view,
    toView: (p) => (p.line < head ? p : p.line >= from && p.line < to ? { line: p.line - shift, character: p.character } : undefined),
    fromView: (p) => (p.line < head ? p : { line: p.line + shift, character: p.character }),
  };
}

/**
 * A copy of an analysis result with every position in `uri` mapped back from the view: ranges,
 * locations and edits alike. Positions in other files (a definition in main.cf, an edit to a
 * sibling) are left as they are.
 */
export function mapPositions<T>(value: T, uri: string, map: (p: Position) => Position): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) return map(o as unknown as Position);
    if (typeof o.uri === 'string' && o.uri !== uri) return v;
    const textDocument = o.textDocument as { uri?: unknown } | undefined;
    if (typeof textDocument?.uri === 'string' && textDocument.uri !== uri) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = /^[a-z][\w+.-]*:/i.test(k) && k !== uri ? x : walk(x);
    return out;
  };
  return walk(value) as T;
}

const MESSAGES = {
  tooLarge: {
    en: (mb: string, lines: number) => `This file is ${mb} MB, too large to check in full: mailconf checks its first ${lines} lines only. Hover, completion and the other features work everywhere, on the lines around the cursor.`,
    es: (mb: string, lines: number) => `Este archivo ocupa ${mb} MB, demasiado para revisarlo entero: mailconf solo revisa sus primeras ${lines} líneas. La ayuda al pasar el ratón, el autocompletado y lo demás funcionan en todo el archivo, sobre las líneas cercanas al cursor.`,
  },
  moreProblems: {
    en: (n: number) => `${n} more problems are not listed; fix the ones shown first.`,
    es: (n: number) => `Hay ${n} problemas más que no se muestran; corrija primero los mostrados.`,
  },
};

/** The one information diagnostic that says why a large file is only partly checked. */
export function tooLargeDiagnostic(doc: TextDocument, head: TextDocument, locale: ServiceContext['locale']): Diagnostic {
  const mb = (doc.getText().length / (1024 * 1024)).toFixed(1);
  const lines = head.lineCount - (head.getText().endsWith('\n') ? 1 : 0);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    source: 'mailconf',
    message: MESSAGES.tooLarge[locale](mb, lines),
  };
}

/** At most this many diagnostics per document: more only slow the editor down and help nobody. */
export const MAX_DIAGNOSTICS = 10_000;

/** The first MAX_DIAGNOSTICS diagnostics in file order, and one saying how many were left out. */
export function capDiagnostics(diagnostics: Diagnostic[], locale: ServiceContext['locale']): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const kept = sorted.slice(0, MAX_DIAGNOSTICS);
  const last = kept[kept.length - 1].range.start;
  kept.push({
    range: { start: last, end: last },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: 'mailconf',
    message: MESSAGES.moreProblems[locale](diagnostics.length - MAX_DIAGNOSTICS),
  });
  return kept;
}
