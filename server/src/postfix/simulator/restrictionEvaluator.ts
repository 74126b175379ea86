// smtpd's generic_checks(): one restriction list evaluated word by word, each restriction giving
// OK (permit, the list ends), a refusal (reject or defer, the list ends) or DUNNO (go on), with
// warn_if_reject, defer_if_permit and defer_if_reject changing how refusals land, restriction
// classes and access-table results that name further restrictions. Every verdict is recorded
// with the word that produced it, so the report can point at its file and line.
import { CheckAbort, CheckState, ErrorClass, Verdict, VerdictSource } from './checkState';
import { DnsAnswers, listing, nameMissing } from './dnsAnswers';
import { findAddressDefault, findClient, findDomain, findMailAddress } from './accessLookups';
import { AddressResolver } from './addressResolution';
import { isValidAddressLiteral, isValidHostAddress, isValidHostname, withoutTrailingDot } from './hostnames';
import { LookupTable, ReadFile, TableSet } from './lookupTables';
import { MatchList, parentStyleFor } from './matchList';
import { routeOfResolved } from './recipientRoute';
import type { ClassWords } from './restrictionClasses';
import { fixDsn, rejectReply, ReplyClass, splitDsn } from './replies';
import { RestrictionWord, splitWords } from './restrictionList';
import { ParameterView } from './settings';
import { EvaluatedRestriction, RestrictionResult } from './types';
import { Locale, MessageKey, t } from '../../l10n';
import { compareVersions, seriesOf } from '../releaseFacts';
import { getDeprecation } from '../deprecated';

export interface EvaluatorEnvironment {
  /** The smtpd service's parameters. */
  view: ParameterView;
  /** trivial-rewrite's answers. */
  resolver: AddressResolver;
  /** The same questions answered with smtpd's own settings (resolve_local() inside smtpd). */
  smtpdLocal: AddressResolver;
  tables: TableSet;
  readFile: ReadFile;
  /** smtpd_restriction_classes, each name with its words. */
  classes: ClassWords;
  /** Every restriction evaluated, in order. */
  trace: EvaluatedRestriction[];
  /** Set when a verdict depends on DNS or another outside service; `answers` are the user's, if any. */
  dns: { depends: boolean; answers?: DnsAnswers };
  warnings: string[];
  /** The language of the trace's details. */
  locale: Locale;
}

type DefaultAcl = 'check_client_access' | 'check_helo_access' | 'check_sender_access' | 'check_recipient_access' | undefined;

/** The default code of each restriction family, read from the daemon's parameters. */
function code(view: ParameterView, parameter: string): number {
  return view.number(parameter);
}

export class RestrictionEvaluator {
  private mynetworks?: MatchList;
  private relayDomains?: MatchList;

  constructor(
    private readonly env: EvaluatorEnvironment,
    private readonly state: CheckState,
  ) {}

  /** One top-level list: smtpd's setjmp() around generic_checks(). */
  runList(words: RestrictionWord[], list: string, replyName: string, replyClass: ReplyClass, defAcl: DefaultAcl): Verdict {
    try {
      if (words.length === 0) return { kind: 'dunno' };
      return this.checks(words, list, replyName, replyClass, defAcl);
    } catch (err) {
      if (err instanceof CheckAbort) return err.verdict;
      throw err;
    }
  }

  /** smtpd_check_reject(): a refusal, or a warning under warn_if_reject. */
  reject(source: VerdictSource, errorClass: ErrorClass, replyCode: number, dsn: string, text: string): Verdict {
    const s = this.state;
    const warnOnly = s.warnIfReject > 0 && errorClass !== 'software' && errorClass !== 'resource' && errorClass !== 'data';
    // A hard refusal becomes the pending defer_if_reject one; soft_bounce applies only after.
    if (!warnOnly && s.deferIfReject.active && rejectReply(replyCode, dsn, text, false).line[0] === '5') {
      const d = s.deferIfReject;
      s.warnIfReject = 0;
      d.active = false;
      return this.reject(d.by ?? source, d.errorClass, d.code, d.dsn, d.text);
    }
    const reply = rejectReply(replyCode, dsn, text, this.env.view.flag('soft_bounce'));
    if (warnOnly) {
      this.note(source, 'warn', reply.line);
      return { kind: 'dunno' };
    }
    return { kind: 'reject', reply, by: source };
  }

  /** defer_if(): remember the first reason to change our mind later. */
  private deferIf(which: 'deferIfPermit' | 'deferIfReject', source: VerdictSource, replyCode: number, dsn: string, text: string): Verdict {
    const d = this.state[which];
    if (!d.active) Object.assign(d, { active: true, errorClass: 'policy', code: replyCode, dsn, text, by: source });
    return { kind: 'dunno' };
  }

  /** DEFER_IF_PERMIT2(): with warn_if_reject off it becomes a defer_if_permit, else a plain refusal. */
  private deferIfPermitOrReject(source: VerdictSource, replyCode: number, dsn: string, text: string): Verdict {
    if (this.state.warnIfReject === 0) return this.deferIf('deferIfPermit', source, replyCode, dsn, text);
    return this.reject(source, 'policy', replyCode, dsn, text);
  }

  private serverError(source: VerdictSource, why: string): never {
    this.env.warnings.push(why);
    this.note(source, 'error', why);
    throw new CheckAbort(this.reject(source, 'software', 451, '4.3.5', 'Server configuration error'));
  }

  /** A detail in the user's language. */
  private say(key: MessageKey, ...args: (string | number)[]): string {
    return t(this.env.locale, key, ...args.map(String));
  }

  private whyUnavailable(table: LookupTable): string {
    return table.unavailableMessage ? this.say(table.unavailableMessage.key, ...table.unavailableMessage.args) : (table.unavailable ?? '');
  }

  /** "NNN rejected", what a refusal would answer, in the trace's words. */
  private rejectedWith(replyCode: number): string {
    return `${replyCode} ${this.say('simulate.rejected')}`;
  }

  private note(source: VerdictSource, result: RestrictionResult, detail?: string, argument?: string): void {
    this.env.trace.push({ list: source.list, restriction: source.word.text, argument, result, detail, origin: source.word.origin });
  }

  private checks(words: RestrictionWord[], list: string, replyName: string, replyClass: ReplyClass, defAcl: DefaultAcl): Verdict {
    const s = this.state;
    const savedRecursion = s.recursion++;
    let status: Verdict = { kind: 'dunno' };
    try {
      for (let i = 0; i < words.length; i++) {
        if (s.discard) break;
        let word = words[i];
        let name = word.text.toLowerCase();
        if (name === 'warn_if_reject') {
          if (s.warnIfReject === 0) s.warnIfReject = s.recursion;
          this.note({ list, word }, 'dunno');
          continue;
        }
        let tableWord: RestrictionWord | undefined;
        if (word.text.includes(':')) {
          if (defAcl === undefined) this.serverError({ list, word }, `specify a check_*_access restriction before the table "${word.text}"`);
          tableWord = word;
          name = defAcl;
        }
        const source: VerdictSource = { list, word };
        const next = (): RestrictionWord | undefined => {
          if (tableWord) return tableWord;
          const w = words[i + 1];
          if (w) i++;
          return w;
        };
        const before = this.env.trace.length;
        status = this.one(name, source, next, replyName, replyClass, defAcl, list);
        // A restriction that recorded nothing itself (a plain DUNNO) is still listed.
        if (this.env.trace.length === before) this.note(source, verdictResult(status), status.kind === 'reject' ? status.reply.line : undefined);
        if (s.warnIfReject >= s.recursion) s.warnIfReject = 0;
        if (status.kind !== 'dunno') break;
        if (s.deferIfPermit.active && s.deferIfReject.active) break;
      }
    } finally {
      s.recursion = savedRecursion;
      if (s.warnIfReject >= s.recursion) s.warnIfReject = 0;
    }
    return status;
  }

  private tableArgument(name: string, source: VerdictSource, next: () => RestrictionWord | undefined): { word: RestrictionWord; table: LookupTable } {
    const w = next();
    if (!w || !w.text.includes(':')) this.serverError(source, `restriction ${name}: bad argument "${w?.text ?? ''}": need maptype:mapname`);
    return { word: w, table: this.env.tables.open(w.text) };
  }

  private get accessParentStyle(): boolean {
    return parentStyleFor(this.env.view.value('parent_domain_matches_subdomains'), 'smtpd_access_maps');
  }

  /** A DNS-dependent restriction: reported, and assumed not to fire. */
  private dependsOnDns(source: VerdictSource, ifFails: string, argument?: string): Verdict {
    this.env.dns.depends = true;
    this.note(source, 'depends on DNS', ifFails, argument);
    return { kind: 'dunno' };
  }

  private permit(source: VerdictSource, detail?: string): Verdict {
    this.note(source, 'permit', detail);
    return { kind: 'ok', by: source };
  }

  // eslint-disable-next-line complexity
  private one(name: string, source: VerdictSource, next: () => RestrictionWord | undefined, replyName: string, replyClass: ReplyClass, defAcl: DefaultAcl, list: string): Verdict {
    const s = this.state;
    const view = this.env.view;
    switch (name) {
      case 'permit':
        return this.permit(source);
      case 'defer':
        return this.reject(source, 'policy', code(view, 'defer_code'), '4.3.2', `<${replyName}>: ${replyClass} rejected: Try again later`);
      case 'reject':
        return this.reject(source, 'policy', code(view, 'reject_code'), '5.7.1', `<${replyName}>: ${replyClass} rejected: Access denied`);
      case 'reject_unauth_pipelining':
        return { kind: 'dunno' };
      case 'check_policy_service': {
        const w = next();
        if (!w || !w.text.includes(':')) this.serverError(source, 'restriction check_policy_service must be followed by transport:server');
        return this.dependsOnDns(source, this.say('simulate.detail.policy', w.text));
      }
      case 'defer_if_permit':
        return this.deferIfPermitOrReject(source, 450, '4.7.0', `<${replyName}>: ${replyClass} rejected: defer_if_permit requested`);
      case 'defer_if_reject':
        return this.deferIf('deferIfReject', source, 450, '4.7.0', `<${replyName}>: ${replyClass} rejected: defer_if_reject requested`);
      case 'sleep': {
        const w = next();
        if (!w || !/^[0-9]+$/.test(w.text)) this.serverError(source, 'restriction sleep must be followed by number');
        return { kind: 'dunno' };
      }
      case 'reject_plaintext_session':
        if (!s.tls) return this.reject(source, 'policy', code(view, 'plaintext_reject_code'), '4.7.1', 'Session encryption is required');
        return { kind: 'dunno' };
      case 'reject_unknown_client_hostname':
      case 'reject_unknown_client':
      case 'reject_unknown_reverse_client_hostname':
        // The client's verified name is part of the input: "unknown" means no name was found.
        if (s.clientName === 'unknown') {
          const text = name === 'reject_unknown_reverse_client_hostname' ? 'cannot find your reverse hostname' : 'cannot find your hostname';
          return this.reject(source, 'policy', code(view, 'unknown_client_reject_code'), name === 'reject_unknown_reverse_client_hostname' ? '4.7.1' : '4.7.25', `Client host rejected: ${text}, [${s.clientAddress}]`);
        }
        return { kind: 'dunno' };
      case 'permit_inet_interfaces':
        return this.ownInterface(s.clientAddress) ? this.permit(source) : { kind: 'dunno' };
      case 'permit_mynetworks': {
        this.mynetworks ??= new MatchList(view.value('mynetworks'), 'hostOrAddress', parentStyleFor(view.value('parent_domain_matches_subdomains'), 'mynetworks'), this.env.tables, this.env.readFile);
        const m = this.mynetworks.match(s.clientName, s.clientAddress);
        if (m.uncertain) this.env.warnings.push(`mynetworks: ${m.uncertain}`);
        return m.matched ? this.permit(source, `mynetworks: ${m.item}`) : { kind: 'dunno' };
      }
      case 'check_client_access': {
        const { word, table } = this.tableArgument(name, source, next);
        return this.access(source, word, table, findClient(table, s.clientName, s.clientAddress, this.accessParentStyle), s.namaddr, 'Client host', defAcl, list);
      }
      case 'check_reverse_client_hostname_access': {
        const { word, table } = this.tableArgument(name, source, next);
        const v = this.access(source, word, table, findClient(table, s.clientName, s.clientAddress, this.accessParentStyle), s.clientName, 'Unverified Client host', defAcl, list);
        if (v.kind === 'ok') this.serverError(source, `restriction ${name} returns OK for ${s.clientName}`);
        return v;
      }
      case 'reject_rbl_client':
      case 'reject_rbl':
      case 'permit_dnswl_client':
      case 'reject_rhsbl_client':
      case 'permit_rhswl_client':
      case 'reject_rhsbl_reverse_client':
      case 'reject_rhsbl_helo':
      case 'reject_rhsbl_sender':
      case 'reject_rhsbl_recipient': {
        const domain = next()?.text;
        if (domain === undefined) {
          this.env.warnings.push(`restriction ${name} requires domain name argument`);
          return { kind: 'dunno' };
        }
        // smtpd's safety rule: at RCPT, an allowlist never permits mail to an unauthorized
        // destination, in whichever list it is evaluated (the real smtpd confirmed it).
        if (name.startsWith('permit') && s.where === 'RCPT' && s.recipient !== undefined && !this.authDestination(s.recipient)) {
          this.note(source, 'dunno', this.say('simulate.detail.allowlist-ignored', s.recipient), domain);
          return { kind: 'dunno' };
        }
        return this.dnsListed(name, source, domain);
      }
      case 'check_ccert_access':
      case 'check_sasl_access': {
        const { word, table } = this.tableArgument(name, source, next);
        if (name === 'check_ccert_access') return { kind: 'dunno' };
        if (!view.flag('smtpd_sasl_auth_enable')) {
          this.env.warnings.push(`restriction '${name}' ignored: no SASL support`);
          return { kind: 'dunno' };
        }
        if (!s.saslUser) return { kind: 'dunno' };
        const hit = table.lookup(s.saslUser);
        return this.access(source, word, table, hit && { ...hit, key: s.saslUser }, s.saslUser.replace(/[^\x20-\x7e]/g, '_'), 'SASL login name', defAcl, list);
      }
      case 'check_client_ns_access':
      case 'check_client_mx_access':
      case 'check_client_a_access':
      case 'check_reverse_client_hostname_ns_access':
      case 'check_reverse_client_hostname_mx_access':
      case 'check_reverse_client_hostname_a_access':
      case 'check_helo_ns_access':
      case 'check_helo_mx_access':
      case 'check_helo_a_access':
      case 'check_sender_ns_access':
      case 'check_sender_mx_access':
      case 'check_sender_a_access':
      case 'check_recipient_ns_access':
      case 'check_recipient_mx_access':
      case 'check_recipient_a_access': {
        const { word } = this.tableArgument(name, source, next);
        return this.dependsOnDns(source, this.say('simulate.detail.dns-table'), word.text);
      }
      case 'check_helo_access': {
        const { word, table } = this.tableArgument(name, source, next);
        if (s.helo === undefined) return { kind: 'dunno' };
        return this.access(source, word, table, findDomain(table, s.helo, this.accessParentStyle), s.helo, 'Helo command', defAcl, list);
      }
      case 'reject_invalid_helo_hostname':
      case 'reject_invalid_hostname':
        if (s.helo === undefined) return { kind: 'dunno' };
        if (s.helo.startsWith('[')) return this.invalidHostAddress(source, s.helo);
        if (!isValidHostname(withoutTrailingDot(s.helo)) && !isValidHostAddress(withoutTrailingDot(s.helo)))
          return this.reject(source, 'policy', code(view, 'invalid_hostname_reject_code'), '5.5.2', `<${s.helo}>: Helo command rejected: Invalid name`);
        return { kind: 'dunno' };
      case 'reject_unknown_helo_hostname':
      case 'reject_unknown_hostname':
        if (s.helo === undefined) return { kind: 'dunno' };
        if (s.helo.startsWith('[')) return this.invalidHostAddress(source, s.helo);
        if (this.env.dns.answers) {
          if (nameMissing(this.env.dns.answers, s.helo)) return this.reject(source, 'policy', code(view, 'unknown_hostname_reject_code'), '4.7.1', `<${s.helo}>: Helo command rejected: Host not found`);
          this.note(source, 'dunno', this.say('simulate.detail.has-records', s.helo));
          return { kind: 'dunno' };
        }
        return this.dependsOnDns(source, this.say('simulate.detail.no-records', s.helo, `${code(view, 'unknown_hostname_reject_code')} 4.7.1 <${s.helo}>: Helo command rejected: Host not found`));
      case 'reject_non_fqdn_helo_hostname':
      case 'reject_non_fqdn_hostname': {
        if (s.helo === undefined) return { kind: 'dunno' };
        if (s.helo.startsWith('[')) return this.invalidHostAddress(source, s.helo);
        const test = withoutTrailingDot(s.helo);
        if (!isValidHostname(test) || !test.includes('.'))
          return this.reject(source, 'policy', code(view, 'non_fqdn_reject_code'), '5.5.2', `<${s.helo}>: Helo command rejected: need fully-qualified hostname`);
        return { kind: 'dunno' };
      }
      case 'check_sender_access': {
        const { word, table } = this.tableArgument(name, source, next);
        if (s.sender === undefined) return { kind: 'dunno' };
        if (s.sender === '') {
          const key = view.value('smtpd_null_access_lookup_key');
          const hit = table.lookup(key);
          return this.access(source, word, table, hit && { ...hit, key }, s.sender, 'Sender address', defAcl, list);
        }
        return this.mailAccess(source, word, table, s.sender, 'Sender address', defAcl, list);
      }
      case 'reject_unknown_address':
      case 'reject_unknown_sender_domain':
        if (!s.sender) return { kind: 'dunno' };
        return this.unknownAddress(source, s.sender, 'Sender address');
      case 'reject_unverified_sender':
        if (!s.sender) return { kind: 'dunno' };
        return this.dependsOnDns(source, this.say('simulate.detail.verify-fails', s.sender, this.rejectedWith(code(view, 'unverified_sender_reject_code'))));
      case 'reject_non_fqdn_sender':
        if (!s.sender) return { kind: 'dunno' };
        return this.nonFqdnAddress(source, s.sender, 'Sender address');
      case 'reject_authenticated_sender_login_mismatch':
      case 'reject_known_sender_login_mismatch':
      case 'reject_unauthenticated_sender_login_mismatch': {
        if (!view.flag('smtpd_sasl_auth_enable')) {
          this.env.warnings.push(`restriction '${name}' ignored: no SASL support`);
          return { kind: 'dunno' };
        }
        if (!s.sender) return { kind: 'dunno' };
        if (name === 'reject_authenticated_sender_login_mismatch') return this.loginMismatch(source, s.sender, false);
        if (name === 'reject_unauthenticated_sender_login_mismatch' || !s.saslUser) return this.unauthLoginMismatch(source, s.sender);
        return this.loginMismatch(source, s.sender, true);
      }
      case 'reject_unlisted_sender':
        if (!s.sender) return { kind: 'dunno' };
        return this.senderRecipientTables(source, s.sender);
      case 'check_recipient_access': {
        const { word, table } = this.tableArgument(name, source, next);
        if (s.recipient === undefined) return { kind: 'dunno' };
        return this.mailAccess(source, word, table, s.recipient, 'Recipient address', defAcl, list);
      }
      case 'permit_mx_backup':
        if (s.recipient === undefined) return { kind: 'dunno' };
        return this.dependsOnDns(source, this.say('simulate.detail.backup-mx', s.recipient));
      case 'permit_auth_destination':
        if (s.recipient === undefined) return { kind: 'dunno' };
        return this.authDestination(s.recipient) ? this.permit(source, this.destinationDetail(s.recipient)) : { kind: 'dunno' };
      case 'reject_unauth_destination':
      case 'defer_unauth_destination': {
        if (s.recipient === undefined) return { kind: 'dunno' };
        if (this.authDestination(s.recipient)) {
          this.note(source, 'dunno', this.destinationDetail(s.recipient));
          return { kind: 'dunno' };
        }
        const relayCode = code(view, 'relay_domains_reject_code');
        return name === 'reject_unauth_destination'
          ? this.reject(source, 'policy', relayCode, '5.7.1', `<${s.recipient}>: Relay access denied`)
          : this.reject(source, 'policy', relayCode - 100, '4.7.1', `<${s.recipient}>: Relay access denied`);
      }
      case 'check_relay_domains':
      case 'permit_naked_ip_address':
      case 'reject_maps_rbl':
        return this.removedRestriction(name, source);
      case 'permit_sasl_authenticated':
        return s.saslUser ? this.permit(source, this.say('simulate.detail.sasl-login', s.saslUser)) : { kind: 'dunno' };
      case 'permit_tls_all_clientcerts':
      case 'permit_tls_clientcerts':
        return { kind: 'dunno' };
      case 'reject_unknown_recipient_domain':
        if (s.recipient === undefined) return { kind: 'dunno' };
        return this.unknownAddress(source, s.recipient, 'Recipient address');
      case 'reject_non_fqdn_recipient':
        if (s.recipient === undefined) return { kind: 'dunno' };
        return this.nonFqdnAddress(source, s.recipient, 'Recipient address');
      case 'check_recipient_maps':
      case 'reject_unlisted_recipient':
        if (!s.recipient) return { kind: 'dunno' };
        return this.recipientTables(source, s.recipient);
      case 'reject_multi_recipient_bounce':
        if (s.sender === '' && s.rcptCount > (s.where !== 'RCPT' ? 1 : 0))
          return this.reject(source, 'policy', code(view, 'multi_recipient_bounce_reject_code'), '5.5.3', `<${replyName}>: ${replyClass} rejected: Multi-recipient bounce`);
        return { kind: 'dunno' };
      case 'reject_unverified_recipient':
        if (!s.recipient) return { kind: 'dunno' };
        return this.dependsOnDns(source, this.say('simulate.detail.verify-fails', s.recipient, this.rejectedWith(code(view, 'unverified_recipient_reject_code'))));
      case 'check_etrn_access':
        this.tableArgument(name, source, next);
        return { kind: 'dunno' };
      default: {
        const cls = this.env.classes.get(source.word.text) ?? this.env.classes.get(name);
        if (cls) {
          this.note(source, 'dunno', this.say('simulate.detail.restriction-class'));
          return this.checks(cls, source.word.text, replyName, replyClass, defAcl);
        }
        this.serverError(source, `unknown smtpd restriction: "${source.word.text}"`);
      }
    }
  }

  /** own_inet_addr(): the addresses smtpd listens on; with "all", only loopback is known here. */
  private ownInterface(address: string): boolean {
    const words = this.env.view.value('inet_interfaces').toLowerCase().split(/[\s,]+/).filter(Boolean);
    if (words.includes('all') || words.includes('loopback-only')) return address === '127.0.0.1' || address === '::1' || words.includes(address);
    return words.includes(address);
  }

  /** A DNS list lookup: decided by the given answers, or depending on DNS without them. */
  private dnsListed(name: string, source: VerdictSource, domain: string): Verdict {
    const answers = this.env.dns.answers;
    if (answers) return this.dnsList(name, source, domain, answers);
    const listed = name.includes('helo') ? 'helo' : name.includes('sender') ? 'sender' : name.includes('recipient') ? 'recipient' : 'client';
    const outcome = name.startsWith('permit') ? this.say('simulate.result.permit') : this.rejectedWith(code(this.env.view, 'maps_rbl_reject_code'));
    return this.dependsOnDns(source, this.say('simulate.detail.if-listed', domain, this.say(`simulate.detail.listed-what.${listed}` as MessageKey), outcome), domain);
  }

  /**
   * The restrictions Postfix 3.9 removed. Up to 3.8 smtpd still runs them, logging that they will
   * go; from 3.9 on it still knows the names, but each one it reaches is a server error
   * (check_relay_domains only where there is a recipient, as before).
   */
  private removedRestriction(name: string, source: VerdictSource): Verdict {
    const { view } = this.env;
    const s = this.state;
    const series = view.release === undefined ? undefined : seriesOf(view.release);
    // The release facts the deprecation lint reads too, so both say the same release.
    const removedIn = getDeprecation(name)?.removedIn;
    if (series && removedIn && compareVersions(series, removedIn) >= 0) {
      if (name === 'check_relay_domains' && s.recipient === undefined) return { kind: 'dunno' };
      this.serverError(source, `support for restriction "${name}" has been removed in Postfix ${removedIn}`);
    }
    if (name === 'permit_naked_ip_address') {
      // A HELO of digits, dots and colons only: a valid address permits, anything else is refused.
      if (s.helo === undefined || !/^[0-9.:]*$/.test(s.helo)) return { kind: 'dunno' };
      const invalid = this.invalidHostAddress(source, s.helo);
      return invalid.kind === 'dunno' ? this.permit(source) : invalid;
    }
    if (name === 'reject_maps_rbl') {
      // reject_rbl_client with each of maps_rbl_domains in turn.
      for (const domain of view.value('maps_rbl_domains').split(/[\s,]+/).filter(Boolean)) {
        const v = this.dnsListed('reject_rbl_client', source, domain);
        if (v.kind !== 'dunno') return v;
      }
      return { kind: 'dunno' };
    }
    // check_relay_domains: a client whose name is in relay_domains, or an authorized destination.
    if (s.recipient === undefined) return { kind: 'dunno' };
    this.relayDomains ??= new MatchList(view.value('relay_domains'), 'domain', parentStyleFor(view.value('parent_domain_matches_subdomains'), 'relay_domains'), this.env.tables, this.env.readFile);
    const client = this.relayDomains.match(s.clientName);
    if (client.matched) return this.permit(source, `relay_domains: ${client.item}`);
    if (this.authDestination(s.recipient)) return this.permit(source, this.destinationDetail(s.recipient));
    return this.reject(source, 'policy', code(view, 'relay_domains_reject_code'), '5.7.1', `<${s.recipient}>: Recipient address rejected: Relay access denied`);
  }

  private invalidHostAddress(source: VerdictSource, helo: string): Verdict {
    if (!isValidAddressLiteral(helo))
      return this.reject(source, 'policy', code(this.env.view, 'invalid_hostname_reject_code'), '5.5.2', `<${helo}>: Helo command rejected: invalid ip address`);
    return { kind: 'dunno' };
  }

  private nonFqdnAddress(source: VerdictSource, address: string, replyClass: ReplyClass): Verdict {
    const at = address.lastIndexOf('@');
    const domain = at < 0 ? '' : address.slice(at + 1);
    if (domain.startsWith('[') && domain.endsWith(']')) return { kind: 'dunno' };
    const test = withoutTrailingDot(domain);
    if (test === '' || !isValidHostname(test) || !test.includes('.'))
      return this.reject(source, 'policy', code(this.env.view, 'non_fqdn_reject_code'), '4.5.2', `<${address}>: ${replyClass} rejected: need fully-qualified address`);
    return { kind: 'dunno' };
  }

  private unknownAddress(source: VerdictSource, address: string, replyClass: ReplyClass): Verdict {
    const r = this.env.resolver.resolve(address);
    if (r.addressClass === 'local' || r.addressClass === 'alias' || r.addressClass === 'virtual') return { kind: 'dunno' };
    if (r.domain.startsWith('[') && r.domain.endsWith(']')) return { kind: 'dunno' };
    const sender = replyClass === 'Sender address';
    if (this.env.dns.answers) {
      if (nameMissing(this.env.dns.answers, r.domain)) return this.reject(source, 'policy', code(this.env.view, 'unknown_address_reject_code'), sender ? '4.1.8' : '4.1.2', `<${address}>: ${replyClass} rejected: Domain not found`);
      this.note(source, 'dunno', this.say('simulate.detail.has-records', r.domain));
      return { kind: 'dunno' };
    }
    return this.dependsOnDns(source, this.say('simulate.detail.no-records', r.domain, `${code(this.env.view, 'unknown_address_reject_code')} ${sender ? '4.1.8' : '4.1.2'} <${address}>: ${replyClass} rejected: Domain not found`));
  }

  /**
   * A DNS list asked with the user's answers: what each restriction looks up (the client address,
   * its names, the HELO name, the sender's or recipient's domain) and Postfix's default reply
   * ($rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain; $rbl_reason).
   */
  private dnsList(name: string, source: VerdictSource, listArgument: string, answers: DnsAnswers): Verdict {
    const s = this.state;
    const domainOf = (address: string | undefined) => (address ? address.slice(address.lastIndexOf('@') + 1) : '');
    // What is looked up, and what the reply names ($rbl_what: the whole address for the RHSBLs of addresses).
    const [key, what, replyClass]: [string | undefined, string | undefined, string] =
      name === 'reject_rbl_client' || name === 'reject_rbl' || name === 'permit_dnswl_client' ? [s.clientAddress, s.clientAddress, 'Client host']
      : name === 'reject_rhsbl_helo' ? [s.helo, s.helo, 'Helo command']
      : name === 'reject_rhsbl_sender' ? [domainOf(s.sender), s.sender, 'Sender address']
      : name === 'reject_rhsbl_recipient' ? [domainOf(s.recipient), s.recipient, 'Recipient address']
      : name === 'reject_rhsbl_reverse_client' ? [s.clientName, s.clientName, 'Unverified Client host']
      : [s.clientName, s.clientName, 'Client host'];
    // Nothing to look up: no HELO yet, the null sender, or a client without a name.
    if (!key || key === 'unknown' || key.startsWith('[')) return { kind: 'dunno' };
    const hit = listing(answers, listArgument, key);
    if (!hit) {
      this.note(source, 'dunno', this.say('simulate.detail.not-listed', key, listArgument), listArgument);
      return { kind: 'dunno' };
    }
    if (name.startsWith('permit')) return this.permit(source, this.say('simulate.detail.listed', key, listArgument));
    if (this.env.view.value('rbl_reply_maps')) this.env.warnings.push('rbl_reply_maps is not simulated: the reply is the default_rbl_reply one');
    return this.reject(source, 'policy', code(this.env.view, 'maps_rbl_reject_code'), '5.7.1', `Service unavailable; ${replyClass} [${what}] blocked using ${listArgument.split('=')[0]}${hit.reason ? `; ${hit.reason}` : ''}`);
  }

  /** permit_auth_destination(): a domain we deliver to or relay for, reached without source routing. */
  private authDestination(recipient: string): boolean {
    const r = this.env.resolver.resolve(recipient);
    if (r.uncertain) this.env.warnings.push(r.uncertain);
    if (!this.env.view.flag('allow_untrusted_routing') && r.routed) return false;
    return r.addressClass !== 'default';
  }

  private destinationDetail(recipient: string): string {
    const r = this.env.resolver.resolve(recipient);
    return `${r.domain}: ${this.say(`simulate.class.${r.addressClass}` as MessageKey)}${r.decidedBy ? ` (${r.decidedBy.parameter})` : ''}`;
  }

  private mailAccess(source: VerdictSource, word: RestrictionWord, table: LookupTable, address: string, replyClass: ReplyClass, defAcl: DefaultAcl, list: string): Verdict {
    const r = this.env.resolver.resolve(address);
    const hit = findMailAddress(table, r.address, { recipientDelimiter: this.env.view.value('recipient_delimiter'), parentStyle: this.accessParentStyle });
    const v = this.access(source, word, table, hit, address, replyClass, defAcl, list);
    // OK for a source-routed recipient is not trusted.
    if (v.kind === 'ok' && replyClass === 'Recipient address' && r.routed && !this.env.view.flag('allow_untrusted_routing')) return { kind: 'dunno' };
    return v;
  }

  /** A table answer read as an action (check_table_result()). */
  private access(
    source: VerdictSource,
    word: RestrictionWord,
    table: LookupTable,
    hit: { value: string; key: string; file?: string; line?: number } | undefined,
    replyName: string,
    replyClass: ReplyClass,
    defAcl: DefaultAcl,
    list: string,
  ): Verdict {
    if (table.unavailable) {
      this.env.dns.depends = true;
      this.note(source, 'depends on DNS', `${word.text}: ${this.whyUnavailable(table)}`, word.text);
      return { kind: 'dunno' };
    }
    // A table that fails answers every lookup as a server error (check_access()).
    if (table.broken) hit = { key: '', value: '451 4.3.5 Server configuration error' };
    if (!hit) {
      this.note(source, 'dunno', this.say('simulate.detail.no-match'), word.text);
      return { kind: 'dunno' };
    }
    const where = `${hit.line ? this.say('simulate.at-line', word.text, hit.line) : word.text}: ${hit.key} ${hit.value}`;
    const value = hit.value;
    const space = value.search(/[ \t]/);
    const action = (space < 0 ? value : value.slice(0, space)).toUpperCase();
    const text = space < 0 ? '' : value.slice(space).replace(/^[ \t]+/, '');
    const s = this.state;
    const view = this.env.view;
    const record = (result: RestrictionResult) => this.note(source, result, where, word.text);
    // FILTER, HOLD, DISCARD and friends act on the message; in client or HELO lists evaluated
    // before MAIL FROM (smtpd_delay_reject = no) they are skipped.
    const delegated = () => s.sender !== undefined && s.where !== 'ETRN';
    switch (action) {
      case 'DUNNO':
      case 'INFO':
      case 'WARN':
        record('dunno');
        return { kind: 'dunno' };
      case 'REJECT': {
        const d = splitDsn('5.7.1', text);
        const v = this.reject(source, 'policy', code(view, 'access_map_reject_code'), fixDsn(d.dsn, replyClass), `<${replyName}>: ${replyClass} rejected: ${d.text || 'Access denied'}`);
        record(v.kind === 'reject' ? 'reject' : 'warn');
        return v;
      }
      case 'DEFER': {
        const d = splitDsn('4.7.1', text);
        const v = this.reject(source, 'policy', code(view, 'access_map_defer_code'), fixDsn(d.dsn, replyClass), `<${replyName}>: ${replyClass} rejected: ${d.text || 'Access denied'}`);
        record(v.kind === 'reject' ? 'defer' : 'warn');
        return v;
      }
      case 'HANGUP':
        record('reject');
        throw new CheckAbort({ kind: 'reject', reply: { code: 0, line: '' }, by: source }, true);
      case 'FILTER':
      case 'HOLD':
      case 'DELAY':
      case 'REDIRECT':
      case 'BCC':
      case 'PREPEND':
        record('dunno');
        return { kind: 'dunno' };
      case 'DISCARD':
        if (!delegated()) {
          record('skipped');
          return { kind: 'dunno' };
        }
        s.discard = true;
        record('permit');
        return { kind: 'ok', by: source };
      case 'DEFER_IF_PERMIT': {
        const d = splitDsn('4.7.1', text);
        record('dunno');
        return this.deferIfPermitOrReject(source, code(view, 'access_map_defer_code'), fixDsn(d.dsn, replyClass), `<${replyName}>: ${replyClass} rejected: ${d.text || 'Service unavailable'}`);
      }
      case 'DEFER_IF_REJECT': {
        const d = splitDsn('4.7.1', text);
        record('dunno');
        return this.deferIf('deferIfReject', source, code(view, 'access_map_defer_code'), fixDsn(d.dsn, replyClass), `<${replyName}>: ${replyClass} rejected: ${d.text || 'Service unavailable'}`);
      }
    }
    if (/^[0-9]+$/.test(value)) {
      record('permit');
      return { kind: 'ok', by: source };
    }
    if (space === 3 && text !== '' && /^[45][0-9][0-9]$/.test(action)) {
      const d = splitDsn(`${action[0]}.7.1`, text);
      const v = this.reject(source, 'policy', Number(action), fixDsn(d.dsn, replyClass), `<${replyName}>: ${replyClass} rejected: ${d.text}`);
      record(v.kind === 'reject' ? (action[0] === '4' ? 'defer' : 'reject') : 'warn');
      return v;
    }
    if (action === 'OK' || action === 'RELAY') {
      record('permit');
      return { kind: 'ok', by: source };
    }
    if (value.includes(':')) this.serverError(source, `access table ${word.text} has entry with lookup table: ${value}`);
    if (s.recursion > 100) this.serverError(source, `access table ${word.text} entry ${value} causes unreasonable recursion`);
    // Anything else is a list of restrictions, evaluated in place.
    const words = splitWords(value).map((w) => ({ text: w.text, origin: { parameter: word.text, file: hit.file, line: hit.line } }));
    record('dunno');
    if (words.length === 0) return { kind: 'ok', by: source };
    return this.checks(words, `${list} → ${word.text}`, replyName, replyClass, defAcl);
  }

  /**
   * mail_addr_find() asks for the bare local part when the domain is $myorigin or local by
   * resolve_local(), which runs inside smtpd: its own mydestination (-o included), not trivial-rewrite's.
   */
  private domainIsOurs = (domain: string): boolean => domain.toLowerCase() === this.env.view.value('myorigin').toLowerCase() || this.env.smtpdLocal.isLocalDomain(domain).local;

  private tableLookup(parameter: string, address: string): { found: boolean; unavailable?: string; any: boolean } {
    const value = this.env.view.value(parameter);
    let unavailable: string | undefined;
    for (const w of splitWords(value)) {
      if (!w.text.includes(':')) continue;
      const t = this.env.tables.open(w.text);
      if (t.unavailable) {
        unavailable ??= `${w.text}: ${this.whyUnavailable(t)}`;
        continue;
      }
      if (findAddressDefault(t, address, this.env.view.value('recipient_delimiter'), this.domainIsOurs)) return { found: true, any: true };
    }
    return { found: false, unavailable, any: value.trim() !== '' };
  }

  /** check_rcpt_maps(): is the address a known user of its class? */
  rcptMaps(source: VerdictSource, address: string, replyClass: ReplyClass): Verdict {
    const r = this.env.resolver.resolve(address);
    const sender = replyClass === 'Sender address';
    // smtpd asks these tables first: an address one of them lists is known whatever its class's
    // table says. One we cannot read may list it, so a rejection after it is only "if unlisted".
    let unreadable: string | undefined;
    for (const p of ['recipient_canonical_maps', ...(sender ? ['sender_canonical_maps'] : []), 'canonical_maps', 'virtual_alias_maps']) {
      const t = this.tableLookup(p, r.address);
      if (t.found) return { kind: 'dunno' };
      unreadable ??= t.unavailable;
    }
    const view = this.env.view;
    const refuse = (replyCode: number, dsn: string, text: string): Verdict => {
      const line = `<${address}>: ${replyClass} rejected: ${text}`;
      if (unreadable) return this.dependsOnDns(source, this.say('simulate.detail.if-unlisted', unreadable, address, `${replyCode} ${dsn} ${line}`));
      return this.reject(source, 'bounce', replyCode, dsn, line);
    };
    const userUnknown = (replyCode: number, dsn: string, table: string): Verdict => refuse(replyCode, dsn, `User unknown${view.flag('show_user_unknown_table_name') ? ` in ${table} table` : ''}`);
    // What trivial-rewrite sends to error(8) cannot be delivered (a virtual alias domain's
    // unknown user among it), and to retry(8) not now: smtpd says so with the next hop's text. It
    // resolves with the other address of the session as the sender, as check_rcpt_maps() does.
    // A route through a table we cannot read is unknown, and decides nothing here.
    const route = routeOfResolved(this.env.resolver, this.env.resolver.view, this.env.tables, r, (sender ? this.state.recipient : this.state.sender) ?? '');
    if (!route.warnings && (route.transport === 'error' || route.transport === 'retry')) {
      const retry = route.transport === 'retry';
      const d = splitDsn(`${retry ? 4 : 5}.1.${sender ? 0 : 1}`, route.nexthop);
      const replyCode = retry ? 450 : r.addressClass === 'alias' ? code(view, 'unknown_virtual_alias_reject_code') : 550;
      return refuse(replyCode, fixDsn(d.dsn, replyClass), d.text);
    }
    const unknown = (parameter: string, replyCode: number, table: string): Verdict => {
      const t = this.tableLookup(parameter, r.address);
      if (!t.any || t.found) return { kind: 'dunno' };
      unreadable ??= t.unavailable;
      return userUnknown(replyCode, sender ? '5.1.0' : '5.1.1', table);
    };
    switch (r.addressClass) {
      // Reached only when the route above could not be read (relocated_maps): the alias domain
      // has no other answer for an address its table does not list.
      case 'alias':
        return userUnknown(code(view, 'unknown_virtual_alias_reject_code'), fixDsn('5.1.1', replyClass), 'virtual alias');
      case 'local': {
        const local = r.address.slice(0, r.address.lastIndexOf('@')).toLowerCase();
        const special = [view.value('double_bounce_sender').toLowerCase(), 'postmaster', 'mailer-daemon'];
        if (special.includes(local)) return { kind: 'dunno' };
        return unknown('local_recipient_maps', code(view, 'unknown_local_recipient_reject_code'), 'local recipient');
      }
      case 'virtual':
        return unknown('virtual_mailbox_maps', code(view, 'unknown_virtual_mailbox_reject_code'), 'virtual mailbox');
      case 'relay':
        return unknown('relay_recipient_maps', code(view, 'unknown_relay_recipient_reject_code'), 'relay recipient');
      default:
        return { kind: 'dunno' };
    }
  }

  private recipientTables(source: VerdictSource, recipient: string): Verdict {
    if (this.state.recipientRcptmapChecked) return { kind: 'dunno' };
    if (this.state.warnIfReject === 0) this.state.recipientRcptmapChecked = true;
    return this.rcptMaps(source, recipient, 'Recipient address');
  }

  senderRecipientTables(source: VerdictSource, sender: string): Verdict {
    // smtpd clears its "sender already checked" flag only when the sender list runs; before that,
    // in the client or HELO list at the first RCPT TO, it reads a flag nobody set (found by the
    // differential: the real smtpd then skips or runs the check depending on its previous
    // session). We run the check, as a fresh smtpd process does.
    if (!this.state.senderCheckedKnown && (source.list === 'smtpd_client_restrictions' || source.list === 'smtpd_helo_restrictions'))
      this.env.warnings.push('reject_unlisted_sender before smtpd_sender_restrictions: smtpd may skip it on the first recipient (it reads a flag it has not set yet)');
    if (this.state.senderRcptmapChecked) return { kind: 'dunno' };
    if (this.state.warnIfReject === 0) this.state.senderRcptmapChecked = true;
    return this.rcptMaps(source, sender, 'Sender address');
  }

  private loginOwners(sender: string): { owners?: string[]; unavailable?: string } {
    const value = this.env.view.value('smtpd_sender_login_maps');
    const r = this.env.resolver.resolve(sender);
    for (const w of splitWords(value)) {
      const t = this.env.tables.open(w.text);
      if (t.unavailable) return { unavailable: `${w.text}: ${this.whyUnavailable(t)}` };
      const hit = findAddressDefault(t, r.address, this.env.view.value('recipient_delimiter'), this.domainIsOurs);
      if (hit) return { owners: splitWords(hit.value).map((x) => x.text) };
    }
    return {};
  }

  /**
   * A logged-in sender must be listed as owned by the login. With smtpd_sender_login_maps empty
   * nothing is owned, so the authenticated variant refuses every sender (smtpd 3.7 does).
   */
  private loginMismatch(source: VerdictSource, sender: string, allowUnknown: boolean): Verdict {
    const s = this.state;
    if (!s.saslUser) return { kind: 'dunno' };
    const o = this.loginOwners(sender);
    if (o.unavailable) return this.dependsOnDns(source, o.unavailable);
    if (!o.owners && allowUnknown) return { kind: 'dunno' };
    if (o.owners?.some((n) => n.toLowerCase() === s.saslUser!.toLowerCase())) return { kind: 'dunno' };
    return this.reject(source, 'policy', 553, '5.7.1', `<${sender}>: Sender address rejected: not owned by user ${s.saslUser}`);
  }

  private unauthLoginMismatch(source: VerdictSource, sender: string): Verdict {
    if (this.state.saslUser) return { kind: 'dunno' };
    const o = this.loginOwners(sender);
    if (o.unavailable) return this.dependsOnDns(source, o.unavailable);
    if (o.owners) return this.reject(source, 'policy', 553, '5.7.1', `<${sender}>: Sender address rejected: not logged in`);
    return { kind: 'dunno' };
  }
}

function verdictResult(v: Verdict): RestrictionResult {
  if (v.kind === 'ok') return 'permit';
  if (v.kind === 'reject') return v.reply.line.startsWith('4') ? 'defer' : 'reject';
  return 'dunno';
}
