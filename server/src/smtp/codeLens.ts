// "▶ Test port 587" above the master.cf lines that start an SMTP listener: the lesson's one-click
// port test. A tiny line scan of its own, so that it works whatever else analyses master.cf.
// The lens runs the editor command `mailconf.smtp.testPort` with the port and the profile to check.
import { t } from '../l10n';
import type { ServiceContext } from '../languageservice/service';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { profileForPort } from './profiles';
import type { ProfileName, TlsMode } from './types';

export const TEST_PORT_COMMAND = 'mailconf.smtp.testPort';

/** Ports of the service names /etc/services gives the SMTP listeners. */
const SERVICE_PORTS: Record<string, number> = { smtp: 25, submission: 587, submissions: 465, smtps: 465, urd: 465 };

export interface PortTest {
  port: number;
  profile: ProfileName;
  tls: TlsMode;
  /** The listen address of the service, when master.cf names one (e.g. 127.0.0.1:2525). */
  address?: string;
  /** The zero-based line of the service in the document. */
  line: number;
  uri: string;
}

/** The SMTP services a master.cf defines, with the port and profile each should be tested with. */
export function smtpServices(text: string, uri = ''): PortTest[] {
  const lines = text.split(/\r?\n/);
  const out: PortTest[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fields = lines[i].split(/\s+/);
    if (!fields[0] || lines[i].startsWith('#') || fields[1] !== 'inet') continue;
    const m = /^(?:(.*):)?([^:]+)$/.exec(fields[0]);
    if (!m) continue;
    const port = /^\d+$/.test(m[2]) ? Number(m[2]) : SERVICE_PORTS[m[2]];
    if (!port || port > 65535) continue;
    // the -o lines under the service say how it behaves when its port number does not
    const options: string[] = [];
    for (let j = i + 1; j < lines.length && /^\s+\S/.test(lines[j]); j++) options.push(lines[j].trim());
    const opts = options.join(' ');
    const implicit = /smtpd_tls_wrappermode\s*=\s*yes/.test(opts) || (port === 465 && !/smtpd_tls_wrappermode\s*=\s*no/.test(opts));
    const profile: ProfileName =
      profileForPort(port) ?? (implicit ? 'smtps' : /smtpd_sasl_auth_enable\s*=\s*yes/.test(opts) ? 'submission' : 'mx');
    out.push({ port, profile, tls: implicit ? 'implicit' : 'starttls', address: m[1] || undefined, line: i, uri });
  }
  return out;
}

export function masterCfCodeLenses(doc: TextDocument, ctx?: Pick<ServiceContext, 'locale'>): CodeLens[] {
  return smtpServices(doc.getText(), doc.uri).map((test) => ({
    range: { start: { line: test.line, character: 0 }, end: { line: test.line, character: 0 } },
    command: { title: t(ctx?.locale ?? 'en', 'smtp.lens.test-port', test.port), command: TEST_PORT_COMMAND, arguments: [test] },
  }));
}
