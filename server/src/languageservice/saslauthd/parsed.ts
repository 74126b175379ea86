import { saslauthdTree } from '../../parsers/treeOf';
import { parsePerVersion } from '../parseCache';

export const parsedSaslauthd = parsePerVersion(saslauthdTree);
