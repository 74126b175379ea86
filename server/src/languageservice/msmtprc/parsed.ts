import { parseMsmtprc } from '../../parsers/msmtprc';
import { parsePerVersion } from '../parseCache';

export const parsedMsmtprc = parsePerVersion(parseMsmtprc);
