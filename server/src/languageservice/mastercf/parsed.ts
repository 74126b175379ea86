import { parseMasterCf } from '../../parsers/mastercf';
import { parsePerVersion } from '../parseCache';

export const parsedMasterCf = parsePerVersion(parseMasterCf);
