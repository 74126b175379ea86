// Postfix lookup-table sources: key whitespace value, continuation lines.
import { parsePostfixMap } from '../../../server/src/parsers/postfixMap';
import { corpus } from '../corpus';
import { standardProperties } from '../standard';

const TOKENS = [' ', '\t', 'OK', 'REJECT', 'DUNNO', '550 go away', '@', '.', '#', 'relay:', 'smtp:', '[', ']', ':587', 'user@example.org', '/^re$/', 'PREPEND'];

export const properties = standardProperties({
  parser: 'postfixMap',
  flavour: { lines: corpus('map').lines, tokens: TOKENS },
  parse: parsePostfixMap,
  model: 'editor',
  languageId: 'postfix-map',
});
