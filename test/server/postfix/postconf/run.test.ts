// The emulation's rules on small inputs, without the real postconf (the differential test covers
// agreement with it). Facts asserted here were observed with Postfix 3.7.11.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mynetworksDefault, postconf } from '../../../../server/src/postfix/postconf';

const MASTER = 'smtp inet n - y - - smtpd\n';
const n = (mainCf: string, masterCf = MASTER, extra = {}) => postconf({ mainCf, masterCf }, { nonDefault: true, ...extra });

describe('postconf emulation', () => {
  it('prints main.cf settings sorted, with whitespace normalised', () => {
    const r = n('relayhost =\nbiff = no\nmydestination = a,\n    b\tc\n');
    assert.equal(r.stdout, 'biff = no\nmydestination = a, b c\nrelayhost =\n');
    assert.equal(r.stderr, '');
  });

  it('prints config_directory for a -c other than /etc/postfix', () => {
    assert.equal(postconf({ mainCf: 'biff = no\n', masterCf: MASTER }, { nonDefault: true, configDir: '/srv/pf' }).stdout, 'biff = no\nconfig_directory = /srv/pf\n');
  });

  it('warns about unused and undefined parameters, but not user-defined ones that are referenced', () => {
    const r = n('my_list = a\nsmtpd_client_restrictions = $my_list $nowhere\nmy_typo = x\n');
    assert.equal(r.stdout, 'my_list = a\nsmtpd_client_restrictions = $my_list $nowhere\n');
    assert.deepEqual(r.warnings.sort(), ['/etc/postfix/main.cf: undefined parameter: nowhere', '/etc/postfix/main.cf: unused parameter: my_typo=x']);
  });

  it('counts names used from master.cf -o, restriction classes and service-defined names', () => {
    const master = 'smtp inet n - y - - smtpd\n  -o smtpd_client_restrictions=$port_list\nx unix - n n - - pipe argv=/bin/true\n';
    const r = n('port_list = permit\nsmtpd_restriction_classes = cls\ncls = reject\nx_destination_recipient_limit = 1\n', master);
    assert.deepEqual(r.warnings, []);
    assert.match(r.stdout, /^x_destination_recipient_limit = 1$/m);
  });

  it('warns about duplicates with the line of the later entry and the earlier value', () => {
    const r = n('relayhost = a\nrelayhost = b\nrelayhost = b\n');
    assert.deepEqual(r.warnings, ['/etc/postfix/main.cf, line 2: overriding earlier entry: relayhost=a']);
    assert.equal(r.stdout, 'relayhost = b\n');
  });

  it('stops like postconf on a line without =', () => {
    const r = n('biff = no\njunk here\n');
    assert.deepEqual([r.exitCode, r.stdout, r.stderr], [1, '', 'postconf: fatal: /etc/postfix/main.cf, line 2: missing \'=\' after attribute name: "junk here"\n']);
  });

  it('shows non-printable characters as ? in warnings', () => {
    assert.deepEqual(n('foo = a\tb\n').stderr, 'postconf: warning: /etc/postfix/main.cf: unused parameter: foo=a?b\n');
  });

  it('expands with -x, taking defaults for what main.cf leaves out', () => {
    const r = n('myhostname = mx.example.org\nsmtpd_banner = $myhostname ESMTP $mail_name\n', MASTER, { expand: true });
    assert.match(r.stdout, /^smtpd_banner = mx\.example\.org ESMTP Postfix$/m);
  });

  it('prints master.cf entries in postconf -M columns, and -o values with blanks in braces', () => {
    const r = postconf({ mainCf: '', masterCf: 'sub inet n - y - - smtpd -o { a = x y } -o b=1\n' }, { masterEntries: true });
    assert.equal(r.stdout, 'sub        inet  n       -       y       -       -       smtpd -o {a=x y} -o b=1\n');
    const f = postconf({ mainCf: '', masterCf: 'sub inet n - y - - smtpd -o { a = x y } -o b=1\n' }, { masterEntries: true, fold: true });
    assert.equal(f.stdout, 'sub        inet  n       -       y       -       -       smtpd\n    -o {a=x y}\n    -o b=1\n');
  });

  it('rejects option combinations with postconf\'s message', () => {
    const r = postconf({ mainCf: '', masterCf: MASTER }, { masterEntries: true, nonDefault: true });
    assert.deepEqual([r.exitCode, r.stderr], [1, 'postconf: fatal: with option -M, do not specify -n\n']);
  });

  it('stops like postconf on settings its host defaults need', () => {
    assert.equal(n('inet_protocols = ipv4 bogus\n').stderr, 'postconf: fatal: unknown inet_protocols value "bogus" in "ipv4 bogus"\n');
    assert.equal(n('mynetworks_style = host subnet\n').stderr, 'postconf: fatal: bad mynetworks_style value: host subnet; specify exactly one value\n');
    const r = n('smtpd_restriction_classes = ${oops\n');
    assert.deepEqual([r.exitCode, r.stderr.split('\n').pop() === '' && r.stderr.trim().split('\n').pop()], [1, 'postconf: fatal: dictionary mail_dict: macro processing error']);
  });

  it('checks database client files and legacy names', () => {
    const r = postconf(
      { mainCf: 'alias_maps = mysql:/etc/pf/a.cf, ldap:src\nsrc_server_host = ldap.example\n', masterCf: MASTER, readFile: (p) => (p === '/etc/pf/a.cf' ? 'hosts = db\nquery = x\nbogus = 1\n' : undefined) },
      { nonDefault: true },
    );
    assert.deepEqual(r.warnings, ['mysql:/etc/pf/a.cf: unused parameter: bogus=1']);
  });

  it('computes the mynetworks default for each style', () => {
    const addrs = [
      { address: '127.0.0.1', prefix: 8, family: 'IPv4' as const },
      { address: '192.0.2.7', prefix: 24, family: 'IPv4' as const },
      { address: '2001:db8:0:0:1::5', prefix: 64, family: 'IPv6' as const },
    ];
    assert.equal(mynetworksDefault(addrs, 'subnet', 'all', 'all'), '127.0.0.0/8 192.0.2.0/24 [2001:db8::]/64');
    assert.equal(mynetworksDefault(addrs, 'host', 'all', 'ipv4'), '127.0.0.1/32 192.0.2.7/32');
    assert.equal(mynetworksDefault(addrs, 'class', 'loopback-only', 'all'), '127.0.0.0/8');
  });
});
