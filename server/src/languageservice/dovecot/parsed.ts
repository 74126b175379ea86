import { dovecotTree } from '../../parsers/treeOf';
import { parsePerVersion } from '../parseCache';

export const parsedDovecot = parsePerVersion(dovecotTree);
