// The simulator on hand-written configurations whose answers the real smtpd gave (the same
// cases pass through smtpdDifferential.test.ts against Postfix itself): the lesson's three ports,
// the order of the lists, smtpd_delay_reject, the start-up refusal, access-table actions and
// where each verdict was written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulate, SimulationInputError } from '../../../../server/src/postfix/simulator';
import type { SimulationInput } from '../../../../server/src/postfix/simulator';

const LESSON_MAIN = `compatibility_level = 3.6
smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination
myhostname = smtp.mail1.org
mydestination = mail1.org, localhost
mynetworks = 127.0.0.0/8
smtpd_sasl_auth_enable = yes
smtpd_recipient_restrictions = permit_mynetworks,
                               permit_sasl_authenticated,
                               reject
port25_recipient_restrictions = permit_mynetworks,
                                reject_unauth_destination,
                                reject_unknown_client_hostname,
                                reject_rbl_client zen.spamhaus.org
`;
const LESSON_MASTER = `smtp      inet  n       -       y       -       -       smtpd
   -o smtpd_sasl_auth_enable=no
   -o smtpd_recipient_restrictions=$port25_recipient_restrictions
urd       inet  n       -       y       -       -       smtpd
   -o smtpd_tls_wrappermode=yes
submission inet n       -       y       -       -       smtpd
`;

function run(over: Partial<SimulationInput>) {
  return simulate({
    mainCf: LESSON_MAIN,
    masterCf: LESSON_MASTER,
    mainCfPath: '/etc/postfix/main.cf',
    masterCfPath: '/etc/postfix/master.cf',
    port: 25,
    client: { address: '192.168.255.200' },
    helo: 'host.example',
    sender: 'usuario@mail1.org',
    recipients: ['usuario@mail2.org'],
    ...over,
  });
}

const rcptLines = (r: ReturnType<typeof simulate>) => r.steps.filter((s) => s.stage === 'rcpt').map((s) => s.reply.line);

describe('the session simulator', () => {
  it('submission with mandatory TLS: every command but EHLO waits for STARTTLS, as smtpd answers', () => {
    const masterCf = `${LESSON_MASTER}   -o smtpd_tls_security_level=encrypt\n`;
    const plain = run({ port: 587, masterCf, sasl: 'usuario' });
    assert.deepEqual(
      plain.steps.map((s) => `${s.stage} ${s.reply.code === 530 ? s.reply.line : s.reply.code}`),
      ['connect 220', 'helo 250', ...['auth', 'mail', 'rcpt', 'data'].map((stage) => `${stage} 530 5.7.0 Must issue a STARTTLS command first`)],
    );
    assert.equal(run({ port: 587, masterCf, sasl: 'usuario', tls: true }).recipients[0].accepted, true);
    assert.equal(run({ port: 587, mainCf: `${LESSON_MAIN}smtpd_enforce_tls = yes\n` }).steps.find((s) => s.stage === 'mail')?.reply.code, 530);
  });

  it('vm25 to mail2.org: 454 from defer_unauth_destination in smtpd_relay_restrictions, line 2 of main.cf', () => {
    const r = run({});
    const rcpt = r.steps.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply.line, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
    assert.deepEqual(rcpt.reply, { code: 454, enhanced: '4.7.1', line: '454 4.7.1 <usuario@mail2.org>: Relay access denied' });
    assert.deepEqual([rcpt.decidedBy?.list, rcpt.decidedBy?.restriction, rcpt.decidedBy?.file, rcpt.decidedBy?.line], ['smtpd_relay_restrictions', 'defer_unauth_destination', '/etc/postfix/main.cf', 2]);
    assert.deepEqual(
      rcpt.evaluated.map((e) => `${e.restriction}=${e.result}`),
      ['permit_mynetworks=dunno', 'permit_sasl_authenticated=dunno', 'defer_unauth_destination=defer'],
    );
    assert.deepEqual(r.recipients, [{ address: 'usuario@mail2.org', accepted: false, deferred: true }]);
  });

  it('the relay list runs after the recipient list when smtpd_relay_before_recipient_restrictions = no', () => {
    const r = run({ mainCf: LESSON_MAIN + 'smtpd_relay_before_recipient_restrictions = no\n' });
    const rcpt = r.steps.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply.line, '554 5.7.1 <usuario@mail2.org>: Relay access denied');
    // The word comes from $port25_recipient_restrictions: main.cf line 11, not master.cf.
    assert.deepEqual([rcpt.decidedBy?.list, rcpt.decidedBy?.line, rcpt.decidedBy?.file], ['smtpd_recipient_restrictions', 11, '/etc/postfix/main.cf']);
  });

  it('vm25 to our own domain without a client name: 450 4.7.25 from reject_unknown_client_hostname', () => {
    const r = run({ recipients: ['postmaster@mail1.org'] });
    assert.deepEqual(rcptLines(r), ['450 4.7.25 Client host rejected: cannot find your hostname, [192.168.255.200]']);
    const named = run({ recipients: ['info@mail1.org'], client: { address: '192.168.255.200', hostname: 'pc.mail1.org' } });
    // With a name, the RBL decides: that depends on DNS, and the session says so.
    assert.equal(named.dependsOnDns, true);
    assert.ok(named.steps.some((s) => s.evaluated.some((e) => e.restriction === 'reject_rbl_client' && e.result === 'depends on DNS')));
  });

  it('vm25 with AUTH: smtpd refuses AUTH (503) and the relay is still refused', () => {
    const r = run({ sasl: 'usuario' });
    assert.equal(r.steps.find((s) => s.stage === 'auth')?.reply.line, '503 5.5.1 Error: authentication not enabled');
    assert.deepEqual(rcptLines(r), ['454 4.7.1 <usuario@mail2.org>: Relay access denied']);
  });

  it('vm587 authenticated relays to mail2.org; unauthenticated it is refused by the main.cf reject', () => {
    const ok = run({ port: 587, sasl: 'usuario' });
    assert.deepEqual(rcptLines(ok), ['250 2.1.5 Ok']);
    assert.equal(ok.steps.at(-1)?.reply.line, '354 End data with <CR><LF>.<CR><LF>');
    const delivery = { class: 'default', address: 'usuario@mail2.org', transport: 'smtp', nexthop: 'mail2.org', origin: { parameter: 'default_transport' } } as const;
    assert.deepEqual(ok.recipients[0].route, { ...delivery, rewrites: [], deliveries: [delivery] });
    const no = run({ port: 587, recipients: ['usuario@mail1.org'] });
    assert.deepEqual(rcptLines(no), ['554 5.7.1 <usuario@mail1.org>: Recipient address rejected: Access denied']);
    assert.equal(no.steps.find((s) => s.stage === 'data')?.reply.line, '554 5.5.1 Error: no valid recipients');
  });

  it('finds the service by name or by port, and says which exist when none matches', () => {
    assert.equal(run({ port: undefined, service: 'urd' }).service.port, 465);
    assert.throws(() => run({ port: 2525 }), SimulationInputError);
    assert.throws(() => run({ port: undefined, service: 'nosuch' }), /smtp, urd, submission/);
  });

  it('smtpd refuses to start without a working reject_unauth_destination', () => {
    const r = simulate({ mainCf: 'smtpd_relay_restrictions = permit_mynetworks\nsmtpd_recipient_restrictions = permit\n', port: 25, client: { address: '192.0.2.1' }, sender: 'a@b.example', recipients: ['c@d.example'] });
    assert.match(r.fatal ?? '', /^in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of: reject_unauth_destination, .* or check_relay_domains$/);
    assert.deepEqual(r.steps, []);
  });

  it('with smtpd_delay_reject = no a client refusal replaces the greeting and every later command gets 503', () => {
    const r = simulate({
      mainCf: 'smtpd_delay_reject = no\nsmtpd_client_restrictions = check_client_access inline:{ { 192.0.2.1 = REJECT go away } }\nsmtpd_relay_restrictions = reject_unauth_destination\n',
      port: 25,
      client: { address: '192.0.2.1' },
      helo: 'x.example',
      sender: 'a@b.example',
      recipients: ['c@d.example'],
    });
    assert.deepEqual(
      r.steps.map((s) => s.reply.line),
      [
        '554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: go away',
        '503 5.7.0 Error: access denied for unknown[192.0.2.1]',
        '503 5.7.0 Error: access denied for unknown[192.0.2.1]',
        '503 5.7.0 Error: access denied for unknown[192.0.2.1]',
        '503 5.7.0 Error: access denied for unknown[192.0.2.1]',
      ],
    );
  });

  it('reads access tables: parent domains, restriction classes, DEFER_IF_PERMIT and numeric codes', () => {
    const base = 'smtpd_relay_restrictions = reject_unauth_destination\nmydestination = mail1.org\nsmtpd_restriction_classes = strict\nstrict = reject_non_fqdn_sender, reject\n';
    const one = (line: string, sender: string, rcpt = 'u@mail1.org') =>
      simulate({ mainCf: base + line, port: 25, client: { address: '192.0.2.1' }, helo: 'h.example', sender, recipients: [rcpt] }).steps.find((s) => s.stage === 'rcpt')!.reply.line;
    assert.equal(one('smtpd_sender_restrictions = check_sender_access inline:{ example.com=REJECT }', 'a@sub.example.com'), '554 5.7.1 <a@sub.example.com>: Sender address rejected: Access denied');
    assert.equal(one('smtpd_sender_restrictions = check_sender_access inline:{ example.com=strict }', 'a@sub.example.com'), '554 5.7.1 <a@sub.example.com>: Sender address rejected: Access denied');
    assert.equal(one('smtpd_sender_restrictions = check_sender_access inline:{ a@=defer_if_permit }', 'a@x.example'), '450 4.7.1 <a@x.example>: Sender address rejected: Service unavailable');
    assert.equal(one('smtpd_recipient_restrictions = check_recipient_access inline:{ { u@mail1.org = 550 5.1.1 no such user } }', 'a@x.example'), '550 5.1.1 <u@mail1.org>: Recipient address rejected: no such user');
    assert.equal(one('smtpd_sender_restrictions = check_sender_access inline:{ { a@x.example = 550 5.1.1 unknown } }', 'a@x.example'), '550 5.1.7 <a@x.example>: Sender address rejected: unknown');
    assert.equal(one('smtpd_sender_restrictions = warn_if_reject reject', 'a@x.example'), '250 2.1.5 Ok');
    // An inline item without '=' breaks the table: every lookup is a server error.
    assert.equal(one('smtpd_sender_restrictions = check_sender_access inline:{ a@x.example=REJECT no }', 'a@x.example'), '451 4.3.5 <a@x.example>: Sender address rejected: Server configuration error');
    assert.equal(one('smtpd_sender_restrictions = check_sender_access inline:{ a@x.example=OK }', 'a@x.example', 'u@other.example'), '554 5.7.1 <u@other.example>: Relay access denied');
  });

  it('reads hash: tables from the source text beside the .db, with the line that matched', () => {
    const files: Record<string, string> = { '/etc/postfix/client_access': '# blocked\n192.0.2 REJECT no\n' };
    const r = simulate({
      mainCf: 'smtpd_relay_restrictions = reject_unauth_destination\nsmtpd_client_restrictions = check_client_access hash:/etc/postfix/client_access\n',
      readFile: (p) => files[p],
      port: 25,
      client: { address: '192.0.2.7' },
      sender: 'a@b.example',
      recipients: ['c@d.example'],
    });
    const rcpt = r.steps.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply.line, '554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: no');
    assert.match(rcpt.evaluated[0].detail ?? '', /line 2: 192\.0\.2 REJECT no/);
  });

  it('smtpd_helo_required refuses MAIL before HELO', () => {
    const r = simulate({ mainCf: 'smtpd_helo_required = yes\nsmtpd_relay_restrictions = reject_unauth_destination\n', port: 25, client: { address: '192.0.2.1' }, sender: 'a@b.example', recipients: ['c@d.example'] });
    assert.deepEqual(r.steps.slice(1).map((s) => s.reply.line), ['503 5.5.1 Error: send HELO/EHLO first', '503 5.5.1 Error: need MAIL command', '503 5.5.1 Error: need RCPT command']);
  });

  it('an unknown user is refused only "if unlisted" when an alias table smtpd asks first cannot be read', () => {
    const mainCf = 'myhostname = mx.example.org\nmydestination = example.org\nlocal_recipient_maps = hash:/etc/postfix/users\nsmtpd_relay_restrictions = reject_unauth_destination\n';
    const files: Record<string, string> = { '/etc/postfix/users': 'ana x\n', '/etc/postfix/aliases': 'bob ana\n' };
    const session = (extra: string, recipient: string) => simulate({ mainCf: mainCf + extra, readFile: (p) => files[p], port: 25, client: { address: '192.0.2.1' }, helo: 'pc.example', sender: 'x@example.net', recipients: [recipient] });
    // Every table readable: the unknown user is refused, and one the alias table lists is not.
    assert.deepEqual(rcptLines(session('virtual_alias_maps = hash:/etc/postfix/aliases\n', 'carl@example.org')), ['550 5.1.1 <carl@example.org>: Recipient address rejected: User unknown in local recipient table']);
    assert.deepEqual(rcptLines(session('virtual_alias_maps = hash:/etc/postfix/aliases\n', 'bob@example.org')), ['250 2.1.5 Ok']);
    // The alias table is on a database server: it may list carl, so the refusal depends on it.
    const r = session('virtual_alias_maps = mysql:/etc/postfix/aliases.cf\n', 'carl@example.org');
    assert.equal(r.dependsOnDns, true);
    const note = r.steps.find((s) => s.stage === 'rcpt')?.evaluated.find((e) => e.result === 'depends on DNS');
    assert.match(note?.detail ?? '', /mysql:\/etc\/postfix\/aliases\.cf.*carl@example\.org.*550 5\.1\.1 <carl@example\.org>: Recipient address rejected: User unknown in local recipient table/);
  });

  it('derives mydomain from the myhostname in force, as the daemons do, not from the tables\' host', () => {
    const greet = (mainCf: string) => simulate({ mainCf: `compatibility_level = 3.6\n${mainCf}smtpd_banner = $mydomain ESMTP\n`, port: 25, client: { address: '127.0.0.1' }, sender: '', recipients: ['postmaster@localhost.localdomain'] });
    assert.equal(greet('myhostname = example.com\n').steps[0].reply.line, '220 com ESMTP');
    assert.equal(greet('myhostname = mx.mail.example.com\n').steps[0].reply.line, '220 mail.example.com ESMTP');
    // No dot: localdomain, so the default mydestination takes localhost.localdomain.
    const bare = greet('myhostname = relay\n');
    assert.equal(bare.steps[0].reply.line, '220 localdomain ESMTP');
    assert.deepEqual(rcptLines(bare), ['250 2.1.5 Ok']);
    assert.equal(greet('mydomain = example.net\nmyhostname = mx.$mydomain\n').steps[0].reply.line, '220 example.net ESMTP');
  });

  it('refuses an address trivial-rewrite sends to error or retry, with the next hop\'s text, as smtpd does', () => {
    const session = (extra: string, sender: string, recipient: string) =>
      simulate({ mainCf: `compatibility_level = 3.6\nmyhostname = mx.example.com\nmydestination = example.com\nrelayhost = [127.0.0.1]:9\nsmtpd_reject_unlisted_sender = yes\n${extra}`, port: 25, client: { address: '127.0.0.1' }, helo: 'localhost', sender, recipients: [recipient] });
    // smtpd's own answers (sweep of real configurations against the oracle, 5 Dec).
    assert.deepEqual(rcptLines(session('default_transport = error\n', 'bob@example.net', 'postmaster@example.com')), ['550 5.1.0 <bob@example.net>: Sender address rejected: [127.0.0.1]:9']);
    assert.deepEqual(rcptLines(session('default_transport = error:5.7.9 outbound mail is off here\n', 'bob@example.net', 'postmaster@example.com')), ['550 5.7.9 <bob@example.net>: Sender address rejected: outbound mail is off here']);
    assert.deepEqual(rcptLines(session('default_transport = retry:not now\n', 'bob@example.net', 'postmaster@example.com')), ['450 4.1.0 <bob@example.net>: Sender address rejected: not now']);
    assert.deepEqual(rcptLines(session('relay_domains = example.org\nrelay_transport = error\n', '', 'x@example.org')), ['550 5.1.1 <x@example.org>: Recipient address rejected: [127.0.0.1]:9']);
    assert.deepEqual(rcptLines(session('default_transport = error\nsmtpd_reject_unlisted_sender = no\nsmtpd_reject_unlisted_recipient = no\n', 'bob@example.net', 'postmaster@example.com')), ['250 2.1.5 Ok']);
    // The recipient is resolved with the session's sender, so sender-dependent transports count;
    // an unknown user of a virtual alias domain takes the same path (smtpd's replies, 5 Dec).
    const files: Record<string, string> = { '/etc/postfix/by-sender': 'alice@example.com error:5.7.1 no mail from alice\n' };
    const bySender = simulate({
      mainCf: 'compatibility_level = 3.6\nmyhostname = mx.example.com\nmydestination = example.com\nmynetworks = 127.0.0.0/8\nsender_dependent_default_transport_maps = texthash:/etc/postfix/by-sender\nvirtual_alias_domains = alias.example\nvirtual_alias_maps = texthash:/etc/postfix/by-sender\n',
      readFile: (p) => files[p],
      port: 25,
      client: { address: '127.0.0.1' },
      helo: 'localhost',
      sender: 'alice@example.com',
      recipients: ['postmaster@example.com', 'info@alias.example', 'carol@example.org'],
    });
    assert.deepEqual(rcptLines(bySender), ['250 2.1.5 Ok', '550 5.1.1 <info@alias.example>: Recipient address rejected: User unknown in virtual alias table', '550 5.7.1 <carol@example.org>: Recipient address rejected: no mail from alice']);
    // A transport table we cannot read might route the sender anywhere: no refusal is claimed
    // (the route would be "address resolver failure", which is ours, not the server's).
    assert.deepEqual(rcptLines(session('relay_domains = example.org\ntransport_maps = mysql:/etc/postfix/transport.cf\n', 'bob@example.org', 'postmaster@example.com')), ['250 2.1.5 Ok']);
  });

  it('refuses an envelope address trivial-rewrite finds malformed with 501, before any restriction, as smtpd does', () => {
    // Replies of the real smtpd (Postfix 3.7) to the same addresses from a client in mynetworks.
    const mainCf = `${LESSON_MAIN}local_recipient_maps =\n`;
    const trusted = { address: '127.0.0.1', hostname: 'localhost' };
    const recipients: Record<string, string> = {
      'x@!togotrek.com': '501 5.1.3 Bad recipient address syntax',
      'usuario@mail2..org': '501 5.1.3 Bad recipient address syntax',
      'usuario@-mail2.org': '501 5.1.3 Bad recipient address syntax',
      'x@mail2.org..': '501 5.1.3 Bad recipient address syntax',
      // A leading '-' could pass for a command-line option (allow_min_user = no).
      '-usuario@mail1.org': '501 5.1.3 Bad recipient address syntax',
      'usuario@[192.0.2.300]': '501 5.1.3 Bad recipient address syntax',
      // A bare address is no host name unless resolve_numeric_domain = yes.
      'usuario@192.168.255.1': '501 5.1.3 Bad recipient address syntax',
      // Non-ASCII domains need SMTPUTF8, which the simulated client does not ask for.
      'usuario@mäil.org': '501 5.1.3 Bad recipient address syntax',
      '': '501 5.1.3 Bad recipient address syntax',
      'usuario@[192.0.2.3]': '250 2.1.5 Ok',
      'usuario@mail_2.org': '250 2.1.5 Ok',
      'usuario@mail2.org.': '250 2.1.5 Ok',
      'x@a.b.c.123': '250 2.1.5 Ok',
      'üser@mail1.org': '250 2.1.5 Ok',
      'x@[IPv6:::1]': '250 2.1.5 Ok',
      postmaster: '250 2.1.5 Ok',
    };
    assert.deepEqual(rcptLines(run({ mainCf, client: trusted, sender: 'alice@mail1.org', recipients: Object.keys(recipients) })), Object.values(recipients));
    const mailLine = (sender: string, more = '') => run({ mainCf: mainCf + more, client: trusted, sender }).steps.find((st) => st.stage === 'mail')?.reply.line;
    for (const sender of ['bob@bad!domain', '-bob@mail2.org', 'bob@mäil.org']) assert.equal(mailLine(sender), '501 5.1.7 Bad sender address syntax', sender);
    assert.equal(mailLine(''), '250 2.1.0 Ok');
    assert.equal(mailLine('-bob@mail2.org', 'allow_min_user = yes\n'), '250 2.1.0 Ok');
    const numeric = run({ mainCf: `${mainCf}resolve_numeric_domain = yes\n`, client: trusted, recipients: ['usuario@192.168.255.1'] });
    assert.deepEqual(rcptLines(numeric), ['250 2.1.5 Ok']);
    assert.equal(numeric.recipients[0].route?.address, 'usuario@[192.168.255.1]');
  });

  it('runs the restrictions Postfix 3.9 removed as 3.7 does, and refuses them from 3.9 on', () => {
    // Replies of the real smtpd (Postfix 3.7) to the same sessions.
    const mainCf = `${LESSON_MAIN}relay_domains = example.net\nlocal_recipient_maps =\nsmtpd_relay_restrictions =\nsmtpd_recipient_restrictions = permit_naked_ip_address, reject_maps_rbl, check_relay_domains\n`;
    const recipients = ['usuario@mail1.org', 'x@sub.example.net', 'x@elsewhere.example'];
    const lines = (hostname: string | undefined, helo: string, postfixVersion?: string) =>
      rcptLines(run({ mainCf, masterCf: 'smtp inet n - y - - smtpd\n', postfixVersion, client: { address: '203.0.113.8', hostname }, helo, sender: 'bob@other.org', recipients }));
    const relayDenied = '554 5.7.1 <x@elsewhere.example>: Recipient address rejected: Relay access denied';
    // check_relay_domains: a client named in relay_domains (or below it) relays; others reach our domains only.
    assert.deepEqual(lines('mail.example.net', 'mail.example.net'), ['250 2.1.5 Ok', '250 2.1.5 Ok', '250 2.1.5 Ok']);
    assert.deepEqual(lines('mx.other.org', 'mx.other.org'), ['250 2.1.5 Ok', '250 2.1.5 Ok', relayDenied]);
    assert.deepEqual(lines(undefined, '[192.0.2.1]'), ['250 2.1.5 Ok', '250 2.1.5 Ok', relayDenied]);
    // permit_naked_ip_address: a HELO that is a bare address permits; digits that are no address are refused.
    assert.deepEqual(lines(undefined, '192.0.2.1'), ['250 2.1.5 Ok', '250 2.1.5 Ok', '250 2.1.5 Ok']);
    assert.deepEqual(lines(undefined, '999.1.1.1'), Array(3).fill('501 5.5.2 <999.1.1.1>: Helo command rejected: invalid ip address'));
    assert.deepEqual(lines('mx.other.org', 'mx.other.org', '3.9'), Array(3).fill('451 4.3.5 Server configuration error'));
  });
});
