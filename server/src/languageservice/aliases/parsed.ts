import { parseAliases } from '../../parsers/aliases';
import { parsePerVersion } from '../parseCache';

export const parsedAliases = parsePerVersion(parseAliases);
