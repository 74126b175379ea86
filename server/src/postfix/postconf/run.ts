// `postconf` emulated over main.cf/master.cf text: same modes, same output bytes, same warnings
// as Postfix 3.7's postconf under LANG=C. Pure: the caller supplies the file contents (undefined
// for a missing file) and gets stdout, stderr and the exit status back.
import {
  fieldName,
  flagUnused,
  loadMainCf,
  loadMasterCf,
  MasterEntry,
  Model,
  newParamTable,
  PostconfFatal,
  registerServiceParameters,
  registerUserParameters,
  splitNameValue,
} from './config';
import { macExpand } from './macExpand';
import { InterfaceAddress, mynetworksDefault } from './mynetworks';
import { printLine, printMasterArgs, printMasterEntry } from './print';

export interface PostconfOptions {
  /** -c: shown in messages; "/etc/postfix" when absent. */
  configDir?: string;
  showDefaults?: boolean; // -d
  nonDefault?: boolean; // -n
  expand?: boolean; // -x
  fold?: boolean; // -f
  hideName?: boolean; // -h
  hideValue?: boolean; // -H
  masterEntries?: boolean; // -M
  masterFields?: boolean; // -F
  masterParams?: boolean; // -P
  /** -o name=value */
  overrides?: string[];
  /** NAME arguments, or service patterns with -M/-F/-P. */
  names?: string[];
  /** Facts about the host that some defaults depend on; without them the table's defaults apply. */
  host?: HostFacts;
}

export interface PostconfInput {
  /** main.cf text; undefined when the file does not exist. */
  mainCf?: string;
  masterCf?: string;
  /** Other files the configuration names (database client settings); undefined when absent. */
  readFile?: (path: string) => string | undefined;
}

export interface PostconfResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The warnings without the "postconf: warning: " prefix, for in-process callers. */
  warnings: string[];
}

const DEFAULT_DIR = '/etc/postfix';

export interface HostFacts {
  /** The machine's name as gethostname() gives it. */
  hostname?: string;
  /** Its interface addresses, for the default of mynetworks. */
  interfaces?: InterfaceAddress[];
  processId?: number;
}

/** msg_vstream(): every message goes through printable(), non-ASCII and controls become '?'. */
function printable(s: string): string {
  return Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[^\x20-\x7e]/g, '?');
}

export function postconf(input: PostconfInput, options: PostconfOptions = {}): PostconfResult {
  const warnings: string[] = [];
  let stderr = '';
  let stdout = '';
  const warn = (msg: string) => {
    warnings.push(msg);
    stderr += `postconf: warning: ${printable(msg)}\n`;
  };
  try {
    stdout = run(input, options, warn);
    return { stdout, stderr, exitCode: 0, warnings };
  } catch (err) {
    if (!(err instanceof PostconfFatal)) throw err;
    stderr += `postconf: fatal: ${printable(err.message)}\n`;
    return { stdout: '', stderr, exitCode: 1, warnings };
  }
}

/** Our options in the order postconf names them in messages. */
const OPTION_NAMES: [string, (o: PostconfOptions) => boolean][] = [
  ['-d', (o) => !!o.showDefaults],
  ['-f', (o) => !!o.fold],
  ['-F', (o) => !!o.masterFields],
  ['-h', (o) => !!o.hideName],
  ['-H', (o) => !!o.hideValue],
  ['-M', (o) => !!o.masterEntries],
  ['-n', (o) => !!o.nonDefault],
  ['-o', (o) => (o.overrides?.length ?? 0) > 0],
  ['-p', (o) => !o.masterEntries && !o.masterFields && !o.masterParams],
  ['-P', (o) => !!o.masterParams],
  ['-x', (o) => !!o.expand],
];
const EXCLUSIVE = [['-p', '-M', '-F', '-P'], ['-d', '-n'], ['-d', '-o']];
const COMPATIBLE: Record<string, string[]> = {
  '-p': ['-f', '-h', '-x', '-d', '-n', '-o', '-H'],
  '-M': ['-f', '-o', '-x'],
  '-F': ['-f', '-h', '-o', '-x', '-H'],
  '-P': ['-f', '-h', '-o', '-x', '-H'],
};

/** pcf_check_exclusive_options() and pcf_check_compat_options(), with their messages. */
function checkOptions(o: PostconfOptions): void {
  const given = OPTION_NAMES.filter(([, on]) => on(o)).map(([n]) => n);
  for (const group of EXCLUSIVE) {
    const hit = given.filter((n) => group.includes(n));
    if (hit.length > 1) throw new PostconfFatal(`specify one of ${hit.join(' ')}`);
  }
  for (const [major, allowed] of Object.entries(COMPATIBLE)) {
    if (!given.includes(major)) continue;
    const excess = given.filter((n) => n !== major && !allowed.includes(n));
    if (excess.length > 0) throw new PostconfFatal(`with option ${major}, do not specify ${excess.join(' ')}`);
  }
}

function run(input: PostconfInput, o: PostconfOptions, warn: (m: string) => void): string {
  checkOptions(o);
  const configDir = o.configDir ?? DEFAULT_DIR;
  const model: Model = {
    configDir,
    main: new Map(),
    master: [],
    params: newParamTable({
      process_name: 'postconf',
      service_name: '',
      ...(o.host?.processId !== undefined ? { process_id: String(o.host.processId) } : {}),
    }),
    restrictionClasses: new Set(),
    expand: (value, local) => expandValue(model, { ...o, nonDefault: false }, value, warn, local),
    readFile: input.readFile,
    dbmsChecked: new Set(),
  };
  const masterMode = o.masterEntries || o.masterFields || o.masterParams;
  const readMain = () => {
    if (o.configDir !== undefined && o.configDir !== DEFAULT_DIR) model.main.set('config_directory', o.configDir);
    const path = `${configDir}/main.cf`;
    if (input.mainCf === undefined) throw new PostconfFatal(`open ${path}: No such file or directory`);
    loadMainCf(input.mainCf, path, model.main, warn);
    for (const ov of o.overrides ?? []) {
      const nv = splitNameValue(ov);
      if (typeof nv === 'string') throw new PostconfFatal(`invalid parameter override: ${ov}: ${nv}`);
      model.main.set(nv[0], nv[1]);
    }
  };
  const readMaster = (failOnMissing: boolean) => {
    const path = `${configDir}/master.cf`;
    if (input.masterCf === undefined) {
      if (failOnMissing) throw new PostconfFatal(`open ${path}: No such file or directory`);
      warn(`open ${path}: No such file or directory`);
      return;
    }
    model.master = loadMasterCf(input.masterCf, path, warn);
  };

  const hostDefaults = () => {
    const network = evaluateHostSettings(model, o, warn);
    if (o.host?.hostname !== undefined) applyHostnameDefaults(model, o.host.hostname, warn);
    if (o.host?.interfaces) applyMynetworksDefault(model, o.host.interfaces, network);
  };
  let out = '';
  if (masterMode) {
    readMaster(true);
    readMain();
    hostDefaults();
    registerServiceParameters(model);
    registerUserParameters(model, warn);
    if (o.masterFields) out = showMasterFields(model, o, warn);
    else if (o.masterParams) out = showMasterParams(model, o, warn);
    else out = showMasterEntries(model, o, warn);
    flagUnusedMaster(model, warn);
    return out;
  }
  if (!o.showDefaults) readMain();
  hostDefaults();
  readMaster(false);
  registerServiceParameters(model);
  if (!o.showDefaults) registerUserParameters(model, warn);
  out = showParameters(model, o, warn);
  if (!o.showDefaults) {
    flagUnused(model, warn);
  }
  return out;
}

interface NetworkSettings {
  inet_interfaces: string;
  mynetworks_style: string;
  inet_protocols: string;
}

/**
 * postconf evaluates the settings its host-dependent defaults depend on before anything else:
 * the three settings behind mynetworks, from main.cf or their expanded defaults, then myhostname
 * (and mydomain for a host name without a dot) within main.cf only. A syntax error stops it.
 */
function evaluateHostSettings(model: Model, o: PostconfOptions, warn: (m: string) => void): NetworkSettings {
  const fromMain = (name: string) => {
    const v = o.showDefaults ? undefined : model.main.get(name);
    if (v === undefined) return undefined;
    const r = macExpand(v, (n) => model.main.get(n), { warn });
    if (r.error) throw new PostconfFatal('dictionary mail_dict: macro processing error');
    return r.text;
  };
  const setting = (name: keyof NetworkSettings) => fromMain(name) ?? expandValue(model, o, model.params.get(name)?.defaultValue ?? '', warn);
  const out: NetworkSettings = { inet_interfaces: setting('inet_interfaces'), mynetworks_style: setting('mynetworks_style'), inet_protocols: setting('inet_protocols') };
  const bad = out.inet_protocols.split(/[, \t\r\n]+/).find((p) => p !== '' && p !== 'ipv4' && p !== 'ipv6' && p !== 'all');
  if (bad !== undefined) throw new PostconfFatal(`unknown inet_protocols value "${bad}" in "${out.inet_protocols}"`);
  const styles = out.mynetworks_style.split(/[, \t\r\n]+/).filter(Boolean);
  const unknown = styles.find((st) => st !== 'host' && st !== 'subnet' && st !== 'class');
  if (unknown !== undefined) throw new PostconfFatal(`unknown mynetworks mask style value "${unknown}" in "${out.mynetworks_style}"`);
  if (styles.length !== 1) throw new PostconfFatal(`bad mynetworks_style value: ${out.mynetworks_style}; specify exactly one value`);
  const hostname = o.host?.hostname;
  if (hostname !== undefined && !hostname.includes('.')) fromMain('mydomain');
  fromMain('myhostname');
  return out;
}

/**
 * The defaults of myhostname and mydomain as postconf computes them: the host name, completed
 * with $mydomain (or "localdomain") when it has no dot; the domain is $myhostname after its first
 * label. Both look at main.cf's own settings, expanded within main.cf only.
 */
function applyHostnameDefaults(model: Model, hostname: string, warn: (m: string) => void): void {
  const evalMain = (name: string) => {
    const v = model.main.get(name);
    return v === undefined ? undefined : macExpand(v, (n) => model.main.get(n), { warn }).text;
  };
  const myhostname = hostname.includes('.') ? hostname : `${hostname}.${evalMain('mydomain') ?? 'localdomain'}`;
  const effective = evalMain('myhostname') ?? myhostname;
  const dot = effective.indexOf('.');
  const mydomain = dot < 0 ? 'localdomain' : effective.slice(dot + 1);
  const set = (name: string, value: string) => {
    const node = model.params.get(name);
    if (node) model.params.set(name, { ...node, defaultValue: value });
  };
  set('myhostname', myhostname);
  set('mydomain', mydomain);
}

/** pcf_mynetworks(): the host's addresses filtered and shaped by the evaluated settings. */
function applyMynetworksDefault(model: Model, interfaces: InterfaceAddress[], n: NetworkSettings): void {
  const value = mynetworksDefault(interfaces, n.mynetworks_style, n.inet_interfaces, n.inet_protocols);
  const node = model.params.get('mynetworks');
  if (node && value !== undefined) model.params.set('mynetworks', { ...node, defaultValue: value });
}

function flagUnusedMaster(model: Model, warn: (m: string) => void): void {
  const main = model.main;
  model.main = new Map();
  flagUnused(model, warn);
  model.main = main;
}

/** pcf_lookup_parameter_value(). */
function lookupValue(model: Model, o: PostconfOptions, name: string, local?: MasterEntry, nonDefault = !!o.nonDefault): string | undefined {
  if (!o.showDefaults) {
    const v = local?.roParams.get(name) ?? local?.params?.get(name) ?? model.main.get(name);
    if (v !== undefined) return v;
    if (nonDefault) return undefined;
  }
  const node = model.params.get(name);
  if (!node) return undefined;
  return node.cls === 'user' || node.cls === 'legacy' ? '' : node.defaultValue;
}

function expandValue(model: Model, o: PostconfOptions, value: string, warn: (m: string) => void, local?: MasterEntry): string {
  const r = macExpand(value, (name) => lookupValue(model, o, name, local, false), { warn });
  if (r.error) throw new PostconfFatal('macro processing error');
  return r.text;
}

function showParameters(model: Model, o: PostconfOptions, warn: (m: string) => void): string {
  const print = (name: string) => {
    const node = model.params.get(name)!;
    const value = lookupValue(model, o, name);
    if (value === undefined) return '';
    if (o.hideValue) return printLine(name, !!o.fold);
    const shown = o.expand && !node.raw ? expandValue(model, o, value, warn) : value;
    return printLine(o.hideName ? shown : `${name} = ${shown}`, !!o.fold);
  };
  let out = '';
  if (o.names && o.names.length > 0) {
    for (const name of o.names) {
      if (!model.params.has(name)) warn(`${name}: unknown parameter`);
      else out += print(name);
    }
    return out;
  }
  // With -n only main.cf's names can print; without it, every known name.
  const candidates = o.nonDefault && !o.showDefaults ? [...model.main.keys()].filter((n) => model.params.has(n)) : [...model.params.keys()];
  const names = candidates.filter((n) => model.params.get(n)!.cls !== 'legacy');
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) out += print(name);
  return out;
}

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

function unmatched(reqs: Request[], warn: (m: string) => void): void {
  for (const r of reqs) if (r.matches === 0) warn(`unmatched request: "${r.raw}"`);
}

function showMasterEntries(model: Model, o: PostconfOptions, warn: (m: string) => void): string {
  const reqs = parseRequests(o.names, 2, '-M option requires service_name[/type]');
  const print = (m: MasterEntry) => printMasterEntry(m.argv, !!o.fold, (v) => (o.expand ? expandValue(model, o, v, warn, m) : v));
  let out = '';
  for (const m of model.master) {
    if (reqs.length === 0) out += print(m);
    for (const r of reqs) if (matches(r, m)) (r.matches++, (out += print(m)));
  }
  unmatched(reqs, warn);
  return out;
}

const FIELDS = ['service', 'type', 'private', 'unprivileged', 'chroot', 'wakeup', 'process_limit', 'command'];

function showMasterFields(model: Model, o: PostconfOptions, warn: (m: string) => void): string {
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
      if (field === 7) out += printMasterArgs(m.argv, 8, lineLen, !!o.fold, (v) => (o.expand ? expandValue(model, o, v, warn, m) : v), 1);
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

function showMasterParams(model: Model, o: PostconfOptions, warn: (m: string) => void): string {
  const reqs = parseRequests(o.names, 3, '-P option requires service_name[/type[/parameter]]');
  const printParam = (m: MasterEntry, name: string, value: string) => {
    if (o.hideValue) return printLine(`${m.nameSpace}/${name}`, !!o.fold);
    const v = o.expand ? expandValue(model, o, value, warn, m) : value;
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
