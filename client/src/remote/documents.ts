// Read-only documents holding what a server printed (postconf -n, -nx, -M) and the two sides of
// the compare view. Their text is set once when fetched; VS Code cannot save them anywhere.
import * as vscode from 'vscode';

export const REMOTE_SCHEME = 'mailconf-remote';

export class RemoteDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** mailconf-remote:/SERVER/LABEL — a new fetch of the same label replaces the text in place. */
  set(server: string, label: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${server.replace(/\//g, '_')}/${label.replace(/\//g, '_')}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
