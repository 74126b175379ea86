import * as vscode from 'vscode';

export const EXTENSION_ID = 'mailconf.mailconf';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (examples/lab or a copy of it)');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves when `read()` returns something truthy, re-reading on each event of `onChange`. */
export function when<T>(event: vscode.Event<unknown>, read: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = read();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = event(() => {
      const value = read();
      if (value) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      }
    });
  });
}

export function diagnosticsOf(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return when(vscode.languages.onDidChangeDiagnostics, () => {
    const found = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === code);
    return found.length > 0 ? found : undefined;
  });
}

/** For conditions VS Code raises no event about (extension activation): re-check until true. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A completion item as the editor shows it once focused: resolved, so with the detail and
 * documentation the server sends through completionItem/resolve.
 */
export async function resolvedCompletion(uri: vscode.Uri, position: vscode.Position, label: string): Promise<vscode.CompletionItem | undefined> {
  const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
  const first = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  const index = first.items.findIndex((i) => labelOf(i) === label);
  if (index < 0) return undefined;
  const resolved = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, undefined, index + 1);
  return resolved.items.find((i) => labelOf(i) === label);
}
