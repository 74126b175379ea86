// pcf_register_user_parameters(): the scan that finds user-defined parameter names (a name set in
// main.cf or master.cf counts once some value refers to it) and warns about $names nobody defines.
// The order is postconf's, because a fatal error on the way (a syntax error in a value it has to
// expand) cuts off whatever would have come after: first each master.cf name space, then the
// defaults, then main.cf; within a name space, in the order its hash table lists the names.
import { defaultOf, MasterEntry, Model, PostconfFatal, splitNameValue, Warn } from './config';
import { registerDbmsParameters } from './dbms';
import { HOST_DEPENDENT } from './facts';
import { hashOrder } from './hashOrder';
import { HOST_DEFAULT_NAMES } from './hostDefaults';
import { macExpand, scanNames } from './macExpand';

const DEFAULT_REFERENCE = /\$[{(]?([A-Za-z0-9_]+)/g;

export function registerUserParameters(model: Model, warn: Warn): void {
  // One table per "service/type" name space: entries that share it share their -o settings.
  const spaces = new Map<string, { params: Map<string, string>; validNames: Set<string> }>();
  for (const m of model.master) {
    for (let f = 8; f < m.argv.length; f++) {
      const arg = m.argv[f];
      if (arg[0] !== '-' || arg === '--') break;
      if (arg[1] !== 'o' || f + 1 >= m.argv.length) continue;
      if (arg === '-o') {
        const nv = splitNameValue(m.argv[f + 1]);
        if (typeof nv !== 'string') {
          let space = spaces.get(m.nameSpace);
          if (!space) spaces.set(m.nameSpace, (space = { params: new Map(), validNames: new Set() }));
          space.params.set(nv[0], nv[1]);
        }
      }
      f += 1;
    }
  }
  for (const m of model.master) {
    const space = spaces.get(m.nameSpace);
    if (space) {
      m.params = space.params;
      m.validNames = space.validNames;
    }
  }
  for (const m of model.master) if (m.params) scanNamespace(model, m.params, m, warn);
  scanDefaults(model, warn);
  scanNamespace(model, model.main, undefined, warn);
}

/** pcf_scan_default_parameter_values(): the values of parameters main.cf leaves at their default. */
function scanDefaults(model: Model, warn: Warn): void {
  // Postfix's own defaults are well-formed, so a regular expression finds the same names a scan
  // would visit, without the scanner's cost on a cold start.
  for (const [name, node] of model.params) {
    if (node.raw || node.cls === 'legacy' || HOST_DEPENDENT.has(name) || !node.defaultValue.includes('$') || model.main.has(name)) continue;
    for (const m of node.defaultValue.matchAll(DEFAULT_REFERENCE)) flagUserParameter(model, m[1], undefined, warn);
  }
  // The host-dependent defaults are computed now (unless an expansion needed one before), from
  // main.cf settings, in the order of postconf's parameter table (1001 buckets, doubled when full).
  let size = 1001;
  while (model.params.size > size) size = 2 * size + 1;
  const order = hashOrder(HOST_DEFAULT_NAMES, size);
  for (const name of order) {
    const node = model.params.get(name);
    if (!node || model.main.has(name)) continue;
    scanValue(model, defaultOf(model, name, node), undefined, warn);
  }
}

function scanValue(model: Model, value: string, local: MasterEntry | undefined, warn: Warn): void {
  if (!value.includes('$')) return;
  // The lookups of a scan return nothing, so its course does not depend on them: replaying the
  // names and warnings of a cached scan is the same as scanning again.
  const { names, warnings } = scanNames(value);
  for (const name of names) flagUserParameter(model, name, local, warn);
  for (const w of warnings) warn(w);
}

/** pcf_flag_user_parameter(). */
function flagUserParameter(model: Model, name: string, local: MasterEntry | undefined, warn: Warn, dbms = false): undefined {
  let supplied = false;
  if (local && local.params!.has(name)) {
    supplied = true;
    local.validNames!.add(name);
  } else if (model.main.has(name)) {
    supplied = true;
    if (!model.params.has(name)) model.params.set(name, { cls: 'user', defaultValue: '', raw: false, readonly: false });
  }
  if (!local) {
    for (const m of model.master) {
      if (m.params !== undefined && m.params.has(name)) {
        supplied = true;
        m.validNames!.add(name);
      }
    }
  }
  if (!supplied && !dbms && !model.params.has(name)) warn(`${model.configDir}/${local ? 'master.cf' : 'main.cf'}: undefined parameter: ${name}`);
  return undefined;
}

/** pcf_scan_user_parameter_namespace(). */
function scanNamespace(model: Model, dict: Map<string, string>, local: MasterEntry | undefined, warn: Warn): void {
  const source = local ? 'master.cf' : 'main.cf';
  const classes = dict.get('smtpd_restriction_classes');
  if (classes !== undefined) {
    // Evaluated within this name space only, like dict_eval(); a syntax error there is fatal.
    const result = macExpand(classes, (n) => dict.get(n), { warn });
    if (result.fatal) throw new PostconfFatal(result.fatal);
    if (result.error) throw new PostconfFatal(`dictionary ${local ? local.nameSpace : 'mail_dict'}: macro processing error`);
    for (const name of result.text.split(/[, \t\r\n]+/).filter(Boolean)) {
      if (!local) model.restrictionClasses.add(name);
      flagUserParameter(model, name, local, warn);
    }
  }
  for (const name of hashOrder(dict.keys())) {
    const value = dict.get(name)!;
    if (local && !local.validNames!.has(name) && model.restrictionClasses.has(name)) local.validNames!.add(name);
    const node = model.params.get(name);
    if (node) {
      if (node.readonly) {
        warn(`${model.configDir}/${source}: read-only parameter assignment: ${name}=${value}`);
        dict.delete(name);
        continue;
      }
      if (node.cls === 'legacy') model.params.set(name, { ...node, cls: 'user' });
      if (node.raw) continue;
    }
    scanValue(model, value, local, warn);
    if (node && (node.cls === 'builtin' || node.cls === 'service')) {
      // Postfix expands the value first (a syntax error there is fatal), then looks for tables.
      registerDbmsParameters(model.expand ? model.expand(value, local) : value, {
        readFile: model.readFile,
        warn,
        checked: (model.dbmsChecked ??= new Set()),
        flag: (n) => flagUserParameter(model, n, local, warn, true),
        where: local ? `master.cf:${local.nameSpace}` : 'main.cf',
      });
    }
  }
}
