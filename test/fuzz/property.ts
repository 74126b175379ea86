// What a fuzz property is, and the checks several parsers share. A property separates `run` (the
// code under test, whose time the linear-time budget measures) from `verify` (the assertions).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, ServiceContext } from '../../server/src/languageservice/service';

export interface FuzzProperty<T = string> {
  /** The parser or validator under test: maincf, zone, spf, ... */
  parser: string;
  name: string;
  arbitrary: fc.Arbitrary<T>;
  run(input: T): unknown;
  verify?(input: T, result: unknown): void;
  /** Input size in bytes, for the per-KB time budget. */
  size?(input: T): number;
  /** Share of the run count this property gets (1 by default; large inputs get less). */
  share?: number;
  /**
   * The share in `npm run fuzz` when it differs from the unit slice's: the slice keeps its fixed
   * inputs (and so its known state), the full run spends its time budget where it finds most.
   */
  fullRunShare?: number;
  /** False for properties that time more than a parse (services, formatting): no per-KB budget. */
  timed?: boolean;
}

/** Lines as the parser numbers them: Postfix's readers split at '\n' only; editors also at '\r'. */
export type LineModel = 'lf' | 'editor';

export function lineLengths(text: string, model: LineModel): number[] {
  return (model === 'lf' ? text.split('\n') : text.split(/\r\n|\r|\n/)).map((l) => l.length);
}

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

function isPos(v: unknown): v is Pos {
  return typeof v === 'object' && v !== null && typeof (v as Pos).line === 'number' && typeof (v as Pos).character === 'number';
}

function isRange(v: unknown): v is Rng {
  return typeof v === 'object' && v !== null && isPos((v as Rng).start) && isPos((v as Rng).end);
}

function checkPos(p: Pos, lengths: number[], where: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lengths.length, `${where}: line ${p.line} outside 0..${lengths.length - 1}`);
  assert.ok(
    Number.isInteger(p.character) && p.character >= 0 && p.character <= lengths[p.line],
    `${where}: character ${p.character} outside 0..${lengths[p.line]} on line ${p.line}`,
  );
}

export function assertRangeInside(r: Rng, lengths: number[], where: string): void {
  checkPos(r.start, lengths, `${where}.start`);
  checkPos(r.end, lengths, `${where}.end`);
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  assert.ok(ordered, `${where}: start ${JSON.stringify(r.start)} after end ${JSON.stringify(r.end)}`);
}

/**
 * Finds every {start, end} range anywhere in a parse result and checks it lies inside the text.
 * Iterative, so a deep tree cannot overflow the checker's own stack. `skip` names keys not to
 * follow (back references to sources, say).
 */
export function assertAllRangesInside(result: unknown, text: string, model: LineModel, skip: string[] = []): number {
  const lengths = lineLengths(text, model);
  const seen = new Set<object>();
  const stack: Array<[unknown, string]> = [[result, '$']];
  let count = 0;
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v) || ArrayBuffer.isView(v)) continue;
    seen.add(v);
    if (isRange(v)) {
      assertRangeInside(v, lengths, path);
      count++;
      continue;
    }
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
    else for (const [k, x] of Object.entries(v)) if (!skip.includes(k)) stack.push([x, `${path}.${k}`]);
  }
  return count;
}

const CONTEXT: ServiceContext = { workspace: { readText: () => undefined }, locale: 'en' };

/** Runs a language service's document features the way the server does, on a fresh document. */
export function runService(service: LanguageService, languageId: string, text: string): { doc: TextDocument; output: unknown[] } {
  const doc = TextDocument.create('file:///fuzz/doc', languageId, 1, text);
  const output: unknown[] = [service.diagnostics(doc, CONTEXT)];
  if (service.documentSymbols) output.push(service.documentSymbols(doc));
  if (service.foldingRanges) output.push(service.foldingRanges(doc));
  return { doc, output };
}

/** Diagnostics, symbols and folding ranges must point inside the document as the editor sees it. */
export function verifyService(text: string, result: unknown): void {
  const { output } = result as { output: unknown[] };
  const [diagnostics, symbols, folding] = output as [unknown, unknown, Array<{ startLine: number; endLine: number }> | undefined];
  assertAllRangesInside(diagnostics, text, 'editor');
  assertAllRangesInside(symbols, text, 'editor');
  const lines = lineLengths(text, 'editor').length;
  for (const f of folding ?? []) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines, `folding range ${JSON.stringify(f)} outside ${lines} lines`);
}

/** Non-whitespace content, in order: what a formatter must never change. */
export function tokens(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * A formatter must keep every token and be idempotent. Returns the property, or undefined when
 * the language has no formatter yet (the runner reports it as such).
 */
export function formattingProperty(
  parser: string,
  service: LanguageService,
  languageId: string,
  arbitrary: fc.Arbitrary<string>,
  caseInsensitive = false,
  keeps?: FormattingInvariant,
): FuzzProperty | undefined {
  // A zone's TTL and class may come in either order, and the formatter puts the TTL first: for
  // zones only the characters must be kept, in any order and case.
  const norm = (t: string) => (caseInsensitive ? [...tokens(t).toUpperCase()].sort().join('') : tokens(t));
  if (!service.format) return undefined;
  const format = (text: string) => {
    const doc = TextDocument.create('file:///fuzz/doc', languageId, 1, text);
    return TextDocument.applyEdits(doc, service.format!(doc, { tabSize: 4, insertSpaces: true }));
  };
  return {
    parser,
    name: 'formatting keeps every token and is idempotent',
    arbitrary,
    share: 0.05,
    fullRunShare: 0.2,
    timed: false,
    run: (text) => {
      const once = format(text);
      return { once, twice: format(once) };
    },
    verify: (text, r) => {
      const { once, twice } = r as { once: string; twice: string };
      assert.equal(norm(once), norm(text), 'formatting changed a token');
      assert.equal(twice, once, 'formatting twice differs from formatting once');
      if (keeps) assert.deepEqual(keeps.of(once), keeps.of(text), keeps.message);
    },
  };
}

/** What a language's formatter must also leave as it was, beyond the characters of its tokens. */
export interface FormattingInvariant {
  of(text: string): unknown;
  /** Said when it changes. */
  message: string;
}

export const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');
