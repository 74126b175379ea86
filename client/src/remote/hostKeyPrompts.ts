// The host key dialogs. An unknown key shows its SHA256 fingerprint and offers: accept once,
// accept always (kept in the extension's own store, never in ~/.ssh/known_hosts), or refuse. A
// changed key gets a loud error naming the old and new fingerprints and no way to go on: the user
// has to fix known_hosts deliberately, outside this dialog.
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import type { HostKeyFacts, SshError } from '../../../server/src/ssh/errors';
import type { UnknownKeyAnswer } from '../../../server/src/ssh/hostKeyPolicy';

export async function askUnknownHostKey(facts: HostKeyFacts): Promise<UnknownKeyAnswer> {
  const once: vscode.MessageItem = { title: l10n.t('Accept once') };
  const always: vscode.MessageItem = { title: l10n.t('Accept always') };
  const refuse: vscode.MessageItem = { title: l10n.t('Refuse'), isCloseAffordance: true };
  const answer = await vscode.window.showWarningMessage(
    l10n.t('The SSH host key of {0} is not known.', facts.hostId),
    {
      modal: true,
      detail: l10n.t(
        '{0} key fingerprint:\n{1}\n\nCompare it with the server\'s own (ssh-keygen -lf /etc/ssh/ssh_host_{2}_key.pub on its console) before accepting.',
        facts.keyType,
        facts.fingerprint,
        facts.keyType.replace(/^ssh-|-.*$/g, ''),
      ),
    },
    once,
    always,
    refuse,
  );
  return answer === once ? 'once' : answer === always ? 'always' : 'refuse';
}

export function showChangedHostKey(err: SshError): void {
  const facts = err.hostKey!;
  void vscode.window.showErrorMessage(
    l10n.t('REFUSED: THE SSH HOST KEY OF {0} HAS CHANGED.', facts.hostId),
    {
      modal: true,
      detail: l10n.t(
        'Expected ({0}): {1}\nPresented: {2} {3}\n\nThis happens when the server was reinstalled, or when someone intercepts the connection. Mailconf will not connect. Check the new fingerprint on the server\'s console, then remove the old entry yourself (ssh-keygen -R).',
        facts.sources.join(', '),
        facts.expected.join(', '),
        facts.keyType,
        facts.fingerprint,
      ),
    },
  );
}
