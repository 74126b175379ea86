// Which server a remote command talks to: one of `mailconf.servers` that has SSH settings, or a
// USER@HOST[:PORT] typed in. Callers (and the extension tests) may pass a server directly.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { isSshError } from '../../../server/src/ssh/errors';
import { makeTarget, parseDestination, type SshTarget } from '../../../server/src/ssh/target';
import { configuredServers, type ServerConfig } from '../smtp/servers';

/** What a remote command accepts as its first argument, so other commands and tests can skip the pickers. */
export interface RemoteArgs {
  server?: ServerConfig;
  /** known_hosts files instead of ~/.ssh/known_hosts. */
  knownHostsFiles?: string[];
}

export interface PickedServer {
  config: ServerConfig;
  target: SshTarget;
}

function expandHome(p: string | undefined): string | undefined {
  return p?.replace(/^~(?=$|\/)/, homedir());
}

export function targetOf(server: ServerConfig): SshTarget {
  return makeTarget({
    name: server.name,
    host: server.host,
    port: server.ssh?.port,
    user: server.ssh?.user,
    identityFile: expandHome(server.ssh?.identityFile),
    configDir: server.postfixConfigDir,
    postconfPath: server.postconfPath,
  });
}

function usable(server: ServerConfig): PickedServer | undefined {
  try {
    return { config: server, target: targetOf(server) };
  } catch (err) {
    void vscode.window.showErrorMessage(l10n.t('The SSH settings of {0} are not usable: {1}', server.name, isSshError(err) ? err.message : String(err)));
    return undefined;
  }
}

export async function pickSshServer(args?: RemoteArgs): Promise<PickedServer | undefined> {
  if (args?.server) return usable(args.server);
  const servers = configuredServers().filter((s) => s.ssh?.user);
  if (servers.length === 1) return usable(servers[0]);
  if (servers.length > 1) {
    const picked = await vscode.window.showQuickPick(
      servers.map((s) => ({ label: s.name, description: `${s.ssh!.user}@${s.host}${s.ssh?.port ? `:${s.ssh.port}` : ''}`, server: s })),
      { title: l10n.t('Which server (over SSH)?') },
    );
    return picked && usable(picked.server);
  }
  const typed = await vscode.window.showInputBox({
    title: l10n.t('Server over SSH'),
    prompt: l10n.t('USER@HOST[:PORT] (add servers with an ssh user to the mailconf.servers setting to skip this)'),
    placeHolder: 'root@mail1.org',
    validateInput: (v) => {
      try {
        parseDestination(v.trim());
        return undefined;
      } catch {
        return l10n.t('Expected USER@HOST or USER@HOST:PORT');
      }
    },
  });
  if (!typed) return undefined;
  const d = parseDestination(typed.trim());
  return usable({ name: typed.trim(), host: d.host, ports: [25, 465, 587], ssh: { user: d.user, port: d.port } });
}
