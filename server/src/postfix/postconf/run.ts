// `postconf` emulated over main.cf/master.cf text: same modes, same output bytes, same warnings
// as Postfix 3.7's postconf under LANG=C. Pure: the caller supplies the file contents (undefined
// for a missing file) and gets stdout, stderr and the exit status back.
import { defaultOf, flagUnused, loadMainCf, loadMasterCf, MasterEntry, Model, newParamTable, PostconfFatal, registerServiceParameters, splitNameValue } from './config';
import { hostDefaults } from './hostDefaults';
import { macExpand } from './macExpand';
import { InterfaceAddress } from './mynetworks';
import { printLine } from './print';
import { showMasterEntries, showMasterFields, showMasterParams } from './showMaster';
import { registerUserParameters } from './userParams';

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
  /**
   * Resolves a host name in inet_interfaces to its addresses ([] when unknown). Given together
   * with `interfaces`, inet_interfaces is checked like Postfix does (a fatal error when a name
   * does not resolve or is not an address of this host); without it, it is not checked.
   */
  resolve?: (name: string) => string[];
  processId?: number;
}

/** msg_vstream(): every message goes through printable(), non-ASCII and controls become '?'. */
function printable(s: string): string {
  if (!/[^\x20-\x7e]/.test(s)) return s;
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

  // Computed on first use, as postconf does: see hostDefaults.ts.
  model.hostDefault = hostDefaults(
    model,
    { hostname: o.host?.hostname, interfaces: o.host?.interfaces, resolve: o.host?.resolve, showDefaults: !!o.showDefaults, expand: (v) => expandValue(model, o, v, warn) },
    warn,
  );
  let out = '';
  if (masterMode) {
    readMaster(true);
    readMain();
    registerServiceParameters(model);
    registerUserParameters(model, warn);
    const expand = (v: string, m: MasterEntry) => (o.expand ? expandValue(model, o, v, warn, m) : v);
    if (o.masterFields) out = showMasterFields(model, o, expand, warn);
    else if (o.masterParams) out = showMasterParams(model, o, expand, warn);
    else out = showMasterEntries(model, o, expand, warn);
    flagUnusedMaster(model, warn);
    return out;
  }
  if (!o.showDefaults) readMain();
  readMaster(false);
  registerServiceParameters(model);
  if (!o.showDefaults) registerUserParameters(model, warn);
  out = showParameters(model, o, warn);
  if (!o.showDefaults) {
    flagUnused(model, warn);
  }
  return out;
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
  return node.cls === 'user' || node.cls === 'legacy' ? '' : defaultOf(model, name, node);
}

function expandValue(model: Model, o: PostconfOptions, value: string, warn: (m: string) => void, local?: MasterEntry): string {
  const r = macExpand(value, (name) => lookupValue(model, o, name, local, false), { warn });
  if (r.fatal) throw new PostconfFatal(r.fatal);
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

