import { parseSaslauthdDefaults } from '../../parsers/saslauthdDefaults';
import { parsePerVersion } from '../parseCache';

export const parsedSaslauthd = parsePerVersion(parseSaslauthdDefaults);
