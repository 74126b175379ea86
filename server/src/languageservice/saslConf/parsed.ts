import { saslConfTree } from '../../parsers/treeOf';
import { parsePerVersion } from '../parseCache';

export const parsedSaslConf = parsePerVersion(saslConfTree);
