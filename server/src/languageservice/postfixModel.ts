// What main.cf and master.cf mean together: which parameter names Postfix knows (by postconf's own
// rules: built-ins, per-service names, user-defined names that something references), the value
// each service sees, and which user-defined parameters hold restriction lists. Built once per pair
// of parse trees and shared by every analysis of both files.
import type { MainCfEntry, MainCfFile } from '../parsers/maincf';
import type { MasterCfEntry, MasterCfFile } from '../parsers/mastercf';
import { getParameter } from '../postfix/parameters';
import { Model, newParamTable, normalizeDaemonArgs, ParamNode, registerServiceParameters, registerUserParameters } from '../postfix/postconf/config';
import { macExpand } from '../postfix/postconf/macExpand';
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
  /** Names usable in completion and suggestions: built-ins plus everything main.cf defines. */
  definedNames(): Iterable<string>;
}

let template: Map<string, ParamNode> | undefined;

/** A fresh copy of postconf's table of built-in names (it is mutated by the registration passes). */
function freshParamTable(): Map<string, ParamNode> {
  template ??= newParamTable({ process_name: 'postconf', service_name: '' });
  const out = new Map<string, ParamNode>();
  for (const [k, v] of template) out.set(k, { ...v });
  return out;
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

function build(main: MainCfFile, master: MasterCfFile | undefined): PostfixModel {
  const mainEntries = new Map<string, MainCfEntry>();
  const mainValues = new Map<string, string>();
  for (const e of main.entries) {
    mainEntries.set(e.name, e);
    mainValues.set(e.name, e.rawValue);
  }
  const pc: Model = { configDir: '/etc/postfix', main: new Map(mainValues), master: [], params: freshParamTable(), restrictionClasses: new Set() };
  const views: ServiceView[] = [];
  for (const entry of master?.entries ?? []) {
    if (entry.fields.length < 8) continue;
    const argv = entry.fields.map((f) => f.text);
    normalizeDaemonArgs(argv, noWarn);
    const command = argv[7];
    const processName = command.slice(command.lastIndexOf('/') + 1);
    pc.master.push({
      argv,
      nameSpace: `${argv[0]}/${argv[1]}`,
      roParams: new Map([
        ['process_name', processName],
        ['service_name', processName !== argv[0] ? argv[0] : processName],
      ]),
    });
    views.push({ entry, service: argv[0], type: argv[1], command: processName, params: new Map(), validNames: new Set(), port: portOf(argv[0], argv[1]) });
  }
  registerServiceParameters(pc);
  registerUserParameters(pc, noWarn);
  pc.master.forEach((m, i) => {
    if (m.params) views[i].params = m.params;
    if (m.validNames) views[i].validNames = m.validNames;
  });

  const raw = (name: string, service?: ServiceView): string | undefined => {
    const own = service?.params.get(name) ?? mainValues.get(name);
    if (own !== undefined) return own;
    if (service && name === 'service_name') return service.service;
    if (service && name === 'process_name') return service.command;
    const node = pc.params.get(name);
    if (!node || node.cls === 'user' || node.cls === 'legacy') return undefined;
    return node.defaultValue;
  };
  const restrictionLists = userRestrictionLists(mainValues, views);
  return {
    mainEntries,
    services: views,
    isKnown: (name) => pc.params.has(name),
    isDefined: (name, service) =>
      pc.params.has(name) || mainValues.has(name) || (service ? service.params.has(name) : views.some((v) => v.params.has(name))),
    raw,
    expand: (value, service) => macExpand(value, (n) => raw(n, service), { warn: noWarn }).text,
    restrictionClasses: pc.restrictionClasses,
    restrictionListOf: (name) => restrictionLists.get(name),
    definedNames: () => new Set([...pc.params.keys(), ...mainValues.keys()]),
  };
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
