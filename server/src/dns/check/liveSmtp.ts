// The live SMTP server against the DNS: its certificate against the TLSA records of the MX host,
// and the name it greets with against the PTR name of its address (receivers compare them, and
// the lesson's reject_unknown_client_hostname needs the PTR to lead back).
import { t } from '../../l10n';
import { ptrNames } from './mailChain';
import { checkTlsaRecords } from './tlsa';
import { errorText, fail, pass, recordsAt, type CheckContext, type DnsCheck } from './types';

/** What the SMTP probe saw, gathered by smtpFacts.ts. */
export interface SmtpFacts {
  /** HOST:PORT as shown. */
  server: string;
  /** The address connected to, when known (for its PTR). */
  address?: string;
  /** The MX host whose _25._tcp TLSA records apply. */
  tlsaHost: string;
  /** Certificates presented after STARTTLS, DER, the server's own first. */
  chain: Buffer[];
  /** The host name in the 220 banner and in the first EHLO reply line. */
  bannerName?: string;
  ehloName?: string;
  /** Why the probe did not reach TLS. */
  error?: string;
}

/** The first word after the code of a reply line: the name the server calls itself. */
export function greetingName(line: string | undefined): string | undefined {
  const m = /^\d{3}[ -](\S+)/.exec(line ?? '');
  return m ? m[1].toLowerCase().replace(/\.?$/, '.') : undefined;
}

export async function checkLiveSmtp(ctx: CheckContext, smtp: SmtpFacts): Promise<DnsCheck[]> {
  const { locale } = ctx;
  const out: DnsCheck[] = [];
  const tlsaName = `_25._tcp.${smtp.tlsaHost}`;
  if (smtp.error || smtp.chain.length === 0) out.push(fail('smtp-tls', 'error', t(locale, 'dns.smtp-no-tls', smtp.server, smtp.error ?? 'no certificate'), { name: smtp.tlsaHost }));
  else {
    try {
      const served = await ctx.ask(tlsaName, 'TLSA');
      out.push(...checkTlsaRecords(ctx, tlsaName, recordsAt(served, tlsaName, 'TLSA').map((r) => r.data), smtp.chain, smtp.server));
    } catch (err) {
      out.push(fail('tlsa-mismatch', 'error', t(locale, 'dns.query-failed', tlsaName, 'TLSA', errorText(err)), { name: tlsaName }));
    }
  }
  const greeted = [...new Set([smtp.bannerName, smtp.ehloName].filter((n): n is string => n !== undefined))];
  if (smtp.address && greeted.length) {
    const names = await ptrNames(ctx, smtp.address);
    const wrong = greeted.filter((g) => !names.includes(g));
    if (wrong.length === 0) out.push(pass('smtp-name-mismatch', t(locale, 'dns.smtp-name-ok', smtp.server, greeted.join(', ')), { served: greeted.join('; ') }));
    else out.push(fail('smtp-name-mismatch', 'warning', t(locale, 'dns.smtp-name-mismatch', smtp.server, wrong.join(', '), names.join(', ') || '—'), { expected: names.join('; '), served: greeted.join('; ') }));
  }
  return out;
}
