// The SASL side (issue 18): the cross-checks between main.cf/master.cf and smtpd.conf,
// /etc/default/saslauthd and Dovecot after an edit of any of these files (budget 20 ms), and
// `mailconf check --root` over Debian's default tree with the lab's files (budget 1.3x node -e 0).
// The tree: the lab's main.cf and master.cf, the lesson's smtpd.conf and saslauthd defaults, and
// Debian's /etc/dovecot as installed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listDiskFiles, readDiskText } from '../../server/src/handlers/diskFiles';
import { saslFindingsFor } from '../../server/src/languageservice/sasl/crossChecks';
import type { Workspace } from '../../server/src/languageservice/service';
import { summarize, timeIt, timeProcess, type Figure } from '../measure';

const SUITE = 'sasl';
const ROOT = resolve(__dirname, '../..');

function labTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'bench-sasl-'));
  const etc = join(root, 'etc');
  for (const d of ['postfix/sasl', 'default']) mkdirSync(join(etc, d), { recursive: true });
  cpSync(join(ROOT, 'examples/lab/main.cf'), join(etc, 'postfix/main.cf'));
  cpSync(join(ROOT, 'examples/lab/master.cf'), join(etc, 'postfix/master.cf'));
  writeFileSync(join(etc, 'postfix/sasl/smtpd.conf'), 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n');
  writeFileSync(join(etc, 'default/saslauthd'), 'START=yes\nMECHANISMS="pam"\nTHREADS=5\nOPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"\n');
  if (existsSync('/etc/dovecot/dovecot.conf')) cpSync('/etc/dovecot', join(etc, 'dovecot'), { recursive: true });
  return root;
}

export async function run(): Promise<Figure[]> {
  const root = labTree();
  const etc = join(root, 'etc');
  try {
    // Edits live in an overlay, as in the editor: the edited file from its buffer, the rest from disk.
    const overlay = new Map<string, string>();
    const workspace: Workspace = {
      readText: (uri) => overlay.get(uri) ?? readDiskText(uri),
      listFiles: listDiskFiles,
    };
    const figures: Figure[] = [];
    const edited = ['postfix/main.cf', 'postfix/sasl/smtpd.conf', 'default/saslauthd', ...(existsSync(join(etc, 'dovecot')) ? ['dovecot/conf.d/10-master.conf'] : [])];
    for (const file of edited) {
      const uri = pathToFileURL(join(etc, file)).href;
      const original = readFileSync(join(etc, file), 'utf8');
      let n = 0;
      const times = summarize(
        await timeIt(() => {
          overlay.set(uri, `${original}# edit ${n++}\n`);
          saslFindingsFor(uri, { workspace, locale: 'en', editing: true });
        }, 40, 3),
      );
      overlay.delete(uri);
      figures.push({ suite: SUITE, name: `cross-checks after an edit of ${file}`, unit: 'ms', median: times.median, spread: times.spread, budget: { max: 20, text: '20 ms' } });
    }
    const node = summarize(timeProcess(process.execPath, ['-e', '0'], 10));
    const check = summarize(timeProcess(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--root', etc], 10));
    figures.push({
      suite: SUITE,
      name: "mailconf check --root: Debian's /etc/dovecot with the lab's Postfix and Cyrus files",
      unit: 'ms',
      median: check.median,
      spread: check.spread,
      anchor: { name: 'node -e 0', median: node.median },
      budget: { max: 1.3 * node.median, text: '1.3x node -e 0' },
    });
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
