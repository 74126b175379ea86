// The local users an alias may point to. They are only knowable when the passwd file of the same
// system is readable next to the aliases file (/etc/aliases beside /etc/passwd, or a lab copy of
// both); otherwise "unknown local target" is not determinable and nothing is reported.
import type { Workspace } from '../service';

export interface PasswdUsers {
  /** The passwd file the names come from, as shown in messages. */
  source: string;
  names: Set<string>;
}

export function siblingPasswd(aliasesUri: string, workspace: Workspace): PasswdUsers | undefined {
  const slash = aliasesUri.lastIndexOf('/');
  if (slash < 0) return undefined;
  const uri = `${aliasesUri.slice(0, slash + 1)}passwd`;
  let text: string | undefined;
  try {
    text = workspace.readText(uri);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const name = line.split(':', 1)[0].trim();
    if (name && !name.startsWith('#') && line.includes(':')) names.add(name.toLowerCase());
  }
  if (names.size === 0) return undefined;
  return { source: decodeURIComponent(uri.replace(/^file:\/\//, '')), names };
}
