import { parseDovecot } from '../../parsers/dovecot';
import { parsePerVersion } from '../parseCache';

export const parsedDovecot = parsePerVersion(parseDovecot);
