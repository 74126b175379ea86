import { parsePostfixMap } from '../../parsers/postfixMap';
import { parsePerVersion } from '../parseCache';

export const parsedMap = parsePerVersion(parsePostfixMap);
