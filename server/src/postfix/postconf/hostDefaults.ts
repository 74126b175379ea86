// The defaults that depend on the host: myhostname, mydomain and mynetworks. postconf computes
// each the first time something asks for it (the scan of default values, or a $name in a value
// it expands) and keeps the answer; on the way it evaluates main.cf settings, and a syntax error
// or a bad setting there ends postconf at that moment, so when that happens decides which other
// warnings come out first. We compute them lazily in the same way.
import { PostconfFatal } from './config';
import type { Model, Warn } from './config';
import { macExpand } from './macExpand';
import { inetInterfacesError } from './inetInterfaces';
import { InterfaceAddress, mynetworksDefault } from './mynetworks';

export interface HostInputs {
  hostname?: string;
  interfaces?: InterfaceAddress[];
  resolve?: (name: string) => string[];
  /** -d: main.cf is not read, so only built-in defaults count. */
  showDefaults: boolean;
  /** Expands a value like postconf does for its own defaults (fatal on a syntax error). */
  expand: (value: string) => string;
}

export const HOST_DEFAULT_NAMES = ['myhostname', 'mydomain', 'mynetworks'];

/** mail_conf_lookup_eval(): a main.cf setting expanded within main.cf only, or undefined. */
export function mainEval(model: Model, name: string, warn: Warn): string | undefined {
  const v = model.main.get(name);
  if (v === undefined) return undefined;
  const r = macExpand(v, (n) => model.main.get(n), { warn });
  if (r.fatal) throw new PostconfFatal(r.fatal);
  if (r.error) throw new PostconfFatal('dictionary mail_dict: macro processing error');
  return r.text;
}

/**
 * check_mydomainname(): mydomain's default, what follows the first dot of the myhostname in
 * force ("com" for example.com), or localdomain when it has no dot. The simulator asks it too.
 */
export function domainOfHostname(myhostname: string): string {
  const dot = myhostname.indexOf('.');
  return dot < 0 ? 'localdomain' : myhostname.slice(dot + 1);
}

/** Returns the lazy default of the three names (undefined for any other name). */
export function hostDefaults(model: Model, host: HostInputs, warn: Warn): (name: string) => string | undefined {
  const tableDefault = (name: string) => model.params.get(name)?.defaultValue ?? '';
  const cache = new Map<string, string>();
  let varMyhostname: string | undefined;

  // pcf_check_myhostname(): the host name, completed with $mydomain when it has no dot.
  const myhostname = () => {
    if (host.hostname === undefined) return tableDefault('myhostname');
    if (host.hostname.includes('.')) return host.hostname;
    return `${host.hostname}.${mainEval(model, 'mydomain', warn) ?? 'localdomain'}`;
  };
  const mydomain = () => {
    if (host.hostname === undefined) return tableDefault('mydomain');
    varMyhostname ??= mainEval(model, 'myhostname', warn) ?? get('myhostname');
    return domainOfHostname(varMyhostname);
  };
  // pcf_mynetworks(): the three settings behind it, each from main.cf or its expanded default.
  const mynetworks = () => {
    const setting = (name: string) => (host.showDefaults ? undefined : mainEval(model, name, warn)) ?? host.expand(tableDefault(name));
    const inetInterfaces = setting('inet_interfaces');
    const style = setting('mynetworks_style');
    const protocols = setting('inet_protocols');
    const protocolList = protocols.split(/[, \t\r\n]+/).filter(Boolean);
    const bad = protocolList.find((p) => !['ipv4', 'ipv6', 'all'].includes(p));
    if (bad !== undefined) throw new PostconfFatal(`unknown inet_protocols value "${bad}" in "${protocols}"`);
    // No protocol enabled: Postfix looks at nothing else and the list is empty.
    if (protocolList.length === 0) return '';
    const styles = style.split(/[, \t\r\n]+/).filter(Boolean);
    const unknown = styles.find((st) => !['host', 'subnet', 'class'].includes(st));
    if (unknown !== undefined) throw new PostconfFatal(`unknown mynetworks mask style value "${unknown}" in "${style}"`);
    // A mask of style bits: "host host" is one style.
    if (new Set(styles).size !== 1) throw new PostconfFatal(`bad mynetworks_style value: ${style}; specify exactly one value`);
    if (host.interfaces && host.resolve) {
      const err = inetInterfacesError(inetInterfaces, protocolList, host.interfaces, host.resolve);
      if (err) throw new PostconfFatal(err);
    }
    if (!host.interfaces) return tableDefault('mynetworks');
    const list = mynetworksDefault(host.interfaces, style, inetInterfaces, protocols);
    // Postfix ends each network with a blank, the last one too; that shows in expansions.
    return list === undefined ? tableDefault('mynetworks') : list === '' ? '' : `${list} `;
  };
  const compute: Record<string, () => string> = { myhostname, mydomain, mynetworks };
  const computing = new Set<string>();
  function get(name: string): string {
    let v = cache.get(name);
    if (v !== undefined) return v;
    // A default that needs itself (mynetworks_style's default reads compatibility_level, which
    // main.cf may set to $mynetworks): Postfix recurses until it crashes. We stop instead.
    if (computing.has(name)) {
      warn(`unreasonable macro call nesting: "${name}"`);
      throw new PostconfFatal('macro processing error');
    }
    computing.add(name);
    try {
      cache.set(name, (v = compute[name]()));
    } finally {
      computing.delete(name);
    }
    return v;
  }
  return (name) => (compute[name] ? get(name) : undefined);
}
