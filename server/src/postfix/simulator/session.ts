// One SMTP session through smtpd, stage by stage: the greeting, HELO/EHLO, AUTH, MAIL FROM, each
// RCPT TO and DATA, with the restriction lists each stage runs. With smtpd_delay_reject = yes
// (the default) the client, HELO and sender lists wait until RCPT TO and run again for every
// recipient; with `no` each runs at its own command. At RCPT TO smtpd_relay_restrictions runs
// before smtpd_recipient_restrictions unless smtpd_relay_before_recipient_restrictions = no.
import { AddressResolver } from './addressResolution';
import type { DnsAnswers } from './dnsAnswers';
import { CheckAbort, CheckState, newDeferral, Verdict } from './checkState';
import { TableSet } from './lookupTables';
import { relayControlFatal } from './relayControl';
import { parseReply, Reply, ReplyClass } from './replies';
import { RestrictionEvaluator } from './restrictionEvaluator';
import type { RestrictionClasses } from './restrictionClasses';
import { listWords, RestrictionWord } from './restrictionList';
import { recipientFlow } from './mailFlow';
import { selectService, SimulationInputError } from './serviceSelection';
import { ConfigurationError, ParameterView, readMainSettings, readMasterServices } from './settings';
import { ListName, smtpdStart, Started } from './smtpdStart';
import { DecidedBy, EvaluatedRestriction, RecipientOutcome, SimulationInput, SimulationResult, SimulationStep, Stage } from './types';

export { SimulationInputError };

const LIST_ARGS: Record<ListName, { defAcl?: 'check_client_access' | 'check_helo_access' | 'check_sender_access' | 'check_recipient_access' }> = {
  client: { defAcl: 'check_client_access' },
  helo: { defAcl: 'check_helo_access' },
  sender: { defAcl: 'check_sender_access' },
  relay: { defAcl: 'check_recipient_access' },
  recipient: { defAcl: 'check_recipient_access' },
  data: {},
};

export function simulate(input: SimulationInput): SimulationResult {
  const mainPath = input.mainCfPath ?? 'main.cf';
  const masterPath = input.masterCfPath ?? 'master.cf';
  const readFile = input.readFile ?? (() => undefined);
  const main = input.mainSettings ?? readMainSettings(input.mainCf, mainPath);
  const services = input.masterCf === undefined ? undefined : readMasterServices(input.masterCf, masterPath);
  const service = selectService(services, input);
  const result: SimulationResult = {
    service: { name: service.name, line: service.line, port: service.port, file: services ? masterPath : undefined },
    lists: [],
    delayReject: true,
    steps: [],
    recipients: [],
    dependsOnDns: false,
    warnings: [],
  };
  const start = smtpdStart({ main, services, service, settings: input.settings, release: input.postfixVersion });
  if (start.fatal !== undefined) {
    result.fatal = start.fatal;
    return result;
  }
  const tables = new TableSet(readFile);
  try {
    new SessionRun(input, start, tables, readFile, result).run();
  } catch (err) {
    if (err instanceof ConfigurationError) result.fatal = err.message;
    else throw err;
  }
  return result;
}

class SessionRun {
  private readonly lists: Record<ListName, RestrictionWord[]>;
  private readonly classes: RestrictionClasses;
  private readonly view: ParameterView;
  private readonly state: CheckState;
  private readonly evaluator: RestrictionEvaluator;
  private readonly resolver: AddressResolver;
  private trace: EvaluatedRestriction[] = [];
  private readonly dns: { depends: boolean; answers?: DnsAnswers } = { depends: false };
  private accessDenied?: Reply;

  constructor(
    private readonly input: SimulationInput,
    start: Started,
    private readonly tables: TableSet,
    readFile: (path: string) => string | undefined,
    private readonly result: SimulationResult,
  ) {
    const view = (this.view = start.view);
    this.lists = start.lists;
    this.classes = start.classes;
    this.dns.answers = input.dns;
    this.resolver = new AddressResolver(start.rewriteView, tables, readFile);
    const name = input.client.hostname ?? 'unknown';
    this.state = {
      clientName: name,
      clientAddress: input.client.address,
      namaddr: `${name}[${input.client.address}]`,
      tls: !!input.tls,
      where: 'CONNECT',
      rcptCount: 0,
      discard: false,
      warnIfReject: 0,
      recursion: 0,
      deferIfPermit: newDeferral(),
      deferIfReject: newDeferral(),
      deferIfPermitClient: false,
      deferIfPermitHelo: false,
      deferIfPermitSender: false,
      senderRcptmapChecked: false,
      senderCheckedKnown: false,
      recipientRcptmapChecked: false,
    };
    this.evaluator = new RestrictionEvaluator({ view, resolver: this.resolver, smtpdLocal: new AddressResolver(view, tables, readFile), tables, readFile, classes: this.classes, trace: this.trace, dns: this.dns, warnings: result.warnings, locale: input.locale ?? 'en' }, this.state);
  }

  run(): void {
    this.describeLists();
    const fatal = relayControlFatal(this.lists.relay, this.lists.recipient, this.classes);
    if (fatal) {
      this.result.fatal = fatal;
      return;
    }
    const delay = this.view.flag('smtpd_delay_reject');
    this.result.dependsOnDns = this.dns.depends;
    let inTransaction = false;
    const stages = [
      () => this.connect(delay),
      () => this.helo(delay),
      () => this.auth(),
      () => (inTransaction = this.mail(delay)),
      ...this.input.recipients.map((r) => () => this.rcpt(r, inTransaction, delay)),
      () => this.data(inTransaction),
    ];
    for (const stage of stages) {
      if (this.closed) break;
      stage();
    }
    for (const r of this.input.recipients.slice(this.result.recipients.length)) this.result.recipients.push({ address: r, accepted: false, deferred: false });
    this.result.dependsOnDns = this.dns.depends;
  }

  /** The lists as configured, in the order this service runs them, for views that draw the path. */
  private describeLists(): void {
    const order = ['client', 'helo', 'sender', ...this.recipientLists(), 'data', 'end_of_data'];
    this.result.lists = order.map((l) => {
      const name = `smtpd_${l}_restrictions`;
      const words = l === 'end_of_data' ? listWords(this.view, name) : this.lists[l as ListName];
      return { name, origin: this.view.origin(name), words };
    });
    this.result.delayReject = this.view.flag('smtpd_delay_reject');
  }

  private step(stage: Stage, command: string, argument: string, sent: Reply, verdict?: Verdict): SimulationStep {
    // soft_bounce turns every 5xx reply into 4xx as it is sent, protocol errors included.
    let reply = sent;
    if (this.view.flag('soft_bounce') && reply.line.startsWith('5')) {
      const line = '4' + reply.line.slice(1, 4) + (reply.line[4] === '5' ? '4' : (reply.line[4] ?? '')) + reply.line.slice(5);
      reply = parseReply(line);
    }
    let decidedBy: DecidedBy | null = null;
    if (verdict && verdict.kind === 'reject' && verdict.by) {
      const o = verdict.by.word.origin;
      // The line is read from the origin when asked for: most answers are never shown (originIn).
      decidedBy = {
        list: verdict.by.list,
        restriction: verdict.by.word.text,
        file: o.file,
        get line() {
          return o.line;
        },
        origin: o,
      };
    }
    const s: SimulationStep = { stage, command, argument, reply, decidedBy, evaluated: this.trace.splice(0) };
    this.result.steps.push(s);
    // smtpd hangs up after a 421 or 521 reply.
    if (reply.line.startsWith('421') || reply.line.startsWith('521')) this.closed = true;
    return s;
  }

  /** smtpd closed the connection: later commands get no reply. */
  private closed = false;

  /** smtpd_check_client() and friends: one list, with defer_if_permit carried between lists. */
  private runList(list: ListName, replyName: string, replyClass: ReplyClass): Verdict {
    return this.evaluator.runList(this.lists[list], `smtpd_${list}_restrictions`, replyName, replyClass, LIST_ARGS[list].defAcl);
  }

  private resetChecks(): void {
    this.state.recursion = 0;
    this.state.warnIfReject = 0;
    this.state.deferIfReject.active = false;
  }

  private checkClient(): Verdict {
    const s = this.state;
    s.deferIfPermit.active = false;
    this.resetChecks();
    const v = this.runList('client', s.namaddr, 'Client host');
    s.deferIfPermitClient = s.deferIfPermit.active;
    return v;
  }

  private checkHelo(helo: string | undefined): Verdict {
    const s = this.state;
    if (helo === undefined) return { kind: 'dunno' };
    const saved = s.helo;
    s.helo = helo;
    s.deferIfPermit.active = s.deferIfPermitClient;
    this.resetChecks();
    try {
      const v = this.runList('helo', helo, 'Helo command');
      s.deferIfPermitHelo = s.deferIfPermit.active;
      return v;
    } finally {
      s.helo = saved;
    }
  }

  private checkMail(sender: string): Verdict {
    const s = this.state;
    const saved = s.sender;
    s.sender = sender;
    s.deferIfPermit.active = s.deferIfPermitClient || s.deferIfPermitHelo;
    s.senderRcptmapChecked = false;
    s.senderCheckedKnown = true;
    this.resetChecks();
    try {
      let v = this.runList('sender', sender, 'Sender address');
      s.deferIfPermitSender = s.deferIfPermit.active;
      if (this.view.flag('smtpd_reject_unlisted_sender') && v.kind !== 'reject' && !s.senderRcptmapChecked && !s.discard && sender !== '') {
        v = this.evaluator.senderRecipientTables({ list: 'smtpd_reject_unlisted_sender', word: { text: 'smtpd_reject_unlisted_sender', origin: this.view.origin('smtpd_reject_unlisted_sender') } }, sender);
      }
      return v;
    } finally {
      s.sender = saved;
    }
  }

  /**
   * The replies smtpd gives before a command runs: access denied at connect, and, where TLS is
   * mandatory (encrypt, or the older smtpd_enforce_tls), every command but HELO/EHLO until STARTTLS.
   */
  private denied(stage: Stage, command: string, argument: string): boolean {
    if (this.accessDenied) {
      const again = this.accessDenied.line.slice(1, 3) === '21';
      this.step(stage, command, argument, again ? this.accessDenied : parseReply(`503 5.7.0 Error: access denied for ${this.state.namaddr}`));
      return true;
    }
    if (stage === 'helo' || this.input.tls || !this.tlsMandatory()) return false;
    this.step(stage, command, argument, parseReply('530 5.7.0 Must issue a STARTTLS command first'));
    return true;
  }

  private tlsMandatory(): boolean {
    const level = this.view.value('smtpd_tls_security_level');
    return level === 'encrypt' || (level === '' && this.view.flag('smtpd_enforce_tls'));
  }

  private connect(delay: boolean): boolean {
    if (!delay) {
      const v = this.checkClient();
      if (v.kind === 'reject') {
        if (this.hangup(v)) return false;
        this.accessDenied = v.reply;
        this.step('connect', '', this.state.namaddr, v.reply, v);
        return true;
      }
    }
    this.step('connect', '', this.state.namaddr, parseReply(`220 ${this.view.value('smtpd_banner')}`));
    return true;
  }

  /** An access table's HANGUP: smtpd drops the connection without a reply. */
  private hangup(v: Verdict): boolean {
    if (v.kind === 'reject' && v.reply.code === 0) this.closed = true;
    return this.closed;
  }

  private helo(delay: boolean): boolean {
    const helo = this.input.helo;
    if (helo === undefined) return true;
    const command = this.input.useHelo ? 'HELO' : 'EHLO';
    if (this.denied('helo', command, helo)) return true;
    this.state.where = 'HELO';
    if (!delay) {
      const v = this.checkHelo(helo);
      if (v.kind === 'reject') {
        if (this.hangup(v)) return false;
        this.step('helo', command, helo, v.reply, v);
        return true;
      }
    }
    this.state.helo = helo;
    this.step('helo', command, helo, parseReply(`250${this.input.useHelo ? ' ' : '-'}${this.view.value('myhostname')}`));
    return true;
  }

  private auth(): void {
    const login = this.input.sasl;
    if (login === undefined) return;
    if (this.denied('auth', 'AUTH', login)) return;
    let reply: Reply;
    if (this.input.helo === undefined || this.input.useHelo) reply = parseReply('503 5.5.1 Error: send EHLO first');
    else if (!this.view.flag('smtpd_sasl_auth_enable') || (this.view.flag('smtpd_tls_auth_only') && !this.input.tls)) reply = parseReply('503 5.5.1 Error: authentication not enabled');
    else {
      this.state.saslUser = login;
      reply = parseReply('235 2.7.0 Authentication successful');
    }
    this.step('auth', 'AUTH', login, reply);
  }

  private mail(delay: boolean): boolean {
    const sender = this.input.sender;
    const command = `MAIL FROM:<${sender}>`;
    if (this.denied('mail', command, sender)) return false;
    this.state.where = 'MAIL';
    if (this.view.flag('smtpd_helo_required') && this.state.helo === undefined) {
      this.step('mail', command, sender, parseReply('503 5.5.1 Error: send HELO/EHLO first'));
      return false;
    }
    if (sender !== '' && this.malformed(sender)) {
      this.step('mail', command, sender, parseReply('501 5.1.7 Bad sender address syntax'));
      return false;
    }
    if (!delay) {
      const v = this.checkMail(sender);
      if (this.hangup(v)) return false;
      if (v.kind === 'reject') {
        this.step('mail', command, sender, v.reply, v);
        return false;
      }
    }
    this.state.sender = sender;
    this.state.discard = false;
    this.step('mail', command, sender, parseReply('250 2.1.0 Ok'));
    return true;
  }

  private rcpt(recipient: string, inTransaction: boolean, delay: boolean): void {
    const command = `RCPT TO:<${recipient}>`;
    const outcome: RecipientOutcome = { address: recipient, accepted: false, deferred: false };
    this.result.recipients.push(outcome);
    if (this.denied('rcpt', command, recipient)) return;
    if (!inTransaction) {
      this.step('rcpt', command, recipient, parseReply('503 5.5.1 Error: need MAIL command'));
      return;
    }
    if (recipient === '' || this.malformed(recipient)) {
      this.step('rcpt', command, recipient, parseReply('501 5.1.3 Bad recipient address syntax'));
      return;
    }
    this.state.where = 'RCPT';
    const v = recipient.toLowerCase() === 'postmaster' ? ({ kind: 'dunno' } as Verdict) : this.checkRcpt(recipient, delay);
    if (this.hangup(v)) return;
    if (v.kind === 'reject') {
      this.step('rcpt', command, recipient, v.reply, v);
      outcome.deferred = v.reply.line.startsWith('4');
      return;
    }
    this.state.rcptCount++;
    this.firstRecipient ??= recipient;
    outcome.accepted = true;
    outcome.route = recipientFlow(this.resolver, this.view, this.tables, recipient, this.state.sender ?? '');
    if (outcome.route.warnings) this.result.warnings.push(...outcome.route.warnings);
    this.step('rcpt', command, recipient, parseReply('250 2.1.5 Ok'));
  }

  private firstRecipient?: string;

  /**
   * smtpd's sanity check of an envelope address before any restriction: trivial-rewrite finds it
   * malformed, or its domain is not ASCII while the client did not ask for SMTPUTF8 (the simulated
   * client never does).
   */
  private malformed(address: string): boolean {
    const r = this.resolver.resolve(address);
    return r.malformed === true || /[^\x00-\x7f]/.test(r.domain);
  }

  private checkRcpt(recipient: string, delay: boolean): Verdict {
    const s = this.state;
    s.recipient = recipient;
    s.recipientRcptmapChecked = false;
    try {
      if (delay) {
        for (const v of [() => this.checkClient(), () => this.checkHelo(s.helo), () => this.checkMail(s.sender!)]) {
          const r = v();
          if (r.kind === 'reject') return r;
        }
      }
      s.deferIfPermit.active = s.deferIfPermitSender;
      this.resetChecks();
      let status: Verdict = { kind: 'dunno' };
      for (const list of this.recipientLists()) {
        status = this.runList(list, recipient, 'Recipient address');
        if (status.kind === 'reject') break;
      }
      if (status.kind !== 'reject' && s.deferIfPermit.active) status = this.deferredPermit();
      if (this.view.flag('smtpd_reject_unlisted_recipient') && status.kind !== 'reject' && !s.recipientRcptmapChecked && !s.discard) {
        const word = { text: 'smtpd_reject_unlisted_recipient', origin: this.view.origin('smtpd_reject_unlisted_recipient') };
        const before = this.trace.length;
        try {
          status = this.evaluator.rcptMaps({ list: 'smtpd_reject_unlisted_recipient', word }, recipient, 'Recipient address');
        } catch (err) {
          if (!(err instanceof CheckAbort)) throw err;
          status = err.verdict;
        }
        if (this.trace.length === before) this.trace.push({ list: 'smtpd_reject_unlisted_recipient', restriction: 'smtpd_reject_unlisted_recipient', result: status.kind === 'reject' ? 'reject' : 'dunno', origin: word.origin, detail: status.kind === 'reject' ? status.reply.line : undefined });
      }
      return status;
    } finally {
      s.recipient = undefined;
    }
  }

  /**
   * The RCPT TO lists in their order: smtpd_relay_before_recipient_restrictions; below compatibility level 1 with no
   * smtpd_relay_restrictions of its own, Postfix evaluates a stand-in relay list last, only to warn.
   */
  private recipientLists(): ListName[] {
    const compatFallback = this.view.setting('smtpd_relay_restrictions') === undefined && this.view.expand('${{$compatibility_level} <level {1} ? {yes} : {}}') === 'yes';
    return this.view.flag('smtpd_relay_before_recipient_restrictions') && !compatFallback ? ['relay', 'recipient'] : ['recipient', 'relay'];
  }

  private deferredPermit(): Verdict {
    const d = this.state.deferIfPermit;
    return this.evaluator.reject(d.by!, d.errorClass, d.code, d.dsn, d.text);
  }

  private data(inTransaction: boolean): void {
    if (this.denied('data', 'DATA', '')) return;
    const s = this.state;
    if (s.rcptCount === 0) {
      this.step('data', 'DATA', '', parseReply(inTransaction ? '554 5.5.1 Error: no valid recipients' : '503 5.5.1 Error: need RCPT command'));
      return;
    }
    s.where = 'DATA';
    s.recipient = s.rcptCount > 1 ? undefined : this.firstRecipient;
    s.deferIfPermit.active = false;
    this.resetChecks();
    let v = this.evaluator.runList(this.lists.data, 'smtpd_data_restrictions', 'DATA', 'Data command', undefined);
    if (v.kind !== 'reject' && s.deferIfPermit.active) v = this.deferredPermit();
    if (this.hangup(v)) return;
    if (v.kind === 'reject') {
      this.step('data', 'DATA', '', v.reply, v);
      for (const r of this.result.recipients) if (r.accepted) Object.assign(r, { accepted: false, deferred: v.reply.line.startsWith('4') });
      return;
    }
    this.step('data', 'DATA', '', parseReply('354 End data with <CR><LF>.<CR><LF>'));
  }
}
