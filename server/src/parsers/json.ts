// JSON (RFC 8259) with the place of every value, key and property, for files whose problems are
// reported where they are written (scenario files). JSON.parse gives no positions. The first
// syntax error ends the parse with its place; what was read before it is kept, so an editor can
// still point into a file being typed. Offsets are UTF-16 code units, like the text.
import { lineAtOffset, Position, Range } from './range';

interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export type JsonNode =
  | (Span & { kind: 'object'; properties: JsonProperty[] })
  | (Span & { kind: 'array'; items: JsonNode[] })
  | (Span & { kind: 'string'; value: string })
  | (Span & { kind: 'number'; value: number })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'null' });

/** `"key": value`, from the key's opening quote to the value's end. */
export interface JsonProperty extends Span {
  key: string;
  keySpan: Span;
  /** Undefined when the text ends or breaks before the value. */
  value?: JsonNode;
}

export type JsonErrorCode =
  | 'expected-value'
  | 'expected-key'
  | 'expected-colon'
  | 'expected-comma-or-brace'
  | 'expected-comma-or-bracket'
  | 'unterminated-string'
  | 'control-character'
  | 'bad-escape'
  | 'trailing-text'
  | 'too-deep';

export interface JsonError {
  code: JsonErrorCode;
  offset: number;
  /** The character found instead (undefined at the end of the text). */
  found?: string;
}

export interface JsonFile {
  root?: JsonNode;
  error?: JsonError;
  /** LSP position of an offset. */
  positionAt(offset: number): Position;
  rangeOf(span: Span): Range;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly code: JsonErrorCode,
    readonly offset: number,
    readonly found?: string,
  ) {
    super(code);
  }
}

const WHITESPACE = ' \t\n\r';
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Deeper nesting is refused rather than risking the stack on hostile input. */
const MAX_DEPTH = 500;
const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

export function parseJson(text: string): JsonFile {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const positionAt = (offset: number): Position => {
    const line = lineAtOffset(lineStarts, lineStarts.length, offset);
    return { line, character: offset - lineStarts[line] };
  };
  const file: JsonFile = { positionAt, rangeOf: (s) => ({ start: positionAt(s.start), end: positionAt(s.end) }) };
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    file.root = reader.value(0, (node) => (file.root = node));
    reader.skipSpace();
    if (reader.pos < text.length) throw new JsonSyntaxError('trailing-text', reader.pos, text[reader.pos]);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    file.error = { code: err.code, offset: err.offset, found: err.found };
  }
  return file;
}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && WHITESPACE.includes(this.text[this.pos])) this.pos++;
  }

  private expected(code: JsonErrorCode): never {
    throw new JsonSyntaxError(code, this.pos, this.text[this.pos]);
  }

  /** A value; `early` receives a container as soon as it opens, so that a broken file keeps what came before the break. */
  value(depth: number, early: (node: JsonNode) => void): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('too-deep', this.pos);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth, early);
    if (c === '[') return this.array(depth, early);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        const start = this.pos;
        this.pos += word.length;
        return { ...node, start, end: this.pos } as JsonNode;
      }
    }
    return this.expected('expected-value');
  }

  private object(depth: number, early: (node: JsonNode) => void): JsonNode {
    const node: JsonNode = { kind: 'object', properties: [], start: this.pos, end: this.text.length };
    early(node);
    this.sequence('}', 'expected-comma-or-brace', () => {
      if (this.text[this.pos] !== '"') this.expected('expected-key');
      const key = this.string();
      const property: JsonProperty = { key: key.value, keySpan: { start: key.start, end: key.end }, start: key.start, end: key.end };
      node.properties.push(property);
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.expected('expected-colon');
      this.pos++;
      this.skipSpace();
      property.value = this.value(depth + 1, (inner) => (property.value = inner));
      property.end = property.value.end;
    });
    node.end = this.pos;
    return node;
  }

  private array(depth: number, early: (node: JsonNode) => void): JsonNode {
    const node: JsonNode = { kind: 'array', items: [], start: this.pos, end: this.text.length };
    early(node);
    this.sequence(']', 'expected-comma-or-bracket', () => {
      const index = node.items.length;
      node.items[index] = this.value(depth + 1, (inner) => (node.items[index] = inner));
    });
    node.end = this.pos;
    return node;
  }

  /** From the opening bracket or brace past the closing one: items separated by commas, each read by `item`. */
  private sequence(close: '}' | ']', missing: JsonErrorCode, item: () => void): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] !== close) {
      for (;;) {
        item();
        this.skipSpace();
        if (this.text[this.pos] !== ',') break;
        this.pos++;
        this.skipSpace();
      }
      if (this.text[this.pos] !== close) this.expected(missing);
    }
    this.pos++;
  }

  private string(): JsonNode & { kind: 'string' } {
    const start = this.pos++;
    let value = '';
    for (;;) {
      if (this.pos >= this.text.length) throw new JsonSyntaxError('unterminated-string', start);
      const c = this.text[this.pos];
      if (c === '"') break;
      if (c < ' ') throw new JsonSyntaxError('control-character', this.pos);
      if (c !== '\\') {
        value += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      if (e === 'u') {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad-escape', this.pos);
        value += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        value += ESCAPES[e];
        this.pos += 2;
      } else throw new JsonSyntaxError('bad-escape', this.pos);
    }
    this.pos++;
    return { kind: 'string', value, start, end: this.pos };
  }

  private number(): JsonNode {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) this.expected('expected-value');
    const start = this.pos;
    this.pos += m[0].length;
    return { kind: 'number', value: Number(m[0]), start, end: this.pos };
  }
}

/** The plain value of a node, as JSON.parse gives it (the last of duplicate keys wins). */
export function jsonValue(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) Object.defineProperty(out, p.key, { value: jsonValue(p.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array':
      return node.items.map(jsonValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** The property of an object node with that key (the last one, as JSON.parse keeps). */
export function jsonProperty(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) if (node.properties[i].key === key) return node.properties[i];
  return undefined;
}
