// postconf -M, -F and -P: master.cf entries, fields and per-service parameters, selected by
// service[/type[/field or parameter]] patterns, with "unmatched request" warnings.
import { fieldName, MasterEntry, Model, PostconfFatal, Warn } from './config';
import { printLine, printMasterArgs, printMasterEntry } from './print';
import type { PostconfOptions } from './run';

/** How a value prints: expanded with -x (in the entry's own name space), else as written. */
type Expand = (value: string, m: MasterEntry) => string;

interface Request {
  raw: string;
  parts: string[];
  matches: number;
}

function parseRequests(names: string[] | undefined, max: number, usage: string): Request[] {
  return (names ?? []).map((raw) => {
    const parts = raw.split('/').filter((p) => p !== '');
    if (raw.startsWith('/') || parts.length < 1 || parts.length > max || parts.some((p) => p !== '*' && p.includes('*'))) {
      throw new PostconfFatal(usage);
    }
    while (parts.length < max) parts.push('*');
    return { raw, parts, matches: 0 };
  });
}

const matches = (r: Request, m: MasterEntry) => (r.parts[0] === '*' || r.parts[0] === m.argv[0]) && (r.parts[1] === '*' || r.parts[1] === m.argv[1]);

function unmatched(reqs: Request[], warn: Warn): void {
  for (const r of reqs) if (r.matches === 0) warn(`unmatched request: "${r.raw}"`);
}

export function showMasterEntries(model: Model, o: PostconfOptions, expand: Expand, warn: Warn): string {
  const reqs = parseRequests(o.names, 2, '-M option requires service_name[/type]');
  const print = (m: MasterEntry) => printMasterEntry(m.argv, !!o.fold, (v) => expand(v, m));
  let out = '';
  for (const m of model.master) {
    if (reqs.length === 0) out += print(m);
    for (const r of reqs) if (matches(r, m)) (r.matches++, (out += print(m)));
  }
  unmatched(reqs, warn);
  return out;
}

const FIELDS = ['service', 'type', 'private', 'unprivileged', 'chroot', 'wakeup', 'process_limit', 'command'];

export function showMasterFields(model: Model, o: PostconfOptions, expand: Expand, warn: Warn): string {
  const reqs = parseRequests(o.names, 3, '-F option requires service_name[/type[/field]]');
  for (const r of reqs) if (r.parts[2] !== '*' && !FIELDS.includes(r.parts[2])) throw new PostconfFatal(`invalid service attribute name: "${r.parts[2]}"`);
  const printField = (m: MasterEntry, field: number) => {
    let out = '';
    if (!o.hideName) out += `${m.argv[0]}/${m.argv[1]}/${fieldName(field)}`;
    if (!o.hideName && !o.hideValue) out += ' = ';
    if (!o.hideValue) {
      if (out.length > 0 && out.length + m.argv[field].length > 80) out += '\n    ';
      out += m.argv[field];
      const lineLen = out.length - (out.lastIndexOf('\n') + 1);
      if (field === 7) out += printMasterArgs(m.argv, 8, lineLen, !!o.fold, (v) => expand(v, m), 1);
    }
    return out + '\n';
  };
  let out = '';
  for (const m of model.master) {
    if (reqs.length === 0) for (let f = 0; f < 8; f++) out += printField(m, f);
    for (const r of reqs) {
      if (!matches(r, m)) continue;
      r.matches++;
      if (r.parts[2] === '*') for (let f = 0; f < 8; f++) out += printField(m, f);
      else out += printField(m, FIELDS.indexOf(r.parts[2]));
    }
  }
  unmatched(reqs, warn);
  return out;
}

export function showMasterParams(model: Model, o: PostconfOptions, expand: Expand, warn: Warn): string {
  const reqs = parseRequests(o.names, 3, '-P option requires service_name[/type[/parameter]]');
  const printParam = (m: MasterEntry, name: string, value: string) => {
    if (o.hideValue) return printLine(`${m.nameSpace}/${name}`, !!o.fold);
    const v = expand(value, m);
    return printLine(o.hideName ? v : `${m.nameSpace}/${name} = ${v}`, !!o.fold);
  };
  const printAll = (m: MasterEntry) =>
    [...m.params!.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((n) => printParam(m, n, m.params!.get(n)!))
      .join('');
  let out = '';
  for (const m of model.master) {
    if (!m.params) continue;
    if (reqs.length === 0) out += printAll(m);
    for (const r of reqs) {
      if (!matches(r, m)) continue;
      if (r.parts[2] === '*') {
        out += printAll(m);
        r.matches++;
      } else if (m.params.has(r.parts[2])) {
        out += printParam(m, r.parts[2], m.params.get(r.parts[2])!);
        r.matches++;
      }
    }
  }
  unmatched(reqs, warn);
  return out;
}
