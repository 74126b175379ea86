// Postfix's $name expander, re-implemented so that our postconf warns and expands exactly like
// the real one: the same parse (mac_parse: $$, $name, ${...}, $(...)), the same conditional and
// comparison forms, the same warnings, and the same two modes postconf uses:
// - scan: visit every name, both branches of every conditional, without recursing into values
//   (how postconf finds user-defined parameters and undefined ones);
// - recurse: replace each $name by its value, expanded in turn (how `postconf -x` prints).

export type Lookup = (name: string, mode: 'use' | 'test') => string | undefined;

export interface ExpandResult {
  text: string;
  /** Some reference had no value (not an error). */
  undefined: boolean;
  /** A syntax error; the real postconf stops with "macro processing error" when expanding. */
  error: boolean;
}

interface Ctx {
  lookup: Lookup;
  scan: boolean;
  warn: (msg: string) => void;
  out: string;
  level: number;
  undef: boolean;
  error: boolean;
}

const WS = ' \t\r\n';
const spanWs = (s: string, i: number) => {
  while (i < s.length && WS.includes(s[i])) i++;
  return i;
};
const isAlnum = (c: string | undefined) => {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
};
const RELOPS: [string, (d: number) => boolean][] = [
  ['==', (d) => d === 0],
  ['!=', (d) => d !== 0],
  ['<', (d) => d < 0],
  ['<=', (d) => d <= 0],
  ['>=', (d) => d >= 0],
  ['>', (d) => d > 0],
];

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
  const ctx: Ctx = { lookup, scan: !!options.scan, warn: options.warn, out: '', level: 0, undef: false, error: false };
  macParse(value, ctx);
  return { text: ctx.out, undefined: ctx.undef, error: ctx.error };
}

function macParse(value: string, ctx: Ctx): void {
  let buf = '';
  let vp = 0;
  while (vp < value.length) {
    const c = value[vp];
    if (c !== '$') {
      const next = value.indexOf('$', vp);
      const end = next < 0 ? value.length : next;
      buf += value.slice(vp, end);
      vp = end;
    } else if (value[vp + 1] === '$') {
      buf += '$';
      vp += 2;
    } else {
      if (buf.length > 0) {
        literal(buf, ctx);
        if (ctx.error) return;
      }
      buf = '';
      vp++;
      const open = value[vp];
      if (open === '{' || open === '(') {
        const close = open === '{' ? '}' : ')';
        let level = 1;
        let ep = vp + 1;
        for (; level > 0; ep++) {
          if (ep >= value.length) {
            ctx.warn(`truncated macro reference: "${value}"`);
            ctx.error = true;
            return;
          }
          if (value[ep] === open) level++;
          if (value[ep] === close) level--;
        }
        buf = value.slice(vp + 1, ep - 1);
        vp = ep;
      } else {
        let ep = vp;
        while (ep < value.length && (isAlnum(value[ep]) || value[ep] === '_')) ep++;
        buf = value.slice(vp, ep);
        vp = ep;
      }
      if (buf.length === 0) {
        ctx.warn(`empty macro name: "${value}"`);
        ctx.error = true;
        return;
      }
      expression(buf, ctx);
      buf = '';
      if (ctx.error) return;
    }
  }
  if (buf.length > 0 && !ctx.error) literal(buf, ctx);
}

function literal(text: string, ctx: Ctx): void {
  if (ctx.level++ > 100) parseError(ctx, `unreasonable macro call nesting: "${text}"`);
  if (ctx.error) return;
  if (!ctx.scan) ctx.out += text;
  ctx.level--;
}

function parseError(ctx: Ctx, msg: string): void {
  ctx.warn(msg);
  ctx.error = true;
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
    else if (s[i] === '}' && --level <= 0) {
      const rest = s.slice(i + 1);
      return [s.slice(1, i), rest.slice(spanWs(rest, 0))];
    }
  }
}

function leftCurly(s: string): string | undefined {
  const i = spanWs(s, 0);
  return s[i] === '{' ? s.slice(i) : undefined;
}

function expression(expr: string, ctx: Ctx): void {
  if (ctx.level++ > 100) parseError(ctx, `unreasonable macro call nesting: "${expr}"`);
  if (ctx.error) return;
  let cp: string;
  let lookup: string | undefined;
  let ch: string;
  const curly = leftCurly(expr);
  if (curly !== undefined) {
    const r = relational(curly, ctx);
    if (!r) return;
    [lookup, cp] = r;
    ch = cp[0] ?? '';
    if (ch !== '') {
      if (ch !== '?' && ch !== ':') return parseError(ctx, `"?" or ":" expected at: "...}>>>${cp.slice(0, 20)}"`);
      cp = cp.slice(1);
    }
  } else {
    let i = spanWs(expr, 0);
    const start = i;
    let mode: 'use' | 'test';
    for (;; i++) {
      const k = spanWs(expr, i);
      ch = expr[k] ?? '';
      if (ch === '') {
        mode = 'use';
        cp = '';
        break;
      }
      if (ch === '?' || ch === ':') {
        mode = 'test';
        cp = expr.slice(k + 1);
        break;
      }
      if (!isAlnum(expr[i]) && expr[i] !== '_') {
        return parseError(ctx, `attribute name syntax error at: "...${expr.slice(0, i)}>>>${expr.slice(i, i + 20)}"`);
      }
    }
    lookup = ctx.lookup(expr.slice(start, i), mode);
  }
  const truthy = lookup !== undefined && lookup !== '';
  if (ch === '?') {
    let ifTrue: string;
    const c = leftCurly(cp);
    if (c !== undefined) {
      const p = curlyPayload(c, ctx);
      if (!p) return;
      [ifTrue, cp] = p;
    } else {
      ifTrue = cp;
      cp = '';
    }
    if (truthy || ctx.scan) macParse(ifTrue, ctx);
    if (cp === '') return void ctx.level--;
    if (cp[0] !== ':') return parseError(ctx, `":" expected at: "...${ifTrue}}>>>${cp.slice(0, 20)}"`);
    cp = cp.slice(1);
    ch = ':';
    elseBranch(cp, truthy, ctx);
  } else if (ch === ':') {
    elseBranch(cp, truthy, ctx);
  } else if (lookup === undefined) {
    ctx.undef = true;
  } else if (lookup === '' || ctx.scan) {
    // nothing to add
  } else {
    macParse(lookup, ctx);
  }
  if (!ctx.error) ctx.level--;
}

function elseBranch(cp: string, truthy: boolean, ctx: Ctx): void {
  let ifFalse: string;
  const c = leftCurly(cp);
  if (c !== undefined) {
    const p = curlyPayload(c, ctx);
    if (!p) return;
    [ifFalse, cp] = p;
  } else {
    ifFalse = cp;
    cp = '';
  }
  if (!truthy || ctx.scan) macParse(ifFalse, ctx);
  if (cp !== '') parseError(ctx, `unexpected input at: "...${ifFalse}}>>>${cp.slice(0, 20)}"`);
}

/** `{a} op {b}`: returns ["true" or "", the text after it] */
function relational(s: string, ctx: Ctx): [string | undefined, string] | undefined {
  const left = curlyPayload(s, ctx);
  if (!left) return undefined;
  let [leftText, cp] = left;
  let opLen = 0;
  while (opLen < cp.length && '<>!=?+-*/~&|%'.includes(cp[opLen])) opLen++;
  const op = RELOPS.find(([name]) => name === cp.slice(0, opLen));
  if (!op) {
    parseError(ctx, `"==" or "!=" or "<" or "<=" or ">=" or ">" expected at: "...${leftText}}>>>${cp.slice(0, 20)}"`);
    return undefined;
  }
  const opText = cp.slice(0, opLen);
  cp = cp.slice(opLen);
  // Operator suffixes: Postfix registers only "level", comparing compatibility levels.
  let suffixLen = 0;
  while (isAlnum(cp[suffixLen])) suffixLen++;
  const suffix = cp.slice(0, suffixLen);
  if (suffixLen > 0 && suffix !== 'level') {
    parseError(ctx, `bad operator suffix at: "...${opText}>>>${suffix}"`);
    return undefined;
  }
  cp = cp.slice(suffixLen);
  const rc = leftCurly(cp);
  if (rc === undefined) {
    parseError(ctx, `"{expression}" expected at: "...{${leftText}} ${opText}>>>${cp.slice(0, 20)}"`);
    return undefined;
  }
  const right = curlyPayload(rc, ctx);
  if (!right) return undefined;
  const [rightText, rest] = right;
  const l = sub(leftText, ctx);
  const r = sub(rightText, ctx);
  if (ctx.error) return undefined;
  if (ctx.scan) return [undefined, rest];
  let delta: number;
  if (suffix === 'level') {
    const lv = compatLevel(l, ctx);
    const rv = compatLevel(r, ctx);
    if (!lv || !rv) {
      ctx.error = true;
      return undefined;
    }
    delta = lv[0] - rv[0] || lv[1] - rv[1] || lv[2] - rv[2];
  } else {
    const digits = /^[0-9]+$/;
    delta = digits.test(l) && digits.test(r) ? Number(l) - Number(r) : l < r ? -1 : l > r ? 1 : 0;
  }
  return [op[1](delta) ? 'true' : '', rest];
}

/**
 * Expands an operand of a comparison on its own, like a nested mac_expand() call. Postfix starts
 * that call's nesting count at zero, so a value that compares itself recurses until Postfix
 * crashes; we carry the count over and report the nesting error instead.
 */
function sub(text: string, ctx: Ctx): string {
  const inner: Ctx = { ...ctx, out: '', undef: false, error: false };
  macParse(text, inner);
  if (inner.error) ctx.error = true;
  if (inner.undef) ctx.undef = true;
  return inner.out;
}

/** A compatibility level such as "2", "3.6" or "3.6.1", as [major, minor, patch]. */
function compatLevel(text: string, ctx: Ctx): [number, number, number] | undefined {
  const m = /^([0-9]+)(?:\.([0-9]+)(?:\.([0-9]+))?)?$/.exec(text);
  if (!m) {
    ctx.warn(`malformed compatibility level syntax: "${text}"`);
    return undefined;
  }
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}
