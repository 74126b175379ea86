// Optional hover with Postfix's own postconf(5) entry for a main.cf parameter, taken from the
// manual installed on a server (setting mailconf.remoteDocs.server, read once over the SSH session
// and kept for the session) or on this machine (mailconf.localManPage). Off by default: our hover
// already has the lesson's notes, and Postfix's text is never shipped with the extension, only read
// from where Postfix is installed. It is appended below the language server's hover.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { l10n } from './l10n';
import { manPageEntry, manPageSource } from '../../server/src/postfix/manPage';
import { fetchRemoteManPage, POSTCONF_MAN_PAGES } from '../../server/src/ssh/remoteManPage';
import type { RemoteSessions } from './remote/sessions';
import { targetOf } from './remote/targets';
import { configuredServers } from './smtp/servers';

/** Long entries (smtpd_tls_security_level's is a page) are cut here, with a pointer to the rest. */
const MAX_HOVER_CHARS = 4000;

export class ManPageDocs implements vscode.HoverProvider, vscode.Disposable {
  /** One read per source ('local' or a server name), failures included, until the settings change. */
  private readonly pages = new Map<string, Promise<string | undefined>>();
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('mailconf.remoteDocs') || e.affectsConfiguration('mailconf.localManPage') || e.affectsConfiguration('mailconf.servers')) {
      this.pages.clear();
    }
  });

  constructor(
    private readonly sessions: RemoteSessions,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const source = this.source();
    if (!source) return undefined;
    const range = doc.getWordRangeAtPosition(position, /[A-Za-z0-9_]+/);
    if (!range) return undefined;
    // The first read over SSH may take a while; a moved mouse cancels the hover, not the read.
    let cancelled: vscode.Disposable | undefined;
    const roff = await Promise.race([this.page(source), new Promise<undefined>((r) => (cancelled = token.onCancellationRequested(() => r(undefined))))]);
    cancelled?.dispose();
    const entry = roff ? manPageEntry(roff, doc.getText(range)) : undefined;
    if (!entry) return undefined;
    const where = source.server ? l10n.t('installed on {0}', source.server) : l10n.t('installed on this machine');
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**postconf(5)** — ${where} — `);
    md.appendText(entry.heading);
    md.appendMarkdown('\n\n');
    if (entry.markdown.length <= MAX_HOVER_CHARS) md.appendMarkdown(entry.markdown);
    else {
      // Cut at a paragraph so no code block or emphasis is left open.
      const cut = entry.markdown.lastIndexOf('\n\n', MAX_HOVER_CHARS);
      md.appendMarkdown(entry.markdown.slice(0, cut > 0 ? cut : 0));
      md.appendMarkdown('\n\n');
      md.appendText(l10n.t('(continued in man 5 postconf)'));
    }
    return new vscode.Hover(md, range);
  }

  /** Which manual the settings ask for: a configured server's, this machine's, or none. */
  private source(): { key: string; server?: string } | undefined {
    const config = vscode.workspace.getConfiguration('mailconf');
    const server = config.get<string>('remoteDocs.server', '').trim();
    if (server) return vscode.workspace.isTrusted ? { key: `server:${server}`, server } : undefined;
    return config.get<boolean>('localManPage', false) ? { key: 'local' } : undefined;
  }

  private page(source: { key: string; server?: string }): Promise<string | undefined> {
    let page = this.pages.get(source.key);
    if (!page) {
      page = (source.server ? this.remote(source.server) : this.local()).catch((err: unknown) => {
        this.log.warn(`postconf(5) for hovers: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      this.pages.set(source.key, page);
    }
    return page;
  }

  private async local(): Promise<string | undefined> {
    for (const path of POSTCONF_MAN_PAGES) {
      const text = await readFile(path).then(manPageSource, () => '');
      if (text) return text;
    }
    this.log.info(`mailconf.localManPage is on, but ${POSTCONF_MAN_PAGES[0]} is not installed here.`);
    return undefined;
  }

  private async remote(name: string): Promise<string | undefined> {
    const config = configuredServers().find((s) => s.name === name);
    if (!config?.ssh?.user) {
      void vscode.window.showWarningMessage(l10n.t('mailconf.remoteDocs.server names {0}, which is not a server with SSH settings in mailconf.servers.', name));
      return undefined;
    }
    const target = targetOf(config);
    const text = await this.sessions.run(target, l10n.t('Reading postconf(5) from {0}', target.name), (client) => fetchRemoteManPage(client));
    if (!text) this.log.info(`${target.name} has no postconf(5) manual page (${POSTCONF_MAN_PAGES.join(' or ')}).`);
    return text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.pages.clear();
  }
}

export function registerManPageHover(sessions: RemoteSessions, log: vscode.LogOutputChannel): vscode.Disposable {
  const docs = new ManPageDocs(sessions, log);
  return vscode.Disposable.from(docs, vscode.languages.registerHoverProvider({ language: 'postfix-main' }, docs));
}
