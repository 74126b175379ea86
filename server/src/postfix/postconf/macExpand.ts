// Postfix's $name expander, re-implemented so that our postconf warns and expands exactly like
// the real one: the same parse (mac_parse: $$, $name, ${...}, $(...)), the same conditional and
// comparison forms, the same warnings, and the same two modes postconf uses:
// - scan: visit every name, both branches of every conditional, without recursing into values
//   (how postconf finds user-defined parameters and undefined ones);
// - recurse: replace each $name by its value, expanded in turn (how `postconf -x` prints).
// Error handling follows Postfix to the letter, because it shows in the warnings: after a syntax
// error the parse goes on, later references return at once without undoing their nesting count
// (so they can pile up "unreasonable macro call nesting" warnings), and a later truncated or
// empty reference is still reported.
import { isAlnum } from '../../parsers/logicalLines';
import { compareLevels } from './compatLevel';

export type Lookup = (name: string, mode: 'use' | 'test') => string | undefined;

export interface ExpandResult {
  text: string;
  /** Some reference had no value (not an error). */
  undefined: boolean;
  /** A syntax error; the real postconf stops with "macro processing error" when expanding. */
  error: boolean;
  /** Postfix exits in the middle of the expansion with this message (a number out of range). */
  fatal?: string;
}

class MacroFatal extends Error {}

const ERROR = 1;
const UNDEF = 2;

interface Ctx {
  lookup: Lookup;
  scan: boolean;
  warn: (msg: string) => void;
  out: string;
  status: number;
  level: number;
  /** Separate expansions of comparison operands this one is nested in (see subExpand()). */
  depth: number;
  /** The nesting levels of those enclosing expansions, added up. */
  outer: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const spanWs = (s: string, i: number) => {
  while (isSpace(s[i])) i++;
  return i;
};

/** printf's "%.Ns" counts bytes; a cut through a UTF-8 sequence leaves bytes shown as '?'. */
function bytes(s: string, max: number): string {
  if (s.length <= max && /^[\x00-\x7f]*$/.test(s.slice(0, max))) return s.slice(0, max);
  return Buffer.from(s, 'utf8').subarray(0, max).toString('latin1').replace(/[^\x00-\x7f]/g, '?');
}

/**
 * The names a scan visits, in order, with the warnings it gives: a scan only depends on the text,
 * so postconf's scan of ~1000 default values costs a map lookup each after the first time.
 */
const scanCache = new Map<string, { names: string[]; warnings: string[] }>();

export function scanNames(value: string): { names: string[]; warnings: string[] } {
  let hit = scanCache.get(value);
  if (!hit) {
    const names: string[] = [];
    const warnings: string[] = [];
    macExpand(value, (n) => void names.push(n), { scan: true, warn: (w) => warnings.push(w) });
    hit = { names, warnings };
    if (scanCache.size < 10_000) scanCache.set(value, hit);
  }
  return hit;
}

export function macExpand(value: string, lookup: Lookup, options: { scan?: boolean; warn: (msg: string) => void }): ExpandResult {
  // Without a '$' there is nothing to expand, to look up or to warn about (most values).
  if (!value.includes('$')) return { text: options.scan ? '' : value, undefined: false, error: false };
  const ctx: Ctx = { lookup, scan: !!options.scan, warn: options.warn, out: '', status: 0, level: 0, depth: 0, outer: 0 };
  try {
    const status = macParse(value, ctx);
    return { text: ctx.out, undefined: (status & UNDEF) !== 0, error: (status & ERROR) !== 0 };
  } catch (err) {
    if (!(err instanceof MacroFatal)) throw err;
    return { text: ctx.out, undefined: false, error: true, fatal: err.message };
  }
}

/** mac_parse(): splits the text into literal runs and references; returns its own status. */
function macParse(value: string, ctx: Ctx): number {
  let status = 0;
  let buf = '';
  let vp = 0;
  while (vp < value.length) {
    if (value[vp] !== '$') {
      const next = value.indexOf('$', vp);
      const end = next < 0 ? value.length : next;
      buf += value.slice(vp, end);
      vp = end;
      continue;
    }
    if (value[vp + 1] === '$') {
      buf += '$';
      vp += 2;
      continue;
    }
    if (buf.length > 0) status |= callback(false, buf, ctx);
    buf = '';
    vp++;
    const open = value[vp];
    if (open === '{' || open === '(') {
      const close = open === '{' ? '}' : ')';
      let level = 1;
      let ep = ++vp;
      for (; level > 0; ep++) {
        if (ep >= value.length) {
          ctx.warn(`truncated macro reference: "${value}"`);
          status |= ERROR;
          break;
        }
        if (value[ep] === open) level++;
        if (value[ep] === close) level--;
      }
      // Any error so far, even one from an earlier reference, ends the parse here.
      if (status & ERROR) break;
      buf = value.slice(vp, ep - 1);
      vp = ep;
    } else {
      let ep = vp;
      while (isAlnum(value[ep]) || value[ep] === '_') ep++;
      buf = value.slice(vp, ep);
      vp = ep;
    }
    if (buf.length === 0) {
      status |= ERROR;
      ctx.warn(`empty macro name: "${value}"`);
      break;
    }
    status |= callback(true, buf, ctx);
    buf = '';
  }
  if (buf.length > 0 && (status & ERROR) === 0) status |= callback(false, buf, ctx);
  return status;
}

function parseError(ctx: Ctx, msg: string): number {
  ctx.warn(msg);
  return (ctx.status |= ERROR);
}

/** mac_expand_callback(). Error returns skip the nesting decrement, as in Postfix. */
function callback(isExpr: boolean, buf: string, ctx: Ctx): number {
  if (ctx.level++ > 100) parseError(ctx, `unreasonable macro call nesting: "${buf}"`);
  if (ctx.status & ERROR) return ctx.status;
  if (!isExpr) {
    if (!ctx.scan) ctx.out += buf;
    ctx.level--;
    return ctx.status;
  }
  let cp: string;
  let lookup: string | undefined;
  let ch: string;
  if (buf[spanWs(buf, 0)] === '{') {
    const r = relational(buf.slice(spanWs(buf, 0)), ctx);
    if (!r) return ctx.status;
    [lookup, cp] = r;
    ch = cp[0] ?? '';
    if (ch !== '') {
      if (ch !== '?' && ch !== ':') return parseError(ctx, `"?" or ":" expected at: "...}>>>${bytes(cp, 20)}"`);
      cp = cp.slice(1);
    }
  } else {
    let i = spanWs(buf, 0);
    const start = i;
    let mode: 'use' | 'test';
    for (;; i++) {
      const k = spanWs(buf, i);
      ch = buf[k] ?? '';
      if (ch === '') {
        mode = 'use';
        cp = '';
        break;
      }
      if (ch === '?' || ch === ':') {
        mode = 'test';
        cp = buf.slice(k + 1);
        break;
      }
      if (!isAlnum(buf[i]) && buf[i] !== '_') {
        return parseError(ctx, `attribute name syntax error at: "...${buf.slice(0, i)}>>>${bytes(buf.slice(i), 20)}"`);
      }
    }
    lookup = ctx.lookup(buf.slice(start, i), mode);
  }
  const truthy = lookup !== undefined && lookup !== '';
  if (ch === '?') {
    const t = operand(cp, ctx);
    if (!t) return ctx.status;
    const ifTrue = t[0];
    cp = t[1];
    if (truthy || ctx.scan) ctx.status |= macParse(ifTrue, ctx);
    if (cp !== '') {
      if (cp[0] !== ':') return parseError(ctx, `":" expected at: "...${ifTrue}}>>>${bytes(cp, 20)}"`);
      cp = cp.slice(1);
      ch = ':';
    }
  }
  if (ch === ':') {
    const f = operand(cp, ctx);
    if (!f) return ctx.status;
    const [ifFalse, rest] = f;
    if (!truthy || ctx.scan) ctx.status |= macParse(ifFalse, ctx);
    if (rest !== '') return parseError(ctx, `unexpected input at: "...${ifFalse}}>>>${bytes(rest, 20)}"`);
  } else if (ch === '') {
    if (lookup === undefined) ctx.status |= UNDEF;
    else if (lookup !== '' && !ctx.scan) ctx.status |= macParse(lookup, ctx);
  }
  ctx.level--;
  return ctx.status;
}

/** A result operand after ? or :: a {payload} (then what follows), or the rest of the text. */
function operand(cp: string, ctx: Ctx): [string, string] | undefined {
  const at = spanWs(cp, 0);
  if (cp[at] !== '{') return [cp, ''];
  return curlyPayload(cp.slice(at), ctx);
}

/** Returns [payload, rest after the closing brace and blanks] or undefined after an error. */
function curlyPayload(s: string, ctx: Ctx): [string, string] | undefined {
  let level = 1;
  for (let i = 1; ; i++) {
    if (i >= s.length) {
      parseError(ctx, `unbalanced {} in attribute expression: "${s}"`);
      return undefined;
    }
    if (s[i] === '{') level++;
    else if (s[i] === '}' && --level <= 0) return [s.slice(1, i), s.slice(spanWs(s, i + 1))];
  }
}

const RELOPS = ['==', '!=', '<', '<=', '>=', '>'];

/** `{a} op {b}`: returns ["true" or "" (undefined when scanning), the text after it]. */
function relational(s: string, ctx: Ctx): [string | undefined, string] | undefined {
  const left = curlyPayload(s, ctx);
  if (!left) return undefined;
  const leftText = left[0];
  let cp = left[1];
  let opLen = 0;
  while (opLen < cp.length && '<>!=?+-*/~&|%'.includes(cp[opLen])) opLen++;
  const opText = cp.slice(0, opLen);
  if (!RELOPS.includes(opText)) {
    parseError(ctx, `"==" or "!=" or "<" or "<=" or ">=" or ">" expected at: "...${leftText}}>>>${bytes(cp, 20)}"`);
    return undefined;
  }
  cp = cp.slice(opLen);
  // Operator suffixes: postconf registers only "level", comparing compatibility levels.
  let suffixLen = 0;
  while (isAlnum(cp[suffixLen])) suffixLen++;
  const suffix = cp.slice(0, suffixLen);
  if (suffixLen > 0 && suffix !== 'level') {
    parseError(ctx, `bad operator suffix at: "...${opText}>>>${suffix}"`);
    return undefined;
  }
  cp = cp.slice(suffixLen);
  const at = spanWs(cp, 0);
  if (cp[at] !== '{') {
    parseError(ctx, `"{expression}" expected at: "...{${leftText}} ${opText}>>>${bytes(cp, 20)}"`);
    return undefined;
  }
  const right = curlyPayload(cp.slice(at), ctx);
  if (!right) return undefined;
  const l = subExpand(leftText, ctx);
  const r = subExpand(right[0], ctx);
  let result: boolean | undefined;
  if (!ctx.scan) {
    const delta = suffix === 'level' ? compareLevels(l, r, ctx.warn) : compare(l, r);
    if (delta === undefined) ctx.status |= ERROR;
    else result = relop(opText, delta);
  }
  if (ctx.status & ERROR) return undefined;
  return [ctx.scan ? undefined : result ? 'true' : '', right[1]];
}

const LONG_MAX = 2n ** 63n - 1n;
const allDigits = (s: string) => /^[0-9]+$/.test(s);

/** mac_exp_eval(): numbers when both sides are all digits, else bytes; the sign of left - right. */
function compare(l: string, r: string): number {
  if (!allDigits(l) || !allDigits(r)) return Buffer.compare(Buffer.from(l, 'utf8'), Buffer.from(r, 'utf8'));
  const [a, b] = [BigInt(l), BigInt(r)];
  for (const [v, s] of [[a, l], [b, r]] as const) if (v > LONG_MAX) throw new MacroFatal(`mac_exp_eval: bad conversion: ${s}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

function relop(op: string, delta: number): boolean {
  switch (op) {
    case '==':
      return delta === 0;
    case '!=':
      return delta !== 0;
    case '<':
      return delta < 0;
    case '<=':
      return delta <= 0;
    case '>=':
      return delta >= 0;
    default:
      return delta > 0;
  }
}

/**
 * Expands a comparison operand on its own, like Postfix's nested mac_expand() call: fresh nesting
 * count and status, whose flags then join ours. A value that compares itself therefore recurses
 * without bound, and the real postconf crashes; past a depth no finite configuration reaches we
 * report the nesting error instead.
 */
const MAX_OPERAND_DEPTH = 200;
const MAX_TOTAL_NESTING = 1500;

function subExpand(text: string, ctx: Ctx): string {
  if (ctx.depth >= MAX_OPERAND_DEPTH || ctx.outer + ctx.level > MAX_TOTAL_NESTING) {
    parseError(ctx, `unreasonable macro call nesting: "${text}"`);
    return '';
  }
  const inner: Ctx = { ...ctx, out: '', status: 0, level: 0, depth: ctx.depth + 1, outer: ctx.outer + ctx.level };
  ctx.status |= macParse(text, inner) | inner.status;
  return inner.out;
}
