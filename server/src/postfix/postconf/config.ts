// The configuration as postconf sees it: main.cf as a name→value table (later entries win, with
// "overriding earlier entry" warnings), master.cf entries with their daemon arguments normalised,
// and the table of known parameter names (built-in, per-service and user-defined), filled in by
// the same scan the real postconf performs. Everything here is pure: text in, data and warnings out.
import { isSpace, readLogicalLines } from '../../parsers/logicalLines';
import { splitMasterFields } from '../../parsers/mastercf';
import { builtinParameters, LEGACY_PARAMETERS, RAW_PARAMETERS, READONLY_PARAMETERS, serviceParameterSuffixes } from './facts';
import { hashOrder } from './hashOrder';

export class PostconfFatal extends Error {}

export type Warn = (msg: string) => void;

export type ParamClass = 'builtin' | 'service' | 'user' | 'legacy';

export interface ParamNode {
  cls: ParamClass;
  /** Default as postconf -d prints it. */
  defaultValue: string;
  raw: boolean;
  readonly: boolean;
}

export interface MasterEntry {
  /** Fields and normalised arguments, like postconf's argv. */
  argv: string[];
  /** "service/type", the name space of its -o parameters. */
  nameSpace: string;
  /** process_name and service_name as seen by this service. */
  roParams: Map<string, string>;
  /** -o name=value, shared by entries with the same name space, as in postconf. */
  params?: Map<string, string>;
  validNames?: Set<string>;
}

/**
 * postconf's split_nameval(): [name, value] or an error text. A scan by hand: a regular
 * expression with a lazy value and trailing blanks backtracks quadratically on long blank runs.
 */
export function splitNameValue(text: string): [string, string] | string {
  let i = 0;
  while (isSpace(text[i])) i++;
  const nameStart = i;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '=') i++;
  const name = text.slice(nameStart, i);
  while (isSpace(text[i])) i++;
  if (name === '') return 'missing attribute name';
  if (text[i] !== '=') return "missing '=' after attribute name";
  i++;
  while (isSpace(text[i])) i++;
  let end = text.length;
  while (end > i && isSpace(text[end - 1])) end--;
  return [name, text.slice(i, end)];
}

/** Loads main.cf text into `dict` like dict_load_fp(). */
export function loadMainCf(text: string, path: string, dict: Map<string, string>, warn: Warn): void {
  const logical = readLogicalLines(text);
  const all = [...logical.lines.map((l) => ({ l, orphan: false })), ...logical.orphans.map((l) => ({ l, orphan: true }))];
  all.sort((a, b) => a.l.pieces[0].line - b.l.pieces[0].line);
  for (const { l, orphan } of all) {
    if (orphan) {
      warn(`${path}: logical line must not start with whitespace: "${l.text.slice(0, 30)}${l.text.length > 30 ? '...' : ''}"`);
      continue;
    }
    const line = l.pieces[0].line + 1;
    const nv = splitNameValue(l.text);
    if (typeof nv === 'string') throw new PostconfFatal(`${path}, line ${line}: ${nv}: "${l.text}"`);
    const [name, value] = nv;
    const old = dict.get(name);
    if (old !== undefined && old !== value) warn(`${path}, line ${line}: overriding earlier entry: ${name}=${old}`);
    dict.set(name, value);
  }
}

const MASTER_TYPES = ['unix', 'fifo', 'inet', 'pass', 'unix-dgram'];
const FIELD_NAMES = ['service', 'type', 'private', 'unprivileged', 'chroot', 'wakeup', 'process_limit', 'command'];

export function fieldName(i: number): string {
  return FIELD_NAMES[i];
}

/** Reads master.cf like pcf_read_master(); throws PostconfFatal where postconf exits. */
export function loadMasterCf(text: string, path: string, warn: Warn): MasterEntry[] {
  const logical = readLogicalLines(text);
  const all = [...logical.lines.map((l) => ({ l, orphan: false })), ...logical.orphans.map((l) => ({ l, orphan: true }))];
  all.sort((a, b) => a.l.pieces[0].line - b.l.pieces[0].line);
  const out: MasterEntry[] = [];
  for (const { l, orphan } of all) {
    if (orphan) {
      warn(`${path}: logical line must not start with whitespace: "${l.text.slice(0, 30)}${l.text.length > 30 ? '...' : ''}"`);
      continue;
    }
    const argv = splitMasterFields(l.text).map((f) => f.text);
    if (argv.length < 8) throw new PostconfFatal(`file ${path}: line ${l.pieces[0].line + 1}: bad field count`);
    checkMasterEntry(argv, l.text);
    normalizeDaemonArgs(argv, warn);
    const command = argv[7];
    const processName = command.slice(command.lastIndexOf('/') + 1);
    out.push({
      argv,
      nameSpace: `${argv[0]}/${argv[1]}`,
      roParams: new Map([
        ['process_name', processName],
        ['service_name', processName !== argv[0] ? argv[0] : processName],
      ]),
    });
  }
  return out;
}

function checkMasterEntry(argv: string[], raw: string): void {
  const fatal = (field: number, v: string) => {
    throw new PostconfFatal(`invalid ${FIELD_NAMES[field]} field "${v}" in "${raw.replace(/\n/g, ' ')}"`);
  };
  if (!MASTER_TYPES.includes(argv[1])) fatal(1, argv[1]);
  for (let f = 2; f <= 4; f++) if (argv[f].length !== 1 || !'yn-'.includes(argv[f])) fatal(f, argv[f]);
  // wakeup: "-", or digits, either optionally followed by '?' (so a lone "?" passes, as in Postfix).
  const w = argv[5];
  const len = w.endsWith('?') ? w.length - 1 : w.length;
  if (!(w[0] === '-' && len === 1) && /^[0-9]*/.exec(w)![0].length !== len) fatal(5, w);
  if (argv[6] !== '-' && !/^[0-9]*$/.test(argv[6])) fatal(6, argv[6]);
}

/** extpar(): strips the outer { } and blanks, or returns an error text. */
function extract(arg: string): [string, string | undefined] {
  let level = 0;
  let len = 0;
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] === '{') level++;
    else if (arg[i] === '}' && --level === 0) {
      len = i + 1;
      break;
    }
  }
  if (len === 0) return [arg.slice(1).trim(), `missing '}' in "${arg}"`];
  const err = len < arg.length ? `syntax error after '}' in "${arg}"` : undefined;
  return [arg.slice(1, len - 1).replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, ''), err];
}

/** pcf_normalize_daemon_args(): splits -oname=value, unwraps { } and tidies -o { name = value }. */
export function normalizeDaemonArgs(argv: string[], warn: Warn): void {
  let field = 8;
  const unwrap = (i: number) => {
    const [text, err] = extract(argv[i]);
    if (err) warn(`master.cf: ${err}`);
    argv[i] = text;
  };
  for (; field < argv.length; field++) {
    let arg = argv[field];
    if (arg[0] !== '-' || arg === '--') break;
    // "-stuffozz" becomes "-stuff" and "-ozz" (even when the 'o' is inside a name, as in Postfix).
    const o = arg.indexOf('o', 2);
    if (o > 1) {
      argv.splice(field + 1, 0, '-' + arg.slice(o));
      arg = argv[field] = arg.slice(0, o);
    }
    if (arg[1] !== 'o') continue;
    let extractField = false;
    if (arg.length > 2) {
      argv.splice(field + 1, 0, arg.slice(2));
      argv[field] = '-o';
      field += 1;
      extractField = argv[field][0] === '{';
    } else if (field + 1 < argv.length) {
      field += 1;
      extractField = argv[field][0] === '{';
    }
    if (extractField) {
      unwrap(field);
      const nv = splitNameValue(argv[field]);
      if (typeof nv === 'string') warn(`master.cf: ${nv}: "${argv[field]}"`);
      else argv[field] = `${nv[0]}=${nv[1]}`;
    }
  }
  for (; field < argv.length; field++) if (argv[field][0] === '{') unwrap(field);
}

export interface Model {
  configDir: string;
  main: Map<string, string>;
  master: MasterEntry[];
  params: Map<string, ParamNode>;
  restrictionClasses: Set<string>;
  /** Expands a value like `postconf -x` (for the DBMS check); without it values are used as written. */
  expand?: (value: string, local?: MasterEntry) => string;
  /** Reads a file the configuration names (database client settings); undefined when absent. */
  readFile?: (path: string) => string | undefined;
  dbmsChecked?: Set<string>;
  /** The host-dependent defaults (myhostname, mydomain, mynetworks), computed on first use. */
  hostDefault?: (name: string) => string | undefined;
}

/** A parameter's default as postconf converts it: computed for the host-dependent ones. */
export function defaultOf(model: Model, name: string, node: ParamNode): string {
  return model.hostDefault?.(name) ?? node.defaultValue;
}

let template: Map<string, ParamNode> | undefined;

/**
 * A fresh table of the built-in and legacy names. Nodes are shared with a template built once and
 * never mutated (changes replace the node), so a table costs one Map copy.
 */
export function newParamTable(overrides: Record<string, string>): Map<string, ParamNode> {
  if (!template) {
    template = new Map<string, ParamNode>();
    const builtins = builtinParameters({});
    for (const name of builtins.names) {
      template.set(name, {
        cls: 'builtin',
        defaultValue: builtins.defaultOf(name) ?? '',
        raw: RAW_PARAMETERS.has(name),
        readonly: (READONLY_PARAMETERS as readonly string[]).includes(name),
      });
    }
    for (const name of LEGACY_PARAMETERS) template.set(name, { cls: 'legacy', defaultValue: '', raw: false, readonly: false });
  }
  const table = new Map(template);
  for (const [name, value] of Object.entries(overrides)) {
    const node = table.get(name);
    if (node) table.set(name, { ...node, defaultValue: value });
  }
  return table;
}

/** pcf_register_service_parameters(). */
export function registerServiceParameters(model: Model): void {
  for (const m of model.master) {
    for (const [suffix, def] of serviceParameterSuffixes(m.argv[7])) {
      const name = m.argv[0] + suffix;
      const node = model.params.get(name);
      if (node) model.params.set(name, { ...node, cls: 'service' });
      else model.params.set(name, { cls: 'service', defaultValue: `$${def}`, raw: false, readonly: false });
    }
  }
}

/** pcf_flag_unused_*_parameters(). */
export function flagUnused(model: Model, warn: Warn): void {
  for (const name of hashOrder(model.main.keys())) {
    if (!model.params.has(name)) warn(`${model.configDir}/main.cf: unused parameter: ${name}=${model.main.get(name)}`);
  }
  // Entries that share a name space share one table; postconf reports it once per entry.
  for (const m of model.master) {
    if (!m.params) continue;
    for (const name of hashOrder(m.params.keys())) {
      if (!model.params.has(name) && !m.validNames!.has(name)) warn(`${model.configDir}/master.cf: unused parameter: ${name}=${m.params.get(name)}`);
    }
  }
}
