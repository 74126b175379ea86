// Documentation coverage and honesty: enough summaries, a bilingual note for everything the lesson
// discusses, only real names, and no sentence borrowed from postconf(5).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { describeType } from '../../../server/src/postfix/docs/describeType';
import { PARAMETER_NOTES, RESTRICTION_NOTES } from '../../../server/src/postfix/docs/notes';
import { RESTRICTION_SUMMARIES } from '../../../server/src/postfix/docs/restrictionSummaries';
import { SUMMARIES } from '../../../server/src/postfix/docs/summaries';
import { allParameters, getParameter, isBuiltinParameter } from '../../../server/src/postfix/parameters';
import { getRestriction } from '../../../server/src/postfix/restrictions';
import { requirePeer } from '../../support/peers';

/** Every parameter the lesson discusses (see /work/shared/lesson), each needs a long note. */
const LESSON_PARAMETERS = [
  'myhostname', 'mydomain', 'myorigin', 'mydestination', 'mynetworks', 'relayhost', 'inet_interfaces', 'inet_protocols',
  'alias_maps', 'alias_database', 'recipient_delimiter', 'mailbox_size_limit', 'message_size_limit',
  'smtpd_relay_restrictions', 'smtpd_recipient_restrictions', 'smtpd_tls_security_level', 'smtpd_tls_cert_file',
  'smtpd_tls_key_file', 'smtpd_tls_loglevel', 'smtpd_tls_received_header', 'smtpd_tls_wrappermode', 'smtp_use_tls',
  'smtpd_sasl_auth_enable', 'smtpd_sasl_type', 'smtpd_sasl_path', 'smtpd_sasl_local_domain', 'smtpd_sasl_security_options',
  'broken_sasl_auth_clients', 'header_checks', 'body_checks', 'milter_header_checks', 'virtual_alias_maps',
  'virtual_mailbox_domains', 'virtual_mailbox_maps', 'virtual_transport', 'transport_maps', 'local_recipient_maps',
  'local_transport', 'mailbox_transport', 'mailbox_transport_maps', 'content_filter', 'default_transport', 'canonical_maps',
  'home_mailbox',
];
const LESSON_RESTRICTIONS = ['permit_mynetworks', 'permit_sasl_authenticated', 'reject_unauth_destination', 'defer_unauth_destination', 'reject_unknown_client_hostname', 'reject_rbl_client', 'reject'];

/** Words that only occur in Spanish text, to tell a translation from a copy of the English. */
const SPANISH = /\b(el|la|los|las|que|del|para|con|una|por|se)\b/i;

describe('parameter documentation', () => {
  it('summarises at least 150 parameters, all real, in English and Spanish', () => {
    const names = Object.keys(SUMMARIES);
    assert.ok(names.length >= 150, `${names.length} summaries`);
    for (const name of names) {
      assert.ok(isBuiltinParameter(name), `${name} is summarised but not a Postfix 3.7 parameter`);
      const [en, es] = SUMMARIES[name];
      assert.ok(en.length > 10 && es.length > 10, name);
      assert.notEqual(en, es, name);
      assert.ok(!/\n/.test(en) && !/\n/.test(es), `${name} summary is one line`);
    }
    assert.ok([...allParameters()].filter((p) => p.summary).length >= 150);
  });

  it('has a bilingual note for every parameter and restriction of the lesson', () => {
    for (const name of LESSON_PARAMETERS) {
      const p = getParameter(name);
      assert.ok(p, `${name} is a parameter`);
      assert.ok(p.note?.en && p.note.es, `${name} has notes`);
      assert.ok(p.summary?.en && p.summary.es, `${name} has summaries`);
      assert.match(p.note.es, SPANISH, `${name}: the Spanish note reads as Spanish`);
    }
    for (const name of LESSON_RESTRICTIONS) {
      assert.ok(getRestriction(name), `${name} is a restriction`);
      assert.ok(RESTRICTION_NOTES[name]?.en && RESTRICTION_NOTES[name].es, `${name} has notes`);
      assert.match(RESTRICTION_NOTES[name].es, SPANISH, name);
    }
  });

  it('keeps the lesson\'s own examples in the notes', () => {
    assert.match(PARAMETER_NOTES.recipient_delimiter.es, /manolo\+esto\.no\.sirve@mail1\.org/);
    assert.match(PARAMETER_NOTES.smtpd_sasl_local_domain.es, /«pepe@mail1\.org»/);
    assert.match(PARAMETER_NOTES.smtpd_tls_wrappermode.en, /465/);
    assert.match(RESTRICTION_NOTES.reject_unknown_client_hostname.en, /does not resolve/);
    assert.match(PARAMETER_NOTES.smtp_use_tls.en, /smtp_tls_security_level = may/);
  });

  it('notes only real parameters and restrictions', () => {
    for (const name of Object.keys(PARAMETER_NOTES)) assert.ok(isBuiltinParameter(name), name);
    for (const name of Object.keys(RESTRICTION_NOTES)) assert.ok(getRestriction(name), name);
  });

  it('describes every type in both languages', () => {
    for (const p of allParameters()) {
      const en = describeType(p.type, 'en');
      const es = describeType(p.type, 'es');
      assert.ok(en && es, p.name);
    }
    assert.equal(describeType({ kind: 'time', defaultUnit: 'd' }, 'es'), 'tiempo (s, m, h, d, w; sin unidad: días)');
  });
});

const MAN_PAGE = '/usr/share/man/man5/postconf.5.gz';
const noPeer = requirePeer('postconf', ['postfix']) ?? (existsSync(MAN_PAGE) ? undefined : `${MAN_PAGE} is missing`);

describe('documentation is in our own words', { skip: noPeer }, () => {
  it('shares no run of eight words with postconf(5)', () => {
    const words = (s: string) => s.toLowerCase().replace(/\\f[BIR]|\\-|[`*"«»]/g, ' ').match(/[a-z0-9_$.]+/g) ?? [];
    const man = words(gunzipSync(readFileSync(MAN_PAGE)).toString('utf8'));
    const N = 8;
    const shingles = new Set<string>();
    for (let i = 0; i + N <= man.length; i++) shingles.add(man.slice(i, i + N).join(' '));
    const ours = [
      ...Object.entries(SUMMARIES).map(([k, v]) => [k, v[0]] as const),
      ...Object.entries(PARAMETER_NOTES).map(([k, v]) => [k, v.en] as const),
      ...Object.entries(RESTRICTION_NOTES).map(([k, v]) => [k, v.en] as const),
      ...Object.entries(RESTRICTION_SUMMARIES).map(([k, v]) => [k, v[0]] as const),
    ];
    const copied: string[] = [];
    for (const [name, text] of ours) {
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++) if (shingles.has(w.slice(i, i + N).join(' '))) copied.push(`${name}: "${w.slice(i, i + N).join(' ')}"`);
    }
    assert.deepEqual(copied, []);
  });
});
