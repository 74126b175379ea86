// What trivial-rewrite answers when smtpd asks it to resolve an address: the address as it will
// be delivered, its class (local, virtual alias, virtual mailbox, relay, default), and whether the
// local part still routes elsewhere (user@host@domain, user%host, host!user). smtpd asks the
// rewrite service, so these settings come from main.cf and the rewrite service, never from the
// smtpd service's own -o overrides.
import { isValidAddressLiteral, isValidHostAddress, isValidHostname } from './hostnames';
import { ReadFile, TableHit, TableSet } from './lookupTables';
import { MatchList, parentStyleFor } from './matchList';
import { Origin, ParameterView } from './settings';

export type AddressClass = 'local' | 'alias' | 'virtual' | 'relay' | 'default';

export interface Resolution {
  /** The address after trivial-rewrite: local@domain. */
  address: string;
  domain: string;
  addressClass: AddressClass;
  routed: boolean;
  /** The setting that put the domain in its class. */
  decidedBy?: Origin;
  /** The list item or table entry that matched. */
  item?: string;
  hit?: TableHit;
  /** A table in a domain list could not be read offline. */
  uncertain?: string;
  /** trivial-rewrite's RESOLVE_FLAG_ERROR: no mail can be addressed so, and smtpd answers 501. */
  malformed?: boolean;
}

export class AddressResolver {
  private lists = new Map<string, MatchList>();
  /** Answers given so far: smtpd asks about one address at several stages and for each restriction that needs its class. */
  private answers = new Map<string, Readonly<Resolution>>();

  constructor(
    /** The configuration as trivial-rewrite (and cleanup) read it. */
    readonly view: ParameterView,
    private readonly tables: TableSet,
    private readonly readFile: ReadFile,
  ) {}

  private list(parameter: string, kind: 'string' | 'domain'): MatchList {
    let l = this.lists.get(parameter);
    if (!l) {
      const parent = kind === 'domain' && parentStyleFor(this.view.value('parent_domain_matches_subdomains'), parameter);
      l = new MatchList(this.view.value(parameter), kind, parent, this.tables, this.readFile);
      this.lists.set(parameter, l);
    }
    return l;
  }

  /** resolve_local(): mydestination, or an address literal of this host. */
  isLocalDomain(domain: string): { local: boolean; item?: string; hit?: TableHit; uncertain?: string; literal?: boolean } {
    let d = domain.endsWith('.') ? domain.slice(0, -1) : domain;
    if (d === '' || d.endsWith('.')) return { local: false };
    const m = this.list('mydestination', 'string').match(d);
    if (m.matched) return { local: true, item: m.item, hit: m.hit };
    if (d.startsWith('[') && d.endsWith(']')) {
      d = d.slice(1, -1).replace(/^ipv6:/i, '');
      if (isValidHostAddress(d) && this.ownAddress(d)) return { local: true, literal: true };
    }
    return { local: false, uncertain: m.uncertain };
  }

  /** inet_interfaces and proxy_interfaces; with "all" only the loopback addresses are known here. */
  private ownAddress(addr: string): boolean {
    const words = `${this.view.value('inet_interfaces')} ${this.view.value('proxy_interfaces')}`.toLowerCase().split(/[\s,]+/).filter(Boolean);
    const loopback = addr === '127.0.0.1' || addr === '::1';
    if (words.includes('all') || words.includes('loopback-only')) return loopback || words.includes(addr);
    return words.includes(addr) || words.includes(`[${addr}]`);
  }

  resolve(input: string): Readonly<Resolution> {
    let answer = this.answers.get(input);
    if (!answer) this.answers.set(input, (answer = this.resolveAnew(input)));
    return answer;
  }

  private resolveAnew(input: string): Resolution {
    let address = input;
    // A single trailing dot on the domain is dropped.
    if (/@[^@]*[^.@]\.$/.test(address)) address = address.slice(0, -1);
    for (let guard = 0; guard < address.length + 100; guard++) {
      const at = address.lastIndexOf('@');
      if (at < 0) {
        address = `${address}@${this.view.value('myhostname')}`;
        continue;
      }
      const local = address.slice(0, at);
      const domain = address.slice(at + 1);
      if (domain === '' || !this.isLocalDomain(domain).local) break;
      // A local domain is stripped; what is left may still name another destination.
      if (local.includes('@')) address = local;
      else if (this.view.flag('allow_percent_hack') && local.includes('%')) {
        const p = local.lastIndexOf('%');
        address = `${local.slice(0, p)}@${local.slice(p + 1)}`;
      } else if (this.view.flag('swap_bangpath') && local.includes('!')) {
        const b = local.indexOf('!');
        address = `${local.slice(b + 1)}@${local.slice(0, b)}`;
      } else break;
    }
    const at = address.lastIndexOf('@');
    const local = address.slice(0, at);
    let domain = address.slice(at + 1);
    let malformed = false;
    if (domain.startsWith('[')) malformed = !isValidAddressLiteral(domain);
    // A non-ASCII domain is judged in its IDNA form when SMTPUTF8 is on; that form is not
    // modelled, and smtpd refuses such a domain anyway unless the client asked for SMTPUTF8.
    else if (!isValidHostname(domain) && !(/[^\x00-\x7f]/.test(domain) && this.view.flag('smtputf8_enable'))) {
      if (this.view.flag('resolve_numeric_domain') && isValidHostAddress(domain)) domain = `[${domain}]`;
      else malformed = true;
    }
    // An address that starts with '-' could pass for an option to a command that delivers it.
    if (!this.view.flag('allow_min_user') && local.startsWith('-')) malformed = true;
    address = `${local}@${domain}`;
    const routed = /[@!%]/.test(local);
    const base = { address, domain, routed, ...(malformed && { malformed }) };
    const here = this.isLocalDomain(domain);
    if (here.local) return { ...base, addressClass: 'local', decidedBy: here.literal ? this.view.origin('inet_interfaces') : this.view.origin('mydestination'), item: here.item, hit: here.hit };
    let uncertain = here.uncertain;
    for (const [parameter, cls, kind] of [
      ['virtual_alias_domains', 'alias', 'string'],
      ['virtual_mailbox_domains', 'virtual', 'string'],
      ['relay_domains', 'relay', 'domain'],
    ] as const) {
      const m = this.list(parameter, kind).match(domain);
      if (m.matched) return { ...base, addressClass: cls, decidedBy: this.view.origin(parameter), item: m.item, hit: m.hit, uncertain };
      uncertain ??= m.uncertain;
    }
    return { ...base, addressClass: 'default', uncertain };
  }
}
