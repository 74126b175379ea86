// Generated main.cf files for the differential test: real parameter names (from the lab and the
// fixtures), names Postfix derives from master.cf services and restriction classes, and unknown
// names; values with $name, ${name}, $(name), ${name?{a}:{b}}, $$ and braces; continuation lines,
// comments, blank lines, duplicates, CRLF, odd spacing, and now and then a line Postfix rejects.
import fc from 'fast-check';
import { corpus } from '../corpus';

function corpusNames(): string[] {
  const names = new Set<string>();
  for (const l of corpus('maincf').lines) {
    const m = /^([A-Za-z0-9_]+)\s*=/.exec(l);
    if (m) names.add(m[1]);
  }
  return [...names];
}

const KNOWN = ['myhostname', 'mydomain', 'myorigin', 'mydestination', 'relayhost', 'mynetworks', 'inet_interfaces', 'smtpd_banner', 'alias_maps', 'virtual_alias_maps', 'smtpd_restriction_classes', 'smtpd_recipient_restrictions', 'smtpd_tls_security_level', 'smtp_tls_security_level', 'message_size_limit', 'compatibility_level', 'maillog_file', 'queue_directory', 'header_checks', 'transport_maps', 'mynetworks_style', 'inet_protocols'];
// Names that only mean something through master.cf (the lab's services) or a restriction class.
const DERIVED = ['submission_delivery_slot_cost', 'smtp_destination_concurrency_limit', 'relay_initial_destination_concurrency', 'port25_recipient_restrictions', 'mua_client_restrictions', 'my_class', 'permit_mynetworks_class'];
const UNKNOWN = ['foo', 'bar_baz', 'x1', 'custom_thing', 'UPPER', 'a.b', 'dash-name'];

const names = [...new Set([...corpusNames(), ...KNOWN, ...DERIVED, ...UNKNOWN])];
const name = fc.constantFrom(...names);

const word = fc.oneof(
  fc.constantFrom('yes', 'no', '0', '10240000', 'example.org', 'mail.example.org', '127.0.0.0/8', '[::1]/128', 'hash:/etc/postfix/virtual', 'permit_mynetworks', 'reject', 'reject_unauth_destination', 'inet:127.0.0.1:10023', 'my_class', 'ñandú', 'a,b', '#notacomment', '{', '}', '{ a b }', '$$', '100s', 'all'),
  // Values the host-dependent defaults and compatibility levels read.
  fc.constantFrom('3.6', '2', '3.6.1', 'loopback-only', '127.0.0.1', 'localhost', 'ipv4', 'ipv6', 'host', 'subnet', 'class', '[::1]'),
  fc.stringMatching(/^[a-z0-9_.:\/-]{1,10}$/),
);

const reference = fc.oneof(
  name.map((n) => `$${n}`),
  name.map((n) => `\${${n}}`),
  name.map((n) => `$(${n})`),
  fc.tuple(name, word).map(([n, w]) => `\${${n}?${w}}`),
  fc.tuple(name, word).map(([n, w]) => `\${${n}:${w}}`),
  fc.tuple(name, word, word).map(([n, a, b]) => `\${${n}?{${a}}:{${b}}}`),
  fc.tuple(name, word).map(([n, w]) => `\${{$${n}} == {${w}}?{yes}:{no}}`),
  fc.tuple(name, word).map(([n, w]) => `\${{$${n}} <level {${w}}?{old}:{new}}`),
);

const value = fc
  .array(fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: reference, weight: 2 }), { maxLength: 5 })
  .chain((parts) => fc.constantFrom(' ', ', ', ',', '  ').map((sep) => parts.join(sep)));

const space = fc.constantFrom('', ' ', '  ', '\t');

const setting = fc
  .tuple(name, space, space, value, fc.array(fc.tuple(fc.constantFrom(' ', '\t', '    '), value), { maxLength: 2 }))
  .map(([n, a, b, v, cont]) => [`${n}${a}=${b}${v}`, ...cont.map(([ws, c]) => ws + c)].join('\n'));

const line = fc.oneof(
  { arbitrary: setting, weight: 20 },
  { arbitrary: fc.constantFrom('# a comment', '   # indented comment', '', '   ', '#'), weight: 3 },
  // Postfix rejects or warns about these: keep them rare so most files get past the reader.
  { arbitrary: fc.constantFrom('missing_equals', '= no name', ' orphan continuation', 'name = ${unclosed', 'name = $', 'x = ${a?{b}'), weight: 1 },
);

/** A whole main.cf, with LF or CRLF line ends. */
export const mainCfConfig: fc.Arbitrary<string> = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\n', '\n', '\r\n'))
  .map(([lines, eol]) => lines.join('\n').split('\n').join(eol) + eol);
