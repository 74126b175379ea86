// ~/.msmtprc: sections, commands, quoted arguments.
import { parseMsmtprc } from '../../../server/src/parsers/msmtprc';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const TOKENS = ['account', 'account ', 'defaults', 'host', 'port', 'auth', 'tls', 'on', 'off', 'from', 'user', 'password', 'passwordeval', '"', ':', ',', '#', 'tls_trust_file', 'account default : ', ' ', '\t'];

export const properties = standardProperties({
  parser: 'msmtprc',
  flavour: { lines: corpus('msmtprc').lines, tokens: TOKENS },
  parse: parseMsmtprc,
  model: 'editor',
  languageId: 'msmtprc',
});
