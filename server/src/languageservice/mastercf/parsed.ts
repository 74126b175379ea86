import { masterCfTree } from '../../parsers/treeOf';
import { parsePerVersion } from '../parseCache';

export const parsedMasterCf = parsePerVersion(masterCfTree);
