// What main.cf and master.cf mean together: which parameter names Postfix knows (by postconf's own
// rules: built-ins, per-service names, user-defined names that something references), the value
// each service sees, and which user-defined parameters hold restriction lists. Built once per pair
// of parse trees and shared by every analysis of both files.
import type { MainCfEntry, MainCfFile } from '../parsers/maincf';
import type { MasterCfEntry, MasterCfFile } from '../parsers/mastercf';
import { parseExpansion } from '../parsers/expansion';
import { getParameter } from '../postfix/parameters';
import { normalizeDaemonArgs, splitNameValue } from '../postfix/postconf/config';
import { LEGACY_PARAMETERS, RAW_PARAMETERS, READONLY_PARAMETERS, serviceParameterSuffixes } from '../postfix/postconf/facts';
import { registerDbmsParameters } from '../postfix/postconf/dbms';
import { macExpand } from '../postfix/postconf/macExpand';
import { movedFrom } from './maincf/incremental';
import { parameterNames } from './maincf/names';
import { splitListValue, type RestrictionListName } from '../postfix/valueTypes';

export interface ServiceView {
  entry: MasterCfEntry;
  service: string;
  type: string;
  command: string;
  /** The -o settings of this service's name space (shared by entries with the same service/type). */
  params: Map<string, string>;
  /** Names postconf accepts in this service's -o besides the known parameters. */
  validNames: Set<string>;
  /** TCP port for inet services we can name (25, 465, 587), else undefined. */
  port?: number;
}

export interface PostfixModel {
  /** The entry that wins for each name (the last one). */
  mainEntries: Map<string, MainCfEntry>;
  services: ServiceView[];
  /** Known to postconf: built-in, per-service, or user-defined and referenced. */
  isKnown(name: string): boolean;
  /** Has a value somewhere (a default, main.cf, or a master.cf -o). */
  isDefined(name: string, service?: ServiceView): boolean;
  /** The unexpanded value a service (or the global smtpd) sees. */
  raw(name: string, service?: ServiceView): string | undefined;
  /** Expanded like `postconf -x`. */
  expand(value: string, service?: ServiceView): string;
  restrictionClasses: Set<string>;
  /** User-defined parameters used as a whole restriction list, and which list. */
  restrictionListOf(name: string): RestrictionListName | undefined;
  /** A per-entry cache that lives as long as what the model knows about names stays the same. */
  entryCache<T>(purpose: string): WeakMap<MainCfEntry, T>;
  /** Changes whenever what the value checks depend on changes (restriction classes and lists). */
  signature: string;
  /** Names usable in completion and suggestions: built-ins plus everything main.cf defines. */
  definedNames(): Iterable<string>;
}

const PORTS: Record<string, number> = { smtp: 25, '25': 25, submission: 587, '587': 587, submissions: 465, smtps: 465, urd: 465, '465': 465 };

function portOf(service: string, type: string): number | undefined {
  if (type !== 'inet') return undefined;
  return PORTS[service.slice(service.lastIndexOf(':') + 1)];
}

const NO_MASTER = {};
const cache = new WeakMap<MainCfFile, WeakMap<object, PostfixModel>>();

export function postfixModel(main: MainCfFile, master: MasterCfFile | undefined): PostfixModel {
  let inner = cache.get(main);
  if (!inner) cache.set(main, (inner = new WeakMap()));
  const key = master ?? NO_MASTER;
  let model = inner.get(key);
  if (!model) inner.set(key, (model = build(main, master)));
  return model;
}

const noWarn = () => undefined;

/** What the model knows about names; it changes only when names or references do, not on most keystrokes. */
interface NamesLayer {
  views: View[];
  serviceNames: Map<string, string>;
  userNames: Set<string>;
  restrictionClasses: Set<string>;
  restrictionLists: Map<string, RestrictionListName>;
  signature: string;
  definedNames?: Set<string>;
  caches: Map<string, WeakMap<MainCfEntry, unknown>>;
}

/**
 * The last few layers, each with its key. The first layer a process builds keeps what it was
 * built from instead, and its key is worked out when a later model first compares with it: a
 * short run (the CLI, a fresh server's first diagnostics) builds one layer and never compares.
 */
interface RecentLayer {
  master: object;
  key?: string;
  builtFrom?: { entries: MainCfEntry[]; mainEntries: Map<string, MainCfEntry> };
  layer: NamesLayer;
}

const recentLayers: RecentLayer[] = [];

function keyOf(l: RecentLayer): string {
  if (l.key === undefined) {
    l.key = layerKey(l.builtFrom!.entries, l.builtFrom!.mainEntries);
    l.builtFrom = undefined;
  }
  return l.key;
}

const keyParts = new WeakMap<MainCfEntry, string>();

/**
 * Everything the names layer depends on, as one string: every entry's name and references, and
 * the values of restriction settings. Parts are kept per entry, so a keystroke costs one join.
 */
function layerKey(entries: MainCfEntry[], mainEntries: Map<string, MainCfEntry>): string {
  const parts: string[] = [];
  for (const e of entries) {
    const root = movedFrom.get(e) ?? e;
    let part = keyParts.get(root);
    if (part === undefined) {
      part = e.name;
      for (const r of e.references) part += ` ${r.name}`;
      if (e.name.includes('restriction')) part += `=${e.rawValue}`;
      keyParts.set(root, part);
    }
    parts.push(part);
  }
  const classes = mainEntries.get('smtpd_restriction_classes');
  for (const r of classes?.references ?? []) parts.push(`${r.name}=${mainEntries.get(r.name)?.rawValue ?? ''}`);
  return parts.join('\n');
}

function namesLayer(entries: MainCfEntry[], mainEntries: Map<string, MainCfEntry>, mainValues: Map<string, string>, master: MasterCfFile | undefined): NamesLayer {
  const masterKey = master ?? NO_MASTER;
  const key = recentLayers.length > 0 ? layerKey(entries, mainEntries) : undefined;
  const hit = recentLayers.find((l) => l.master === masterKey && keyOf(l) === key);
  if (hit) return hit.layer;
  const views = masterViews(master);
  const serviceNames = new Map<string, string>();
  for (const v of views) {
    for (const [suffix, def] of serviceParameterSuffixes(v.argv[7])) serviceNames.set(v.argv[0] + suffix, `$${def}`);
  }
  const { userNames, restrictionClasses } = registerUserNames(mainEntries, mainValues, views, serviceNames);
  const restrictionLists = userRestrictionLists(mainValues, views);
  const layer: NamesLayer = {
    views,
    serviceNames,
    userNames,
    restrictionClasses,
    restrictionLists,
    signature: `${[...restrictionClasses].join(',')}|${[...restrictionLists].join(',')}`,
    caches: new Map(),
  };
  recentLayers.unshift({ master: masterKey, layer, ...(key === undefined ? { builtFrom: { entries, mainEntries } } : { key }) });
  recentLayers.length = Math.min(recentLayers.length, 4);
  return layer;
}

function build(main: MainCfFile, master: MasterCfFile | undefined): PostfixModel {
  const mainEntries = new Map<string, MainCfEntry>();
  const mainValues = new Map<string, string>();
  for (const e of main.entries) {
    mainEntries.set(e.name, e);
    mainValues.set(e.name, e.rawValue);
  }
  const layer = namesLayer(main.entries, mainEntries, mainValues, master);
  const { views, serviceNames, userNames, restrictionClasses, restrictionLists } = layer;
  const isKnown = (name: string) => isPostconfBuiltin(name) || serviceNames.has(name) || userNames.has(name);

  const raw = (name: string, service?: ServiceView): string | undefined => {
    const own = service?.params.get(name) ?? mainValues.get(name);
    if (own !== undefined) return own;
    if (service && name === 'service_name') return service.service;
    if (service && name === 'process_name') return service.command;
    if (name === 'process_name') return 'postconf';
    if (name === 'service_name') return '';
    const info = getParameter(name);
    if (info) return info.defaultValue;
    return serviceNames.get(name);
  };
  return {
    mainEntries,
    services: views,
    isKnown,
    isDefined: (name, service) => isKnown(name) || mainValues.has(name) || (service ? service.params.has(name) : views.some((v) => v.params.has(name))),
    raw,
    expand: (value, service) => macExpand(value, (n) => raw(n, service), { warn: noWarn }).text,
    restrictionClasses,
    restrictionListOf: (name) => restrictionLists.get(name),
    signature: layer.signature,
    entryCache: <T>(purpose: string) => {
      let c = layer.caches.get(purpose);
      if (!c) layer.caches.set(purpose, (c = new WeakMap()));
      return c as WeakMap<MainCfEntry, T>;
    },
    definedNames: () => (layer.definedNames ??= new Set([...parameterNames(), ...serviceNames.keys(), ...mainValues.keys()])),
  };
}

/** Built-in to postconf: every parameter of `postconf -d`, the read-only ones and the legacy names it still accepts. */
const builtinMemo = new Map<string, boolean>();

function isPostconfBuiltin(name: string): boolean {
  let known = builtinMemo.get(name);
  if (known === undefined) {
    known = getParameter(name) !== undefined || LEGACY_PARAMETERS.has(name) || (READONLY_PARAMETERS as readonly string[]).includes(name);
    if (builtinMemo.size > 100_000) builtinMemo.clear();
    builtinMemo.set(name, known);
  }
  return known;
}

interface View extends ServiceView {
  argv: string[];
}

/** The master.cf entries as postconf reads them, with the -o settings of each service/type name space. */
function masterViews(master: MasterCfFile | undefined): View[] {
  const views: View[] = [];
  const spaces = new Map<string, { params: Map<string, string>; validNames: Set<string> }>();
  for (const entry of master?.entries ?? []) {
    if (entry.fields.length < 8) continue;
    const argv = entry.fields.map((f) => f.text);
    normalizeDaemonArgs(argv, noWarn);
    const key = `${argv[0]}/${argv[1]}`;
    let space = spaces.get(key);
    for (let f = 8; f < argv.length; f++) {
      const arg = argv[f];
      if (arg[0] !== '-' || arg === '--') break;
      if (arg[1] !== 'o' || f + 1 >= argv.length) continue;
      if (arg === '-o') {
        const nv = splitNameValue(argv[f + 1]);
        if (typeof nv !== 'string') {
          if (!space) spaces.set(key, (space = { params: new Map(), validNames: new Set() }));
          space.params.set(nv[0], nv[1]);
        }
      }
      f += 1;
    }
    const command = argv[7].slice(argv[7].lastIndexOf('/') + 1);
    views.push({ entry, argv, service: argv[0], type: argv[1], command, params: new Map(), validNames: new Set(), port: portOf(argv[0], argv[1]) });
  }
  for (const v of views) {
    const space = spaces.get(`${v.argv[0]}/${v.argv[1]}`);
    if (space) {
      v.params = space.params;
      v.validNames = space.validNames;
    }
  }
  return views;
}

/**
 * postconf's pcf_register_user_parameters(), on the parse trees: a main.cf name is a user-defined
 * parameter when something refers to it as $name (in main.cf or in a master.cf -o) or lists it in
 * smtpd_restriction_classes; a master.cf -o name is valid when its own service refers to it.
 * Scanning the built-in defaults, as postconf also does, changes nothing: they refer only to
 * built-in names.
 */
function registerUserNames(mainEntries: Map<string, MainCfEntry>, mainValues: Map<string, string>, views: View[], serviceNames: Map<string, string>) {
  const userNames = new Set<string>();
  const restrictionClasses = new Set<string>();
  const known = (name: string) => isPostconfBuiltin(name) || serviceNames.has(name) || userNames.has(name);
  // The services that set each name with -o: a main.cf reference makes the name valid in each.
  const setBy = new Map<string, View[]>();
  for (const v of views) for (const name of v.params.keys()) setBy.set(name, [...(setBy.get(name) ?? []), v]);
  const flag = (name: string, local: View | undefined) => {
    if (local?.params.has(name)) local.validNames.add(name);
    else if (mainValues.has(name) && !known(name)) userNames.add(name);
    if (!local) for (const v of setBy.get(name) ?? []) v.validNames.add(name);
  };
  const skipValue = (name: string) => RAW_PARAMETERS.has(name) || (READONLY_PARAMETERS as readonly string[]).includes(name);
  const classNames = (dict: Map<string, string>) => {
    const classes = dict.get('smtpd_restriction_classes');
    if (classes === undefined) return [];
    return macExpand(classes, (n) => dict.get(n), { warn: noWarn }).text.split(/[, \t\r\n]+/).filter(Boolean);
  };
  // A database table named without a file (ldap:name, proxy:mysql:name) reads its settings from
  // main.cf as name_server_host, name_hosts...: postconf's own scan (registerDbmsParameters) says
  // which, in the values of Postfix's parameters once expanded.
  const dbmsNames = (name: string, value: string, local: View | undefined) => {
    if (!value.includes(':') || !(isPostconfBuiltin(name) || serviceNames.has(name))) return;
    const expanded = macExpand(value, (n) => local?.params.get(n) ?? mainValues.get(n), { warn: noWarn }).text;
    registerDbmsParameters(expanded, { warn: noWarn, checked: new Set(), flag: (n) => flag(n, local), where: '' });
  };
  for (const v of views) {
    if (v.params.size === 0) continue;
    for (const c of classNames(v.params)) flag(c, v);
    for (const [name, value] of v.params) {
      if (skipValue(name)) continue;
      for (const r of parseExpansion(value).references) flag(r.name, v);
      dbmsNames(name, value, v);
    }
  }
  for (const c of classNames(mainValues)) {
    restrictionClasses.add(c);
    flag(c, undefined);
  }
  for (const [name, e] of mainEntries) {
    if (skipValue(name)) continue;
    for (const r of e.references) flag(r.name, undefined);
    dbmsNames(name, e.rawValue, undefined);
  }
  return { userNames, restrictionClasses };
}

/**
 * `port25_recipient_restrictions = ...` used as `-o smtpd_recipient_restrictions=$port25_...`:
 * a user-defined parameter whose whole value stands in for a restriction list.
 */
function userRestrictionLists(mainValues: Map<string, string>, views: ServiceView[]): Map<string, RestrictionListName> {
  const out = new Map<string, RestrictionListName>();
  const consider = (name: string, value: string) => {
    const list = /^smtpd_(client|helo|sender|recipient|relay|data|end_of_data|etrn)_restrictions$/.exec(name)?.[1] as RestrictionListName | undefined;
    if (!list) return;
    for (const item of splitListValue(value)) {
      const ref = /^\$\{?\(?([A-Za-z0-9_]+)[})]?$/.exec(item)?.[1];
      if (ref && !getParameter(ref) && !out.has(ref)) out.set(ref, list);
    }
  };
  for (const [n, v] of mainValues) consider(n, v);
  for (const view of views) for (const [n, v] of view.params) consider(n, v);
  const classes = mainValues.get('smtpd_restriction_classes');
  if (classes) for (const c of splitListValue(classes)) if (!getParameter(c) && !out.has(c)) out.set(c, 'recipient');
  return out;
}
