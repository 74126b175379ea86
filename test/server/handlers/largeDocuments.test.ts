// The bounded views the server analyses instead of a document too large to check in full.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
  capDiagnostics,
  FULL_ANALYSIS_CHARS,
  headOf,
  isTooLarge,
  mapPositions,
  MAX_DIAGNOSTICS,
  tooLargeDiagnostic,
  windowAround,
} from '../../../server/src/handlers/largeDocuments';

const LINE = 'user@example.org REJECT no thanks\n';
const big = TextDocument.create('file:///t/postfix/sender_access', 'postfix-map', 3, LINE.repeat(Math.ceil((FULL_ANALYSIS_CHARS * 2) / LINE.length)));

describe('large documents', () => {
  it('leaves documents up to the limit alone', () => {
    assert.equal(isTooLarge(TextDocument.create('file:///a', 'postfix-map', 1, 'x'.repeat(FULL_ANALYSIS_CHARS))), false);
    assert.equal(isTooLarge(big), true);
  });

  it('cuts the head at a line end, within the limit, with the same uri and version', () => {
    const head = headOf(big);
    assert.ok(head.getText().length <= FULL_ANALYSIS_CHARS);
    assert.ok(head.getText().endsWith('\n') && big.getText().startsWith(head.getText()));
    assert.equal(head.uri, big.uri);
    assert.equal(head.version, 3);
    assert.equal(headOf(big), head, 'cached for the version');
  });

  it('cuts a single huge line before a surrogate pair, never inside it', () => {
    const text = 'a'.repeat(FULL_ANALYSIS_CHARS - 1) + '📧' + 'b'.repeat(10);
    const head = headOf(TextDocument.create('file:///one-line', 'postfix-map', 1, text));
    assert.equal(head.getText().length, FULL_ANALYSIS_CHARS - 1);
  });

  it('maps positions into the window around a line and back, keeping the first lines', () => {
    const line = 150_000;
    const window = windowAround(big, line)!;
    const local = window.toView({ line, character: 5 })!;
    assert.ok(local.line < 5000, `line ${local.line} in a view of ${window.view.lineCount} lines`);
    assert.equal(window.view.getText({ start: local, end: { line: local.line, character: 16 } }), 'example.org');
    assert.deepEqual(window.fromView(local), { line, character: 5 });
    assert.deepEqual(window.toView({ line: 3, character: 1 }), { line: 3, character: 1 }, 'the first lines stay where they are');
    assert.equal(window.toView({ line: 10_000, character: 0 }), undefined, 'far lines are outside the view');
  });

  it('gives up on a single line too long to analyse', () => {
    const doc = TextDocument.create('file:///one-line', 'postfix-map', 1, 'x'.repeat(FULL_ANALYSIS_CHARS + 10));
    assert.equal(windowAround(doc, 0), undefined);
  });

  it('maps every position of an answer in the document, and none in another file', () => {
    const answer = {
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } },
      edit: { changes: { 'file:///a': [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }], 'file:///b': [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'x' }] } },
      locations: [
        { uri: 'file:///a', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } },
        { uri: 'file:///b', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } },
      ],
      contents: { kind: 'markdown', value: 'line 1' },
    };
    const mapped = mapPositions(answer, 'file:///a', (p) => ({ line: p.line + 100, character: p.character }));
    assert.equal(mapped.range.end.line, 101);
    assert.equal(mapped.edit.changes['file:///a'][0].range.end.line, 102);
    assert.equal(mapped.edit.changes['file:///b'][0].range.start.line, 1);
    assert.equal(mapped.locations[0].range.start.line, 101);
    assert.equal(mapped.locations[1].range.start.line, 1);
    assert.equal(mapped.contents.value, 'line 1');
    assert.equal(answer.range.start.line, 1, 'the answer itself is untouched');
  });

  it('says once, in the user language, that the file is checked only in part', () => {
    const d = tooLargeDiagnostic(big, headOf(big), 'es');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(d.code, 'file-too-large');
    assert.match(String(d.message), /8\.0 MB/);
    assert.match(String(d.message), new RegExp(`primeras ${headOf(big).lineCount - 1} líneas`));
  });

  it('keeps the first diagnostics in file order and counts the rest', () => {
    const at = (line: number) => ({ range: { start: { line, character: 0 }, end: { line, character: 1 } }, message: `l${line}` });
    const many = Array.from({ length: MAX_DIAGNOSTICS + 5 }, (_, i) => at(MAX_DIAGNOSTICS + 5 - i));
    const capped = capDiagnostics(many, 'en');
    assert.equal(capped.length, MAX_DIAGNOSTICS + 1);
    assert.equal(capped[0].message, 'l1');
    assert.match(String(capped[MAX_DIAGNOSTICS].message), /^5 more problems/);
    const few = [at(3)];
    assert.equal(capDiagnostics(few, 'en'), few);
  });
});
