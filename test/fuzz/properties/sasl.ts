// The SASL side: Dovecot configuration (sections, includes, continuations, quotes), Cyrus
// smtpd.conf (key: value) and /etc/default/saslauthd (shell assignments, OPTIONS flags).
import { parseDovecot } from '../../../server/src/parsers/dovecot';
import { parseSaslConf } from '../../../server/src/parsers/saslConf';
import { parseSaslauthdDefaults, parseSaslauthdOptions } from '../../../server/src/parsers/saslauthdDefaults';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const DOVECOT_TOKENS = ['service auth {', 'unix_listener ', '/var/spool/postfix/private/auth', '{', '}', ' = ', '=', 'mode', '0660', 'user', 'postfix', '!include ', '!include_try ', 'conf.d/*.conf', '<', '$', '#', '"', "'", '\\', ' ', '\t', 'protocol imap {', 'plugin {', 'auth_mechanisms', 'plain login'];
const CYRUS_TOKENS = ['pwcheck_method', 'mech_list', 'saslauthd_path', ':', ': ', 'saslauthd', 'PLAIN LOGIN', '#', ' ', '\t', '-', '_', 'Mech_List'];
const SASLAUTHD_TOKENS = ['START', 'OPTIONS', 'MECHANISMS', '=', '"', "'", 'yes', '-c', '-m', ' /var/spool/postfix/var/run/saslauthd', '-a', '-O', '-cm', '\\', '#', ' ', 'export ', '$OPTIONS'];

export const properties = [
  ...standardProperties({
    parser: 'dovecot',
    flavour: { lines: corpus('dovecot').lines, tokens: DOVECOT_TOKENS },
    parse: parseDovecot,
    model: 'editor',
    languageId: 'dovecot',
  }),
  ...standardProperties({
    parser: 'cyrus-sasl',
    flavour: { lines: corpus('cyrus-sasl').lines, tokens: CYRUS_TOKENS },
    parse: parseSaslConf,
    model: 'editor',
    languageId: 'cyrus-sasl',
  }),
  ...standardProperties({
    parser: 'saslauthd',
    flavour: { lines: corpus('saslauthd').lines, tokens: SASLAUTHD_TOKENS },
    // The flags of every assignment too, as the diagnostics read OPTIONS.
    parse: (text: string) => {
      const tree = parseSaslauthdDefaults(text);
      return { tree, flags: tree.assignments.map((a) => parseSaslauthdOptions(a.words)) };
    },
    model: 'editor',
    languageId: 'saslauthd',
  }),
];
