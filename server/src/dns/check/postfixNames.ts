// What main.cf says about DNS, asked of the name server: myhostname must resolve (receivers check
// the HELO name, and the PTR should name it), and each domain Postfix receives for (mydestination)
// must have an MX, or senders will not find this server. Only names main.cf sets are checked: the
// defaults come from the machine dns-check runs on, not from the mail server.
import { t } from '../../l10n';
import { postfixModel } from '../../languageservice/postfixModel';
import type { MainCfFile } from '../../parsers/maincf';
import { addressesOf } from './mailChain';
import { errorText, fail, pass, recordsAt, type CheckContext, type DnsCheck } from './types';

/** Names Postfix handles itself, never looked up. */
const LOCAL = /^localhost(\.|$)/i;

export interface PostfixNames {
  myhostname?: string;
  mydestination: string[];
}

/** myhostname and the plain domains of mydestination, expanded as postconf -x would. */
export function postfixNames(main: MainCfFile): PostfixNames {
  const model = postfixModel(main, undefined);
  const set = (name: string) => (model.mainEntries.has(name) ? model.expand(model.raw(name) ?? '').trim() : undefined);
  const myhostname = set('myhostname');
  const mydestination = (set('mydestination') ?? '')
    .split(/[\s,]+/)
    // Tables (hash:/etc/postfix/domains) and anything left unexpanded are not names to ask.
    .filter((d) => d !== '' && !d.includes(':') && !d.includes('$') && !d.startsWith('/') && !LOCAL.test(d));
  return { myhostname: myhostname && !myhostname.includes('$') ? myhostname : undefined, mydestination: [...new Set(mydestination.map((d) => d.toLowerCase()))] };
}

const absolute = (n: string) => n.toLowerCase().replace(/\.?$/, '.');

export async function checkPostfixNames(ctx: CheckContext, names: PostfixNames): Promise<DnsCheck[]> {
  const { locale } = ctx;
  const out: DnsCheck[] = [];
  if (names.myhostname) {
    const host = absolute(names.myhostname);
    const a = await addressesOf(ctx, host);
    if (a.addresses.length) out.push(pass('myhostname-no-address', t(locale, 'dns.myhostname-ok', host, a.addresses.join(', ')), { name: host, served: a.addresses.join('; ') }));
    else out.push(fail('myhostname-no-address', 'warning', t(locale, 'dns.myhostname-no-address', host, a.error ?? a.rcode ?? 'NODATA'), { name: host, expected: 'A/AAAA' }));
  }
  for (const d of names.mydestination) {
    const domain = absolute(d);
    try {
      const mx = recordsAt(await ctx.ask(domain, 'MX'), domain, 'MX').map((r) => r.data);
      if (mx.length) out.push(pass('mydestination-no-mx', t(locale, 'dns.mydestination-ok', domain, mx.join(', ')), { name: domain, served: mx.join('; ') }));
      else out.push(fail('mydestination-no-mx', 'warning', t(locale, 'dns.mydestination-no-mx', domain), { name: domain, expected: 'MX' }));
    } catch (err) {
      out.push(fail('mydestination-no-mx', 'warning', t(locale, 'dns.query-failed', domain, 'MX', errorText(err)), { name: domain }));
    }
  }
  return out;
}
