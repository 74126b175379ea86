// Expands a VS Code snippet body the way accepting every default would: placeholders become
// their default text, choices their first option, and bare $n repeat placeholder n's text.
// Throws on syntax VS Code would not read as we intend (unknown variables, unbalanced braces).

export interface Expansion {
  text: string;
  tabStops: Set<number>;
}

export function expandSnippet(body: string | string[]): Expansion {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<number, string>();
  const tabStops = new Set<number>();
  // Two passes: mirrors may come before the placeholder that gives them their text.
  expand(source, defaults, tabStops);
  return { text: expand(source, defaults, tabStops), tabStops };
}

function expand(s: string, defaults: Map<number, string>, tabStops: Set<number>): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const simple = /^\$(\d+)/.exec(s.slice(i));
    if (simple) {
      const n = Number(simple[1]);
      tabStops.add(n);
      out += defaults.get(n) ?? '';
      i += simple[0].length;
      continue;
    }
    if (s[i + 1] !== '{') {
      if (/^\$[A-Za-z_]/.test(s.slice(i))) throw new Error(`unescaped $ starts a variable at ${JSON.stringify(s.slice(i, i + 20))}`);
      out += c;
      i++;
      continue;
    }
    const end = matchingBrace(s, i + 1);
    const inner = s.slice(i + 2, end);
    const m = /^(\d+)(?::([\s\S]*)|\|([\s\S]*)\||)$/.exec(inner);
    if (!m) throw new Error(`unsupported snippet syntax \${${inner}}`);
    const n = Number(m[1]);
    tabStops.add(n);
    const text = m[2] !== undefined ? expand(m[2], defaults, tabStops) : m[3] !== undefined ? m[3].split(',')[0] : (defaults.get(n) ?? '');
    if ((m[2] !== undefined || m[3] !== undefined) && !defaults.has(n)) defaults.set(n, text);
    out += text;
    i = end + 1;
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  throw new Error(`unbalanced braces in ${JSON.stringify(s.slice(open - 1, open + 30))}`);
}
