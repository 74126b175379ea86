// One language at a time: with docsLanguage = es, the messages mailconf gives on the lab and on
// the real configurations of ../shared/wild must be Spanish. An English sentence is told by its
// English function words, once quoted names and values are taken out. The quick fixes offered
// for those findings must be Spanish too. No exceptions (issue 16: every string follows the
// setting): a new English message fails the test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { languageForPath, serviceFor } from '../../../server/src/languageservice/languages';
import type { ServiceContext } from '../../../server/src/languageservice/service';
import { RECORD_TYPES } from '../../../server/src/parsers/zone';
import { RECORD_TYPE_MEANINGS_ES } from '../../../server/src/l10n/recordTypeMeanings';
import { everyMessage } from '../../support/everyMessage';
import { readDiskText } from '../../../server/src/handlers/diskFiles';

const ROOT = resolve(__dirname, '../../..');
const ENGLISH = /\b(the|is|are|has|have|with|this|which|should|must|does|would|cannot|because|when|not|of)\b/i;

/**
 * A main.cf that makes the restriction-list, table, repeated-setting and deprecation checks speak
 * (the lab and the wild configurations happen not to trip all of them).
 */
const MISTAKES_MAIN_CF = `smtpd_tls_security_level = may
smtp_use_tls = yes
smtpd_client_restrictions = reject_unknown_client, reject_unauth_pipelining, check_client_access, permit, reject_rbl_client zen.example.org
smtpd_recipient_restrictions = permit_sasl_authenticated, permit_mynetwork, check_sender_access hash, reject_unauth_destination
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination, reject_rbl_client
smtpd_helo_restrictions = reject_invalid_helo_hostname, check_helo_access hashh:/etc/postfix/helo
alias_maps = /etc/aliases, hashh:/etc/aliases
smtpd_tls_security_level = encrypt
smtpd_tls_security_level = encrypt
`;

/** TLS set-ups that make every TLS finding speak, in main.cf and on master.cf's port 25. */
const TLS_MISTAKES_MAIN_CF = `smtpd_tls_wrappermode = yes
smtpd_tls_key_file = /etc/ssl/private/mail.key
smtpd_tls_eccert_file = /etc/ssl/mail-ec.pem
smtpd_tls_eckey_file =
smtp_tls_cert_file = /etc/ssl/certs/mail.crt
`;
const TLS_MISTAKES_MASTER_CF = `smtp      inet  n       -       y       -       -       smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
`;
/** master.cf's own mistakes: a service defined twice (with related information) and a broken $name. */
const MASTER_CF_MISTAKES = `smtp      inet  n       -       y       -       -       smtpd
smtp      inet  n       -       y       -       -       smtpd
  -o smtpd_banner=x$%y
`;

/** A zone with every mail policy, for the hovers of SPF terms and DKIM, DMARC, MTA-STS and TLSRPT tags. */
const POLICIES_ZONE = `$ORIGIN example.org.
$TTL 1h
@ IN SOA ns hostmaster 2026120301 3h 1h 1w 1h
@ IN NS ns
ns IN A 192.0.2.1
@ IN TXT "v=spf1 mx a ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.net exists:x.example.net ptr redirect=_spf.example.net exp=why.example.org -all"
_dmarc IN TXT "v=DMARC1; p=reject; sp=none; np=none; adkim=s; aspf=r; pct=100; rua=mailto:d@example.org; ruf=mailto:f@example.org; fo=1; rf=afrf; ri=86400"
sel._domainkey IN TXT "v=DKIM1; k=rsa; h=sha256; t=s; s=email; n=note; p=MIGf"
_mta-sts IN TXT "v=STSv1; id=2026120301"
_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:t@example.org"
`;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const ctx: ServiceContext = {
  locale: 'es',
  workspace: {
    readText: readDiskText,
  },
};

describe('Spanish mode', () => {
  it('gives no English message or quick-fix title on the lab, ../shared/wild and the test configurations', () => {
    const inputs: Array<{ path: string; text: string }> = [
      ...files(join(ROOT, '../shared/wild')),
      ...['main.cf', 'master.cf', 'mail1.org.zone', 'mail2.org.zone'].map((f) => join(ROOT, 'examples/lab', f)),
      // One zone per reader and check problem, and Postfix configurations of every shape.
      ...files(join(ROOT, 'test/fixtures/zones')),
      ...files(join(ROOT, 'test/fixtures/postconf')),
    ].map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    inputs.push({ path: join(ROOT, 'examples/mistakes/main.cf'), text: MISTAKES_MAIN_CF });
    inputs.push({ path: join(ROOT, 'examples/tls-mistakes/main.cf'), text: TLS_MISTAKES_MAIN_CF });
    inputs.push({ path: join(ROOT, 'examples/tls-mistakes/master.cf'), text: TLS_MISTAKES_MASTER_CF });
    inputs.push({ path: join(ROOT, 'examples/master-mistakes/master.cf'), text: MASTER_CF_MISTAKES });
    const english = new Map<string, string>();
    const codes = new Set<string>();
    let checked = 0;
    let titles = 0;
    const englishIn = (text: string) => ENGLISH.test(text.replace(/'[^']*'|`[^`]*`|"[^"]*"|«[^»]*»/g, ''));
    for (const { path, text } of inputs) {
      const language = languageForPath(path, text.split('\n')[0]);
      if (!language) continue;
      const service = serviceFor(language)!;
      const doc = TextDocument.create(pathToFileURL(path).href, language, 1, text);
      const diagnostics = service.diagnostics(doc, ctx);
      for (const d of diagnostics) {
        checked++;
        codes.add(`${language} ${d.code}`);
        if (englishIn(String(d.message))) english.set(`${language} ${d.code}`, String(d.message));
        for (const r of d.relatedInformation ?? []) if (englishIn(r.message)) english.set(`${language} ${d.code} (related)`, r.message);
      }
      // The quick fixes' titles, as the light bulb lists them.
      const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
      for (const a of service.codeActions?.(doc, whole, diagnostics, ctx) ?? []) {
        titles++;
        if (englishIn(a.title) || /^(Add|Change|Delete|Make|Point|Publish|Remove|Rename|Replace)\b/.test(a.title)) english.set(`${language} quick fix`, a.title);
      }
    }
    assert.ok(checked > 1000, `${checked} messages checked`);
    assert.ok(codes.size > 80, `${codes.size} codes seen`);
    assert.ok(titles > 20, `${titles} quick-fix titles checked`);
    for (const code of ['tls-wrappermode-global', 'tls-wrappermode-port-25', 'tls-encrypt-port-25', 'tls-cert-without-key', 'tls-key-without-cert'])
      assert.ok([...codes].some((c) => c.endsWith(` ${code}`)), `no ${code} finding among the inputs`);
    assert.deepEqual([...english], [], 'English messages in Spanish mode');
  });

  it('gives Spanish hovers and completion documentation on the lab files and zones with mail policies', () => {
    const inputs = [
      ...['main.cf', 'master.cf', 'mail1.org.zone', 'mail2.org.zone'].map((f) => join(ROOT, 'examples/lab', f)),
      ...files(join(ROOT, 'test/fixtures/zones')).filter((f) => /types|soa|tlsa|generate/i.test(f)),
    ].map((path) => ({ path, content: readFileSync(path, 'utf8') }));
    inputs.push({ path: join(ROOT, 'examples/policies/example.org.zone'), content: POLICIES_ZONE });
    const english = new Map<string, string>();
    let hovers = 0;
    let items = 0;
    const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : '');
    const englishIn = (s: string) => ENGLISH.test(s.replace(/`[^`]*`|'[^']*'|"[^"]*"|https?:\S+/g, ''));
    for (const { path, content } of inputs) {
      const language = languageForPath(path, content.split('\n')[0]);
      if (!language) continue;
      const service = serviceFor(language)!;
      const doc = TextDocument.create(pathToFileURL(path).href, language, 1, content);
      const lines = content.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character += 2) {
          const hover = service.hover?.(doc, { line, character }, ctx);
          if (hover) {
            hovers++;
            const value = text(hover.contents);
            if (englishIn(value)) english.set(`${language} hover at ${line + 1}:${character + 1}`, value);
          }
        }
        for (const item of service.completion?.(doc, { line, character: 0 }, ctx) ?? []) {
          items++;
          const said = `${item.detail ?? ''} ${text(item.documentation)}`;
          if (englishIn(said)) english.set(`${language} completion ${item.label}`, said);
        }
      }
    }
    assert.ok(hovers > 200 && items > 1000, `${hovers} hovers, ${items} completion items checked`);
    assert.deepEqual([...english].slice(0, 20), [], 'English hovers or completion documentation in Spanish mode');
  });

  it('has a Spanish meaning for every record type', () => {
    assert.deepEqual(Object.keys(RECORD_TYPE_MEANINGS_ES).sort(), Object.keys(RECORD_TYPES).sort());
  });

  it('has a Spanish text of its own for every server message with words in it', () => {
    // SOA field and record type names: the same words in both languages.
    const sameInBoth = new Set(['zone.field.expire', 'zone.field.refresh', 'zone.field.retry', 'zone.field.txt']);
    const copied = Object.entries(everyMessage())
      .filter(([key, m]) => m.en === m.es && /[A-Za-z]{3,}/.test(m.en.replace(/\{\d+\}/g, '')) && !sameInBoth.has(key))
      .map(([key]) => key);
    assert.deepEqual(copied, []);
  });
});
