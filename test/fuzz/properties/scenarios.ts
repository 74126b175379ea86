// Scenario files: the JSON reader, checked against JSON.parse (the same verdict on every text, and
// the same value when both read it), and the scenario diagnostics on any text, run against the
// lab's main.cf and master.cf: no exception, every range inside the document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseJson, jsonValue, type JsonFile, type JsonNode } from '../../../server/src/parsers/json';
import { readDiskText } from '../../../server/src/handlers/diskFiles';
import { scenarioDiagnostics } from '../../../server/src/languageservice/scenarios/diagnostics';
import { amplified, document, type Flavour } from '../arbitraries';
import { ROOT } from '../corpus';
import { assertAllRangesInside, byteLength, type FuzzProperty } from '../property';

const LAB = join(ROOT, 'examples/lab');
const FLAVOUR: Flavour = {
  lines: readFileSync(join(LAB, 'mailflow.scenarios.json'), 'utf8').split('\n').filter((l) => l.trim() !== ''),
  tokens: ['{', '}', '[', ']', '"', ':', ',', 'true', 'false', 'null', '-0.5e+3', '1E400', '"\\u00e9"', '"\\ud800"', '\\', '"expect"', '"to"', '"port"', '"scenarios"', '"accepted"', ' ', '\n'],
};

/**
 * Spans within the text; in a complete parse also nested (after a syntax error the nodes read so
 * far are kept, and the ends of those still open are where reading stopped).
 */
function checkSpans(node: JsonNode | undefined, outer: { start: number; end: number }, nested: boolean, text: string): void {
  if (!node) return;
  const within = nested ? outer : { start: 0, end: text.length };
  assert.ok(node.start >= within.start && node.start <= node.end && node.end <= within.end, `span ${node.start}-${node.end} outside ${within.start}-${within.end}`);
  if (node.kind === 'array') node.items.forEach((i) => checkSpans(i, node, nested, text));
  if (node.kind === 'object')
    for (const p of node.properties) {
      if (nested) assert.ok(p.start >= node.start && p.end <= node.end && p.keySpan.start >= p.start && p.keySpan.end <= p.end, `property ${p.key} outside its object`);
      checkSpans(p.value, p, nested, text);
    }
}

function verifyJson(text: string, result: unknown): void {
  const file = result as JsonFile;
  checkSpans(file.root, { start: 0, end: text.length }, file.error === undefined, text);
  if (file.error) assert.ok(file.error.offset >= 0 && file.error.offset <= text.length, `error offset ${file.error.offset}`);
  if (file.error?.code === 'too-deep') return;
  let expected: unknown;
  let refused = false;
  try {
    expected = JSON.parse(text);
  } catch {
    refused = true;
  }
  assert.equal(file.error !== undefined, refused, `JSON.parse ${refused ? 'refuses' : 'reads'} it, the reader ${file.error ? `stops with ${file.error.code}` : 'reads it'}`);
  if (!refused) assert.deepEqual(jsonValue(file.root), expected);
}

const workspace = { readText: readDiskText };
const SCENARIO_URI = new URL(`file://${LAB}/fuzz.scenarios.json`).href;

export const properties: FuzzProperty[] = [
  { parser: 'json', name: 'the same verdict and value as JSON.parse, spans inside the text', arbitrary: document(FLAVOUR), run: parseJson, verify: verifyJson, size: byteLength },
  { parser: 'json', name: 'linear time on 64-256 KB documents', arbitrary: amplified(FLAVOUR), run: parseJson, verify: verifyJson, size: byteLength, share: 0.002 },
  {
    parser: 'json',
    name: 'scenario diagnostics against the lab: no exception, every range inside the document',
    arbitrary: document(FLAVOUR),
    run: (text) => scenarioDiagnostics(TextDocument.create(SCENARIO_URI, 'json', 1, text), { locale: 'en', workspace }),
    verify: (text, result) => void assertAllRangesInside(result, text, 'editor'),
    size: byteLength,
    share: 0.05,
    timed: false,
  },
];
