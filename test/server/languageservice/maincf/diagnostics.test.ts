// Each main.cf diagnostic: a fixture that shows it and a close one that must not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, mainDiagnostics, masterDiagnostics, only, STOCK_MASTER } from './helpers';

const has = (main: string, code: string, master?: string) => only(mainDiagnostics(main, master), code);

describe('main.cf diagnostics', () => {
  it('an unbalanced brace is an error only where Postfix groups with braces (lists, tables, restrictions)', () => {
    const text = 'smtpd_banner = $myhostname ESMTP }\nmailbox_command = /usr/bin/foo {bar\nalways_bcc = a@b }\n';
    assert.deepEqual(codes(mainDiagnostics(text)).filter((c) => c === 'syntax/unbalanced-braces'), []);
    assert.equal(codes(mainDiagnostics('smtpd_milters = { inet:localhost:8891, connect_timeout=10s\n')).filter((c) => c === 'syntax/unbalanced-braces').length, 1);
    assert.equal(codes(mainDiagnostics('virtual_alias_maps = inline:{ a@b=c\n')).filter((c) => c === 'syntax/unbalanced-braces').length, 1);
  });
  // smtpd and postscreen only unescape their expansion filters into a set of characters, so the
  // '$' in `postconf -d smtpd_expansion_filter` is one of them; postconf and the daemons take it as
  // it is, where the same text in smtpd_banner stops them ("empty macro name").
  it('takes a $ in an expansion filter as a character, and a $ without a name elsewhere as an error', () => {
    const filter = 'smtpd_expansion_filter = \\t\\40!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n';
    assert.deepEqual(mainDiagnostics(filter), []);
    assert.deepEqual(mainDiagnostics('postscreen_expansion_filter = ab$%c\n'), []);
    assert.deepEqual(codes(mainDiagnostics('smtpd_banner = x$%y\n')), ['syntax/empty-reference']);
  });
  it('reports syntax errors from the parser', () => {
    assert.deepEqual(codes(mainDiagnostics('myhostname\n')), ['syntax/missing-equals']);
    assert.deepEqual(mainDiagnostics('myhostname = a.example\n'), []);
  });

  describe('unknown-parameter, by postconf rules', () => {
    // ldap:name, mysql:name and the other database clients read name_server_host, name_hosts...
    // from main.cf when name is no file: postconf counts those names as used.
    it('knows the main.cf settings of a database table named without a file', () => {
      const main = 'virtual_mailbox_domains = ldap:domains\ndomains_server_host = ldap.example.org\ndomains_search_base = dc=example\nvirtual_alias_maps = proxy:mysql:aliases\naliases_hosts = db\n';
      assert.deepEqual(has(main, 'unknown-parameter'), []);
      assert.deepEqual(has(main + 'domains_hosts = db\n', 'unknown-parameter').map((d) => d.range.start.line), [5], 'hosts is no LDAP setting');
      assert.deepEqual(has('domains_server_host = ldap.example.org\n', 'unknown-parameter').length, 1);
      const master = 'smtp inet n - y - - smtpd\n  -o virtual_alias_maps=ldap:other\n';
      assert.deepEqual(has('other_server_host = ldap.example.org\n', 'unknown-parameter', master), []);
    });

    it('names the parameter with its range and the near match', () => {
      const [d] = has('myhostnme = x\n', 'unknown-parameter');
      assert.equal(String(d.message), "Unknown parameter 'myhostnme': Postfix ignores it and warns \"unused parameter\". Did you mean 'myhostname'?");
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
      assert.deepEqual((d.data as any).replaceWith, ['myhostname']);
      const [es] = only(mainDiagnostics('myhostnme = x\nrelayhost = $relay_host\n', undefined, 'es'), 'unknown-parameter');
      assert.equal(String(es.message), "Parámetro desconocido 'myhostnme': Postfix lo ignora y avisa «unused parameter». ¿Quería decir 'myhostname'?");
      const [ref] = only(mainDiagnostics('relayhost = $relay_hots\n', undefined, 'es'), 'undefined-reference');
      assert.match(String(ref.message), /^'\$relay_hots' remite a un parámetro que no está definido/);
    });
    it('accepts a user-defined name that main.cf references as $name', () => {
      assert.deepEqual(has('my_list = a\nmydestination = $my_list\n', 'unknown-parameter'), []);
      assert.equal(has('my_list = a\n', 'unknown-parameter').length, 1);
    });
    it('accepts a name that master.cf uses in -o, and smtpd_restriction_classes', () => {
      const master = 'smtp inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=$strict\n';
      assert.deepEqual(has('strict = reject_unauth_destination\n', 'unknown-parameter', master), []);
      assert.deepEqual(has('smtpd_restriction_classes = strict\nstrict = reject\n', 'unknown-parameter'), []);
    });
    it('a <service>_* name whose service master.cf lacks: says so and suggests the service, not an unrelated parameter', () => {
      const [d] = has('dovecot_destination_recipient_limit = 1\n', 'unknown-parameter', STOCK_MASTER);
      assert.match(String(d.message), /service named 'dovecot'.*Add the 'dovecot' service to master\.cf/);
      assert.doesNotMatch(String(d.message), /default_destination_recipient_limit/);
      assert.equal((d.data as any)?.replaceWith, undefined);
      const master = STOCK_MASTER + 'dovecot unix - n n - - pipe flags=DRhu user=vmail argv=/usr/lib/dovecot/deliver\n';
      assert.deepEqual(has('dovecot_destination_recipient_limit = 1\n', 'unknown-parameter', master), []);
      assert.match(String(has('myhostnme = x\n', 'unknown-parameter')[0].message), /Did you mean 'myhostname'/);
    });
    it('accepts <service>_* parameters of master.cf delivery services only when the service exists', () => {
      const main = 'relay_destination_concurrency_limit = 5\n';
      assert.deepEqual(has(main, 'unknown-parameter', STOCK_MASTER), []);
      assert.equal(has(main, 'unknown-parameter').length, 1);
    });
  });

  it('undefined-reference: a $name defined nowhere, with a near match', () => {
    const [d] = has('smtpd_client_restrictions = permit_mynetworks\nmydestination = $mynetwork\n', 'undefined-reference');
    assert.match(String(d.message), /'\$mynetwork'.*Did you mean 'mynetworks'\?/);
    assert.deepEqual(d.range, { start: { line: 1, character: 17 }, end: { line: 1, character: 26 } });
    assert.deepEqual(has('mydestination = $myhostname, ${mydomain}\n', 'undefined-reference'), []);
    assert.deepEqual(has('x = $only_in_master\nmydestination = $x\n', 'undefined-reference', 'smtp inet n - y - - smtpd -o only_in_master=1\n'), []);
  });

  it('no undefined-reference in a value Postfix never expands (the daemon fills in $EXTENSION and the like)', () => {
    assert.deepEqual(has('mailbox_command = /usr/bin/procmail -a "$EXTENSION"\n', 'undefined-reference'), []);
    assert.deepEqual(has('forward_path = $home/.forward${recipient_delimiter}$extension\n', 'undefined-reference'), []);
    assert.equal(has('relayhost = $EXTENSION\n', 'undefined-reference').length, 1);
    const master = 'smtp inet n - y - - smtpd\n  -o smtpd_reject_footer=$FOOTER_TEXT\n  -o myhostname=$NO_SUCH\n';
    assert.deepEqual(only(masterDiagnostics(master), 'undefined-reference').map((d) => d.range.start.line), [2]);
  });

  it('reference-loop: values that expand back to themselves stop postconf', () => {
    const ds = has('a = $b\nb = $a\nmyhostname = $a\n', 'reference-loop');
    assert.deepEqual(ds.map((d) => d.range.start.line), [0, 1]);
    assert.match(String(ds[0].message), /'\$b' leads back to a \(a → b → a\)/);
    assert.deepEqual(has('a = $b\nb = x\nmyhostname = $a\n', 'reference-loop'), []);
    assert.deepEqual(has('mydestination = $myhostname, localhost.$mydomain\n', 'reference-loop'), []);
  });

  it('duplicate-parameter: the later line, pointing at the earlier', () => {
    const [d] = has('myhostname = a\nbiff = no\nmyhostname = b\n', 'duplicate-parameter');
    assert.equal(d.range.start.line, 2);
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 0);
    assert.match(String(d.message), /line 1/);
    assert.deepEqual(has('myhostname = a\nmydomain = b\n', 'duplicate-parameter'), []);
  });

  describe('invalid values by type', () => {
    it('booleans, with the yes/no the author meant', () => {
      const [d] = has('smtpd_sasl_auth_enable = true\n', 'invalid-value');
      assert.match(String(d.message), /smtpd_sasl_auth_enable.*"true".*Did you mean 'yes'/);
      assert.deepEqual(d.range, { start: { line: 0, character: 25 }, end: { line: 0, character: 29 } });
      assert.deepEqual(has('smtpd_sasl_auth_enable = yes\n', 'invalid-value'), []);
    });
    it('time units', () => {
      assert.equal(has('maximal_queue_lifetime = 5x\n', 'invalid-value').length, 1);
      assert.deepEqual(has('maximal_queue_lifetime = 5d\n', 'invalid-value'), []);
    });
    it('no false errors: the case rules, units and bounds of Postfix itself', () => {
      const main = 'smtpd_tls_ciphers = HIGH\nsmtpd_use_tls = YES\nunknown_local_recipient_reject_code = 554\nsmtpd_timeout = 300sec\n';
      assert.deepEqual(has(main, 'invalid-value'), []);
      const [d] = has('virtual_minimum_uid = 0\n', 'invalid-value');
      assert.match(String(d.message), /at least 1/);
      const [es] = only(mainDiagnostics('virtual_minimum_uid = 0\n', undefined, 'es'), 'invalid-value');
      assert.equal(String(es.message), 'Valor no válido para virtual_minimum_uid: Postfix exige al menos 1, no 0');
    });
    it('a value Postfix only warns about is a warning: smtpd_tls_security_level = verify', () => {
      const [d] = has('smtpd_tls_security_level = verify\n', 'tolerated-value');
      assert.equal(d.severity, 2);
      assert.match(String(d.message), /uses encrypt instead/);
      assert.deepEqual(has('smtpd_tls_security_level = verify\n', 'invalid-value'), []);
      assert.equal(has('smtpd_tls_security_level = dane\n', 'invalid-value').length, 1);
    });
    it('enum values', () => {
      const [d] = has('smtpd_tls_security_level = mayy\n', 'invalid-value');
      assert.deepEqual((d.data as any).replaceWith, ['may']);
      assert.deepEqual(has('smtpd_tls_security_level = encrypt\n', 'invalid-value'), []);
    });
    it('an address in mynetworks that is not an address', () => {
      const [d] = has('mynetworks = 127.0.0.0/8, 192.168.300.0/24\n', 'invalid-network');
      assert.equal(d.severity, 1);
      assert.deepEqual(d.range, { start: { line: 0, character: 26 }, end: { line: 0, character: 42 } });
      assert.deepEqual(has('mynetworks = 127.0.0.0/8, 192.168.3.0/24 [::1]/128\n', 'invalid-network'), []);
      assert.equal(has('smtp inet n - y - - smtpd\n', 'invalid-network').length, 0);
    });
    it('unknown map types', () => {
      const [d] = has('alias_maps = hahs:/etc/aliases\n', 'unknown-map-type');
      assert.match(String(d.message), /'hahs'.*Did you mean 'hash'/);
      assert.deepEqual(d.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } });
      assert.deepEqual(has('alias_maps = hash:/etc/aliases, lmdb:/etc/x, proxy:unix:passwd.byname\n', 'unknown-map-type'), []);
      assert.deepEqual(has('smtpd_milters = inet:127.0.0.1:8891, unix:/run/opendkim.sock\n', 'unknown-map-type'), []);
      assert.equal(has('mydestination = localhost, hahs:/etc/postfix/domains\n', 'unknown-map-type').length, 1);
      // Types of other builds and later releases are not unknown to Postfix.
      assert.deepEqual(has('virtual_alias_maps = mongodb:/etc/postfix/mongo.cf, dbm:/etc/postfix/virtual\n', 'unknown-map-type'), []);
    });
    it('unknown restrictions, across continuation lines', () => {
      const [d] = has('smtpd_relay_restrictions = permit_sasl_authenticated,\n    permit_mynetwork,\n    reject_unauth_destination\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = may\n', 'unknown-restriction');
      assert.match(String(d.message), /'permit_mynetwork'.*Did you mean 'permit_mynetworks'/);
      assert.deepEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 20 } });
      assert.deepEqual(has('smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n', 'unknown-restriction'), []);
    });
    it('no unknown-restriction for names smtpd accepts without documenting them, or in another case', () => {
      const main = 'smtpd_sender_restrictions = reject_unknown_address, reject_rbl zen.spamhaus.org, Reject_Non_FQDN_Sender\n';
      assert.deepEqual(has(main, 'unknown-restriction'), []);
      assert.equal(has('smtpd_sender_restrictions = reject_unknown_adress\n', 'unknown-restriction').length, 1);
    });
    it('a missing argument: an error where smtpd answers with a server error, a warning where it only logs', () => {
      assert.equal(has('smtpd_client_restrictions = check_client_access\n', 'missing-restriction-argument')[0].severity, 1);
      assert.equal(has('smtpd_client_restrictions = permit_mynetworks, reject_rbl_client\n', 'missing-restriction-argument')[0].severity, 2);
      assert.deepEqual(has('smtpd_client_restrictions = reject_rbl_client zen.spamhaus.org\n', 'missing-restriction-argument'), []);
    });
    it('a restriction class without a value stops smtpd', () => {
      const [d] = has('smtpd_restriction_classes = strict, loose\nstrict = reject_unauth_destination\nloose =\n', 'restriction-class-undefined');
      assert.equal(d.severity, 1);
      assert.match(String(d.message), /'loose' has no value/);
      assert.deepEqual(d.range, { start: { line: 0, character: 36 }, end: { line: 0, character: 41 } });
      assert.deepEqual(has('smtpd_restriction_classes = strict\nstrict = reject_unauth_destination\n', 'restriction-class-undefined'), []);
    });
    it('a restriction in a list whose stage cannot see it', () => {
      const [d] = has('smtpd_etrn_restrictions = reject_unknown_sender_domain\n', 'restriction-wrong-list');
      // smtpd starts and skips it (ETRN has no sender): a warning, not an error.
      assert.equal(d.severity, 2);
      assert.deepEqual(has('smtpd_etrn_restrictions = permit_mynetworks, reject\n', 'restriction-wrong-list'), []);
    });
    it('checks a user-defined parameter used as a restriction list', () => {
      const master = 'smtp inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=$port25\n';
      assert.equal(has('port25 = permit_mynetworks, reject_unauth_destinatoin\n', 'unknown-restriction', master).length, 1);
      assert.deepEqual(has('port25 = permit_mynetworks, reject_unauth_destination\n', 'unknown-restriction', master), []);
    });
  });

  it('deprecated-parameter, with the replacement setting as a fix', () => {
    const [d] = has('smtp_use_tls = yes\n', 'deprecated-parameter');
    assert.match(String(d.message), /'smtp_use_tls' is deprecated since Postfix 3\.9.*smtp_tls_security_level/);
    assert.equal((d.data as any).replaceSetting.text, 'smtp_tls_security_level = may');
    assert.deepEqual(has('smtp_tls_security_level = may\n', 'deprecated-parameter'), []);
  });

  describe('smtpd-will-not-start: no relay control in either list (smtpd\'s own start-up check)', () => {
    it('says the SMTP server will not start and what to add, instead of calling it an open relay', () => {
      const main = 'smtpd_relay_restrictions = permit_mynetworks\nsmtpd_recipient_restrictions = permit_mynetworks\n';
      const [d] = has(main, 'smtpd-will-not-start');
      assert.equal(d.severity, 1);
      assert.equal(d.range.start.line, 0);
      assert.match(String(d.message), /will not start.*Add reject_unauth_destination to smtpd_relay_restrictions/);
      assert.deepEqual(has(main, 'open-relay'), []);
      const [es] = only(mainDiagnostics(main, undefined, 'es'), 'smtpd-will-not-start');
      assert.match(String(es.message), /no arrancará/);
      assert.equal(has('smtpd_relay_restrictions =\nsmtpd_recipient_restrictions = permit_mynetworks, check_client_access hash:/etc/postfix/access\n', 'smtpd-will-not-start').length, 1);
      // A bare permit before the control, or the control only behind warn_if_reject, does not count.
      assert.equal(has('smtpd_relay_restrictions = permit, reject_unauth_destination\n', 'smtpd-will-not-start').length, 1);
      assert.equal(has('smtpd_relay_restrictions = warn_if_reject reject_unauth_destination\n', 'smtpd-will-not-start').length, 1);
    });
    it('not in main.cf when every smtpd of master.cf brings its own relay lists', () => {
      const main = 'smtpd_relay_restrictions = permit_mynetworks\n';
      const own = 'smtp inet n - y - - smtpd\n  -o smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination\n';
      assert.deepEqual(has(main, 'smtpd-will-not-start', own), []);
      assert.equal(has(main, 'smtpd-will-not-start', own + 'submission inet n - y - - smtpd\n').length, 1);
    });
    it('not when either list holds a control, directly, in a restriction class, or in another case', () => {
      assert.deepEqual(has('smtpd_relay_restrictions = permit_mynetworks, defer_unauth_destination\n', 'smtpd-will-not-start'), []);
      assert.deepEqual(has('smtpd_relay_restrictions = permit_mynetworks, permit\nsmtpd_recipient_restrictions = reject_unauth_destination\n', 'smtpd-will-not-start'), []);
      assert.deepEqual(has('smtpd_restriction_classes = guard\nguard = reject_unauth_destination\nsmtpd_relay_restrictions = permit_mynetworks, guard\n', 'smtpd-will-not-start'), []);
      assert.deepEqual(has('smtpd_relay_restrictions = permit_mynetworks, REJECT_UNAUTH_DESTINATION\n', 'smtpd-will-not-start'), []);
    });
  });

  describe('relay-permits-all: smtpd_relay_restrictions ends in a bare permit', () => {
    it('a warning when only the recipient list refuses relaying, even with a narrow mynetworks', () => {
      const main = 'mynetworks = 127.0.0.0/8\nsmtpd_relay_restrictions = permit_mynetworks, permit\nsmtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination\n';
      const [d] = has(main, 'relay-permits-all');
      assert.equal(d.severity, 2);
      assert.equal(d.range.start.line, 1);
      assert.deepEqual(has(main, 'open-relay'), []);
      assert.deepEqual(has('smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination, permit\n', 'relay-permits-all'), []);
    });
    it('an open relay when the recipient list does not refuse either', () => {
      const main = 'smtpd_relay_restrictions = permit_mynetworks, permit\nsmtpd_recipient_restrictions = check_client_access static:OK, reject_unauth_destination\n';
      assert.equal(has(main, 'open-relay').length, 1);
      // defer_if_permit turns the permit into 450 for everyone: smtpd defers strangers, it does not relay for them.
      assert.deepEqual(has('smtpd_relay_restrictions = permit_mynetworks, permit\nsmtpd_recipient_restrictions = defer_if_permit\n', 'open-relay'), []);
    });
  });

  describe('open-relay', () => {
    it('when no list refuses foreign destinations but smtpd starts', () => {
      const [d] = has('smtpd_relay_restrictions = permit_mynetworks, warn_if_reject reject_unauth_destination, check_client_access static:OK, defer_unauth_destination\n', 'open-relay');
      assert.equal(d.severity, 1);
      assert.equal(d.range.start.line, 0);
    });
    it('when mynetworks covers the world', () => {
      // compatibility_level 3.6: below 1 the default relay list is empty and smtpd would not start.
      const [d] = has('mynetworks = 127.0.0.0/8, 0.0.0.0/0\ncompatibility_level = 3.6\n', 'open-relay');
      assert.deepEqual(d.range, { start: { line: 0, character: 26 }, end: { line: 0, character: 35 } });
      assert.match(String(d.message), /^Open relay: mynetworks includes 0\.0\.0\.0\/0/);
      const [v6] = has('mynetworks = [::]/0\ncompatibility_level = 3.6\n', 'open-relay');
      assert.deepEqual(v6.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 19 } });
      const [es] = only(mainDiagnostics('mynetworks = 0.0.0.0/0\ncompatibility_level = 3.6\n', undefined, 'es'), 'open-relay');
      assert.match(String(es.message), /^Relay abierto: mynetworks incluye 0\.0\.0\.0\/0/);
      assert.deepEqual(has('mynetworks = 127.0.0.0/8 [::1]/128\ncompatibility_level = 3.6\n', 'open-relay'), []);
      // A network that trusts one of the documentation ranges is not the world.
      assert.deepEqual(has('mynetworks = 127.0.0.0/8 192.0.2.0/24\ncompatibility_level = 3.6\n', 'open-relay'), []);
      // Not when no list lets mynetworks relay.
      assert.deepEqual(has('mynetworks = 0.0.0.0/0\nsmtpd_relay_restrictions = reject_unauth_destination\n', 'open-relay'), []);
    });
    it('not for the lesson restrictions, nor when the lists are not set', () => {
      const main = 'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination\nsmtpd_recipient_restrictions = permit_mynetworks, permit_sasl_authenticated, reject\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = may\n';
      assert.deepEqual(has(main, 'open-relay'), []);
      assert.deepEqual(has('myhostname = a.example\n', 'open-relay'), []);
    });
  });

  it('unreachable-restriction after an unconditional permit or reject', () => {
    const [d] = has('smtpd_recipient_restrictions = permit_mynetworks, reject, reject_rbl_client zen.spamhaus.org\n', 'unreachable-restriction');
    assert.deepEqual(d.range, { start: { line: 0, character: 58 }, end: { line: 0, character: 92 } });
    assert.deepEqual(has('smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination, reject\n', 'unreachable-restriction'), []);
  });

  describe('TLS and SASL consistency', () => {
    it('smtpd_tls_wrappermode = yes in main.cf', () => {
      assert.equal(has('smtpd_tls_wrappermode = yes\n', 'tls-wrappermode-global').length, 1);
      assert.deepEqual(has('smtpd_tls_wrappermode = no\n', 'tls-wrappermode-global'), []);
    });
    it('a certificate without its key, and a key without certificate', () => {
      assert.equal(has('smtpd_tls_cert_file = /etc/ssl/certs/mail.pem\n', 'tls-cert-without-key').length, 1);
      assert.equal(has('smtpd_tls_cert_file = /etc/ssl/certs/mail.pem\nsmtpd_tls_key_file =\n', 'tls-cert-without-key').length, 1);
      assert.deepEqual(has('smtpd_tls_cert_file = /etc/ssl/certs/mail.pem\nsmtpd_tls_key_file = /etc/ssl/private/mail.key\n', 'tls-cert-without-key'), []);
      assert.equal(has('smtpd_tls_key_file = /etc/ssl/private/mail.key\n', 'tls-key-without-cert').length, 1);
    });
    it('auth-without-tls: a warning that says how to tell a TLS proxy apart; information on loopback only', () => {
      const [d] = has('smtpd_sasl_auth_enable = yes\n', 'auth-without-tls');
      assert.equal(d.severity, 2);
      assert.match(String(d.message), /unless a TLS proxy in front of this port.*To tell: if clients connect to this port directly/);
      const [local] = has('smtpd_sasl_auth_enable = yes\ninet_interfaces = loopback-only\n', 'auth-without-tls');
      assert.equal(local.severity, 3);
      assert.match(String(local.message), /only this host can connect/);
      assert.equal(has('smtpd_sasl_auth_enable = yes\ninet_interfaces = 127.0.0.1, [::1]\n', 'auth-without-tls')[0].severity, 3);
      assert.equal(has('smtpd_sasl_auth_enable = yes\ninet_interfaces = 127.0.0.1, 192.0.2.1\n', 'auth-without-tls')[0].severity, 2);
      assert.deepEqual(has('smtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = may\n', 'auth-without-tls'), []);
      const [es] = only(mainDiagnostics('smtpd_sasl_auth_enable = yes\n', undefined, 'es'), 'auth-without-tls');
      assert.match(String(es.message), /proxy TLS/);
    });
    // smtpd announces AUTH only in a TLS session when smtpd_tls_auth_only = yes: without TLS no
    // password can cross in clear, but no client can log in either.
    it('auth-never-offered instead of auth-without-tls when AUTH waits for a TLS that is not offered', () => {
      const main = 'smtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n';
      assert.deepEqual(has(main, 'auth-without-tls'), []);
      const [d] = has(main, 'auth-never-offered');
      assert.equal(d.severity, 2);
      assert.equal(d.range.start.line, 1);
      assert.match(String(d.message), /never offered.*smtpd_tls_auth_only.*TLS is not offered.*cannot log in/);
      assert.deepEqual(has(main + 'smtpd_tls_security_level = may\n', 'auth-never-offered'), []);
      const [es] = only(mainDiagnostics(main, undefined, 'es'), 'auth-never-offered');
      assert.match(String(es.message), /nunca/);
      const master = 'submission inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n  -o smtpd_tls_auth_only=yes\n  -o smtpd_tls_security_level=none\n';
      const ds = only(masterDiagnostics(master, 'smtpd_tls_security_level = may\n'), 'auth-never-offered');
      assert.deepEqual(ds.map((x) => x.range.start.line), [2]);
      assert.deepEqual(only(masterDiagnostics(master, 'smtpd_tls_security_level = may\n'), 'auth-without-tls'), []);
    });
    it('auth-without-tls on a master.cf service that listens on 127.0.0.1 is information', () => {
      const master = '127.0.0.1:10587 inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\nsubmission inet n - n - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n';
      const ds = only(masterDiagnostics(master, 'smtpd_tls_security_level =\n'), 'auth-without-tls');
      assert.deepEqual(ds.map((d) => [d.range.start.line, d.severity]), [[1, 3], [3, 2]]);
    });
    it('no sasl-not-enabled on a list that is only Postfix\'s default, whatever the compatibility level', () => {
      const stock = 'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination\n';
      assert.deepEqual(has(stock, 'sasl-not-enabled'), []);
      assert.deepEqual(has(stock + 'compatibility_level = 0\n', 'sasl-not-enabled'), []);
      assert.equal(has('smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination\n', 'sasl-not-enabled').length, 1);
    });
    it('permit_sasl_authenticated while SASL is enabled nowhere (master.cf -o counts)', () => {
      const main = 'smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination\n';
      const [d] = has(main, 'sasl-not-enabled');
      assert.deepEqual(d.range, { start: { line: 0, character: 27 }, end: { line: 0, character: 52 } });
      assert.deepEqual(has(main + 'smtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = may\n', 'sasl-not-enabled'), []);
      assert.deepEqual(has(main, 'sasl-not-enabled', 'submission inet n - y - - smtpd -o smtpd_sasl_auth_enable=yes\n'), []);
      // Debian's main.cf spells out Postfix's default list, ready for SASL: not a mistake.
      const debian = 'compatibility_level = 3.6\nsmtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination\n';
      assert.deepEqual(has(debian, 'sasl-not-enabled'), []);
    });
    it('AUTH offered without TLS', () => {
      assert.equal(has('smtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = none\n', 'auth-without-tls').length, 1);
      assert.deepEqual(has('smtpd_sasl_auth_enable = yes\nsmtpd_tls_security_level = may\n', 'auth-without-tls'), []);
    });
    it('smtpd_tls_security_level = encrypt reaching port 25', () => {
      assert.equal(has('smtpd_tls_security_level = encrypt\n', 'tls-encrypt-port-25', STOCK_MASTER).length, 1);
      const master = STOCK_MASTER.replace('smtpd\n', 'smtpd -o smtpd_tls_security_level=may\n');
      assert.deepEqual(has('smtpd_tls_security_level = encrypt\n', 'tls-encrypt-port-25', master), []);
    });
  });
});
