// The configuration the simulator reads for a Postfix configuration in the workspace: main.cf and
// master.cf (the editor's buffers when open, else the disk), and the files they name. Tables are
// named by their installed path (/etc/postfix/access): they are read beside main.cf when the
// configuration is edited away from /etc/postfix, else where they are.
import { pathToFileURL } from 'node:url';
import type { SimulatorConfig } from '../postfix/simulator';
import { targetRelease } from './postfixTarget';
import type { ServiceContext } from './service';

export type ReadUri = (uri: string) => string | undefined;

/**
 * main.cf (empty when there is none) and master.cf (the stock smtpd when there is none), for the
 * target Postfix release (postfixTarget.ts: the user's setting, else the newest release).
 */
export function simulatorConfig(files: { mainUri?: string; masterUri?: string }, read: ReadUri, ctx: Pick<ServiceContext, 'postfixVersion'>): SimulatorConfig {
  const { mainUri, masterUri } = files;
  const masterCf = masterUri ? read(masterUri) : undefined;
  const folder = (mainUri ?? masterUri)?.replace(/[^/]*$/, '');
  const readFile = (path: string) => {
    if (!path.startsWith('/')) return undefined;
    const beside = folder && path.startsWith('/etc/postfix/') ? read(folder + encodeURI(path.slice('/etc/postfix/'.length))) : undefined;
    return beside ?? read(pathToFileURL(path).href);
  };
  return { mainCf: (mainUri && read(mainUri)) || '', masterCf, mainCfPath: mainUri, masterCfPath: masterCf === undefined ? undefined : masterUri, readFile, postfixVersion: targetRelease(ctx) };
}
