// The `mailconf.servers` setting: the mail servers the user tests (and, later, reaches over SSH).
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { ProfileName } from '../../../server/src/smtp/types';
import type { PortRequest } from './runner';

export interface ServerConfig {
  name: string;
  host: string;
  ports: number[];
  /** Profiles set per port in the setting, for ports whose number does not tell (a lab on 2525). */
  profiles?: Record<number, ProfileName | 'none'>;
  ehloName?: string;
  user?: string;
  /** The name the certificate must match, when `host` is an address or a tunnel. */
  servername?: string;
  tls?: { ca?: string; insecure?: boolean; allowPlaintextAuth?: boolean };
  ssh?: { port?: number; user?: string; identityFile?: string };
  postfixConfigDir?: string;
  postconfPath?: string;
}

export const DEFAULT_PORTS = [25, 465, 587];

export function configuredServers(): ServerConfig[] {
  const raw = vscode.workspace.getConfiguration('mailconf').get<unknown[]>('servers', []);
  return (Array.isArray(raw) ? raw : [])
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null && typeof (s as { host?: unknown }).host === 'string')
    .map((s) => ({
      ...(s as unknown as ServerConfig),
      name: typeof s.name === 'string' && s.name ? s.name : (s.host as string),
      ...portSpecs(s.ports),
    }));
}

const PORT_PROFILES = new Set(['mx', 'smtps', 'submission', 'none']);

/** Reads `ports`, whose items are port numbers or `{ port, profile }`; anything else means the defaults. */
function portSpecs(raw: unknown): Pick<ServerConfig, 'ports' | 'profiles'> {
  if (!Array.isArray(raw) || raw.length === 0) return { ports: DEFAULT_PORTS };
  const ports: number[] = [];
  const profiles: Record<number, ProfileName | 'none'> = {};
  for (const item of raw) {
    const spec = typeof item === 'number' ? { port: item } : (item as { port?: unknown; profile?: unknown });
    if (!Number.isInteger(spec?.port)) return { ports: DEFAULT_PORTS };
    ports.push(spec.port as number);
    if (typeof spec.profile === 'string' && PORT_PROFILES.has(spec.profile)) profiles[spec.port as number] = spec.profile as ProfileName | 'none';
  }
  return { ports, profiles };
}

/** What to run on one port of a server: its configured profile, or the one its number implies. */
export function requestFor(server: ServerConfig, port: number): PortRequest {
  const profile = server.profiles?.[port];
  return { port, profile };
}

/** The host and user last typed, offered as the answers next time. */
const LAST_TYPED = 'mailconf.smtp.lastTyped';
/** The lesson's submission host: the answer offered the first time. */
export const DEFAULT_HOST = 'smtp.mail1.org';

/** A configured server picked by the user, or one typed in; undefined when they cancel. */
export async function pickServer(state: vscode.Memento): Promise<ServerConfig | undefined> {
  const servers = configuredServers();
  if (servers.length === 1) return servers[0];
  if (servers.length > 1) {
    const picked = await vscode.window.showQuickPick(
      servers.map((s) => ({ label: s.name, description: `${s.host} · ports ${s.ports.join(', ')}`, server: s })),
      { title: l10n.t('Test which SMTP server?') },
    );
    return picked?.server;
  }
  const last = state.get<{ host?: string; user?: string }>(LAST_TYPED, {});
  // The answer is filled in (and selected, so typing replaces it): Enter takes it as it is.
  const typedHost = await vscode.window.showInputBox({
    title: l10n.t('Test SMTP server'),
    prompt: l10n.t('Host name or address of the mail server (add servers to the mailconf.servers setting to skip this)'),
    value: last.host ?? DEFAULT_HOST,
    validateInput: (v) => (/^[\w.:[\]-]+$/.test(v.trim()) ? undefined : l10n.t('A host name or an IP address')),
  });
  if (typedHost === undefined) return undefined;
  const host = typedHost.trim();
  const user = await vscode.window.showInputBox({
    title: l10n.t('SMTP user for AUTH'),
    prompt: l10n.t('Leave empty to test without AUTH'),
    placeHolder: 'alice@mail1.org',
    value: last.host === host ? last.user : undefined,
  });
  if (user === undefined) return undefined;
  await state.update(LAST_TYPED, { host, user: user.trim() });
  return { name: host, host, ports: DEFAULT_PORTS, user: user.trim() || undefined };
}

/** The ports to test: all the server's ports preselected, as a multi-select. */
export async function pickPorts(server: ServerConfig): Promise<number[] | undefined> {
  if (server.ports.length <= 1) return server.ports;
  const picked = await vscode.window.showQuickPick(
    server.ports.map((p) => ({ label: String(p), picked: true, port: p })),
    { canPickMany: true, title: l10n.t('Ports of {0} to test', server.name) },
  );
  return picked?.map((p) => p.port);
}
