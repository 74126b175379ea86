// /etc/aliases: names, targets, quotes and continuation lines.
import { parseAliases } from '../../../server/src/parsers/aliases';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const TOKENS = [':', ': ', ',', ', ', '"', '|', '/', ':include:', '@', '\\', '#', 'root', 'postmaster', '"|/usr/bin/prog -a x"', ' ', '\t'];

export const properties = standardProperties({
  parser: 'aliases',
  flavour: { lines: corpus('aliases').lines, tokens: TOKENS },
  parse: parseAliases,
  model: 'editor',
  languageId: 'postfix-aliases',
});
