// Turns what the server's postconf printed about our uploaded copy into findings on the edited
// files: the temporary directory is mapped back to main.cf/master.cf, and each warning is placed on
// the line it is about (the parameter's definition, the `$name` it complains about, or the line
// number postconf gives), falling back to the first line when it names nothing we can find.

export interface RemoteFinding {
  file: 'main.cf' | 'master.cf' | 'other';
  line: number;
  startCharacter: number;
  endCharacter: number;
  severity: 'warning' | 'error';
  /** postconf's own words, with the temporary directory replaced by the file name. */
  message: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function locate(lines: string[], re: RegExp, last = false): { line: number; start: number; end: number } | undefined {
  const order = last ? [...lines.keys()].reverse() : [...lines.keys()];
  for (const i of order) {
    const m = re.exec(lines[i]);
    if (m) {
      const start = m.index + (m[1] !== undefined ? m[0].indexOf(m[1]) : 0);
      return { line: i, start, end: start + (m[1] ?? m[0]).length };
    }
  }
  return undefined;
}

export function remoteFindings(stderr: string, dir: string, files: { mainCf: string; masterCf?: string }): RemoteFinding[] {
  const out: RemoteFinding[] = [];
  const texts = { 'main.cf': files.mainCf.split(/\r?\n/), 'master.cf': (files.masterCf ?? '').split(/\r?\n/) };
  for (const raw of stderr.split(/\r?\n/)) {
    // postconf names itself by argv[0], so run by absolute path it says /usr/sbin/postconf.
    const m = /^(?:\S*\/)?postconf: (warning|fatal|error): (.*)$/.exec(raw);
    if (!m) continue;
    const severity = m[1] === 'warning' ? 'warning' : 'error';
    let text = m[2];
    let file: RemoteFinding['file'] = 'other';
    for (const f of ['main.cf', 'master.cf'] as const) {
      const prefix = `${dir}/${f}`;
      if (text.includes(prefix)) {
        file = f;
        text = text.split(prefix).join(f);
      }
    }
    text = text.split(dir).join('(temporary copy)');
    const lines = file === 'other' ? [] : texts[file];
    let at: { line: number; start: number; end: number } | undefined;
    const lineNo = /\bline (\d+)\b/.exec(text);
    const unused = /unused parameter: ([A-Za-z0-9_]+)=/.exec(text);
    const undefinedParam = /undefined parameter: ([A-Za-z0-9_]+)/.exec(text);
    if (lineNo) {
      const i = Math.max(0, Number(lineNo[1]) - 1);
      at = { line: i, start: 0, end: (lines[i] ?? '').length };
    } else if (unused && file === 'main.cf') {
      at = locate(lines, new RegExp(`^\\s*(${escape(unused[1])})\\s*=`), true);
    } else if (unused && file === 'master.cf') {
      at = locate(lines, new RegExp(`-o\\s*(${escape(unused[1])})=`));
    } else if (undefinedParam && file !== 'other') {
      const n = escape(undefinedParam[1]);
      at = locate(lines, new RegExp(`(\\$(?:\\{${n}\\b[^}]*\\}|\\(${n}\\b[^)]*\\)|${n}\\b))`));
    }
    at ??= { line: 0, start: 0, end: (lines[0] ?? '').length };
    out.push({ file, line: at.line, startCharacter: at.start, endCharacter: at.end, severity, message: text });
  }
  return out;
}
