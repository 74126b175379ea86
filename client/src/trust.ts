import * as vscode from 'vscode';

/** Commands that reach the network run only in trusted workspaces; otherwise the user is told why. */
export function requireTrust(why: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(why);
  return false;
}
