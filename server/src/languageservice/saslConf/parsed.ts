import { parseSaslConf } from '../../parsers/saslConf';
import { parsePerVersion } from '../parseCache';

export const parsedSaslConf = parsePerVersion(parseSaslConf);
