// The lab's DNS as the dns-check tests and bench serve it with named: the lesson's zone of
// mail1.org (examples/lab), the same with the lesson's fix and every mail policy, and the reverse
// zone of the lab's addresses.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NamedZone } from './named';

/** The lab zone above this file: from source (test/support) or from the bundled extension suite (out/test/extension). */
function labZonePath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'examples/lab/mail1.org.zone');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`examples/lab/mail1.org.zone not found above ${__dirname}`);
}

export const LAB_ZONE = readFileSync(labZonePath(), 'utf8');
export const LAB_SERIAL = /(\d{10}) ; serial/.exec(LAB_ZONE)![1];

// A DKIM key as opendkim-genkey makes it: RSA 2048, the SubjectPublicKeyInfo in base64.
const DKIM_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const dkimTxt = (key: string) => `( "v=DKIM1; k=rsa; p=${key.slice(0, 200)}" "${key.slice(200)}" )`;

/** The lab's zone as the lesson prints it, moved to another domain (it keeps the imap loop). */
export const lessonZone = (domain: string) => LAB_ZONE.replaceAll('mail1.org', domain);

/** The lab's zone with the lesson's fix (imap → mail) and every mail policy, the MX on 192.168.255.1. */
export const GOOD_ZONE = `${LAB_ZONE.replace('imap    IN  CNAME  imap', 'imap    IN  CNAME  mail')}
@            IN TXT "v=spf1 mx a:smtp.mail1.org -all"
_dmarc       IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@mail1.org"
mail._domainkey IN TXT ${dkimTxt(DKIM_KEY)}
_mta-sts     IN TXT "v=STSv1; id=20261203"
_smtp._tls   IN TXT "v=TLSRPTv1; rua=mailto:tls@mail1.org"
`;

/** The PTR of .1 and .2 both name the lab's mail host, whose address is .1. */
export const REVERSE_ZONE = `$ORIGIN 255.168.192.in-addr.arpa.
$TTL 1h
@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h
@ IN NS ns.mail1.org.
1 IN PTR mail.mail1.org.
2 IN PTR mail.mail1.org.
`;

/** mail1.org corrected, with its reverse zone. */
export const GOOD_LAB: NamedZone[] = [
  { origin: 'mail1.org.', text: GOOD_ZONE },
  { origin: '255.168.192.in-addr.arpa.', text: REVERSE_ZONE },
];
