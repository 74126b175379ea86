// The mail flow of accepted recipients, offline: canonical and virtual-alias rewriting as cleanup
// does it, then trivial-rewrite's route. The differential (mailFlowDifferential.test.ts) checks
// the same against sendmail -bv; these pin the rules one at a time, each from Postfix's sources.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mailFlow } from '../../../../server/src/postfix/simulator/mailFlow';
import { simulate } from '../../../../server/src/postfix/simulator';
import { transcript } from '../../../../server/src/postfix/simulator/transcript';
import { simulationJson } from '../../../../server/src/postfix/simulator/resultJson';

const BASE = 'myhostname = mx.example.org\nmydomain = example.org\nmydestination = $myhostname, localhost, $mydomain\n';

function flow(extra: string, address: string, files: Record<string, string> = {}) {
  return mailFlow({ mainCf: BASE + extra, readFile: (p) => files[p] }, [address])[0];
}

const deliveries = (r: ReturnType<typeof flow>) => (r.deliveries ?? []).map((d) => `${d.address} ${d.transport}[${d.nexthop}]`);

describe('mail flow', () => {
  it('recipient_canonical_maps, then canonical_maps, then virtual_alias_maps, each hit with its table line', () => {
    const files = { '/t/rc': 'ana@example.org ana.garcia@example.org\n', '/t/c': '# c\nana.garcia@example.org agarcia@example.org\n', '/t/va': 'agarcia@example.org ana@far.test\n' };
    const r = flow('recipient_canonical_maps = texthash:/t/rc\ncanonical_maps = texthash:/t/c\nvirtual_alias_maps = texthash:/t/va\n', 'ana@example.org', files);
    assert.deepEqual(
      r.rewrites.map((w) => [w.map, w.from, w.to, w.file, w.line]),
      [
        ['recipient_canonical_maps', 'ana@example.org', 'ana.garcia@example.org', '/t/rc', 1],
        ['canonical_maps', 'ana.garcia@example.org', 'agarcia@example.org', '/t/c', 2],
        ['virtual_alias_maps', 'agarcia@example.org', 'ana@far.test', '/t/va', 1],
      ],
    );
    assert.deepEqual(deliveries(r), ['ana@far.test smtp[far.test]']);
  });

  it('an address without a domain gets @$myorigin first', () => {
    assert.deepEqual(deliveries(flow('myorigin = $mydomain\n', 'bob')), ['bob@example.org local[mx.example.org]']);
  });

  it('an unmatched extension is carried over to the result unless propagate_unmatched_extensions leaves it out', () => {
    const files = { '/t/c': 'bob@example.org robert@far.test\n' };
    assert.deepEqual(deliveries(flow('recipient_delimiter = +\ncanonical_maps = texthash:/t/c\n', 'bob+news@example.org', files)), ['robert+news@far.test smtp[far.test]']);
    assert.deepEqual(deliveries(flow('recipient_delimiter = +\ncanonical_maps = texthash:/t/c\npropagate_unmatched_extensions = virtual\n', 'bob+news@example.org', files)), ['robert@far.test smtp[far.test]']);
    // With '-' as a delimiter Postfix does not split owner-foo.
    assert.deepEqual(deliveries(flow('recipient_delimiter = -\ncanonical_maps = inline:{ owner@example.org=x@far.test }\n', 'owner-list@example.org')), ['owner-list@example.org local[mx.example.org]']);
    assert.deepEqual(deliveries(flow('recipient_delimiter = -\ncanonical_maps = inline:{ own@example.org=x@far.test }\n', 'own-list@example.org')), ['x-list@far.test smtp[far.test]']);
  });

  it('@domain to @other keeps the user; a bare user key answers only for our domains and $myorigin', () => {
    assert.deepEqual(deliveries(flow('canonical_maps = inline:{ @old.example=@example.org }\n', 'eva@old.example')), ['eva@example.org local[mx.example.org]']);
    const c = 'virtual_alias_maps = inline:{ eva=eva@far.test }\n';
    assert.deepEqual(deliveries(flow(c, 'eva@example.org')), ['eva@far.test smtp[far.test]']);
    assert.deepEqual(deliveries(flow(c, 'eva@other.example')), ['eva@other.example smtp[other.example]']);
    assert.deepEqual(deliveries(flow(c + 'myorigin = other.example\n', 'eva@other.example')), ['eva@far.test smtp[far.test]']);
  });

  it('canonical_classes without envelope_recipient leaves the envelope recipient alone', () => {
    assert.deepEqual(flow('canonical_maps = inline:{ a@far.test=b@far.test }\ncanonical_classes = header_recipient\n', 'a@far.test').rewrites, []);
  });

  it('virtual aliases: several results, a chain, an address that keeps itself, duplicates delivered once', () => {
    const files = { '/t/va': 'team@example.org ana@far.test, bob@example.org, ana@far.test\nbob@example.org bob@example.org, carla@far.test\ncarla@far.test dario@far.test\n' };
    const r = flow('virtual_alias_maps = texthash:/t/va\n', 'team@example.org', files);
    assert.deepEqual(deliveries(r), ['ana@far.test smtp[far.test]', 'bob@example.org local[mx.example.org]', 'dario@far.test smtp[far.test]']);
    assert.equal(r.rewrites.length, 3);
  });

  it('a canonical loop is cut after ten rewrites and the mail goes on (cleanup only warns)', () => {
    const r = flow('canonical_maps = inline:{ @a.example=@b.example, @b.example=@a.example }\n', 'x@a.example');
    assert.equal(r.rewrites.length, 10);
    assert.deepEqual(deliveries(r), ['x@a.example smtp[a.example]']);
  });

  it('an alias loop stops at virtual_alias_recursion_limit: cleanup defers the message', () => {
    const r = flow('virtual_alias_recursion_limit = 5\nvirtual_alias_maps = inline:{ a@far.test=b@far.test, b@far.test=a@far.test }\n', 'a@far.test');
    assert.deepEqual(r.deliveries, []);
    assert.match(r.warnings?.[0] ?? '', /virtual_alias_recursion_limit = 5/);
  });

  it('a table that cannot be read (a texthash: with a repeated key) defers the message too', () => {
    const r = flow('virtual_alias_maps = texthash:/t/va\n', 'a@far.test', { '/t/va': 'a@far.test x@far.test\nA@far.test y@far.test\n' });
    assert.deepEqual(r.deliveries, []);
    assert.match(r.warnings?.[0] ?? '', /duplicate entry/);
  });

  it('a virtual alias domain without the alias is error:User unknown, which transport_maps does not override', () => {
    const r = flow('virtual_alias_domains = va.example\ntransport_maps = inline:{ va.example=tp1 }\n', 'zoe@va.example');
    assert.deepEqual(deliveries(r), ['zoe@va.example error[5.1.1 User unknown in virtual alias table]']);
  });
});

describe('routes (trivial-rewrite)', () => {
  it('transport_maps asks every table for a key before the next key: the full address wins over an earlier table\'s domain', () => {
    const r = flow('transport_maps = inline:{ far.test=tp1 }, inline:{ ana@far.test=tp2:[10.0.0.2] }\n', 'ana@far.test');
    assert.deepEqual(deliveries(r), ['ana@far.test tp2[[10.0.0.2]]']);
    assert.deepEqual([r.origin?.parameter], ['transport_maps']);
  });

  it('user+ext@domain, then user@domain; parent domains as .domain unless transport_maps is in parent_domain_matches_subdomains', () => {
    assert.deepEqual(deliveries(flow('recipient_delimiter = +\ntransport_maps = inline:{ ana@far.test=tp1 }\n', 'ana+x@far.test')), ['ana+x@far.test tp1[far.test]']);
    assert.deepEqual(deliveries(flow('transport_maps = inline:{ .far.test=tp1 }\n', 'a@b.far.test')), ['a@b.far.test tp1[b.far.test]']);
    assert.deepEqual(deliveries(flow('transport_maps = inline:{ far.test=tp1 }\n', 'a@b.far.test')), ['a@b.far.test smtp[b.far.test]']);
    assert.deepEqual(deliveries(flow('parent_domain_matches_subdomains = transport_maps\ntransport_maps = inline:{ far.test=tp1 }\n', 'a@b.far.test')), ['a@b.far.test tp1[b.far.test]']);
  });

  it('":nexthop" keeps the transport, "error" alone is undeliverable, "*" answers last, relayhost is the off-host next hop', () => {
    assert.deepEqual(deliveries(flow('relayhost = [10.9.9.9]\ntransport_maps = inline:{ far.test=:[10.0.0.1] }\n', 'a@far.test')), ['a@far.test smtp[[10.0.0.1]]']);
    assert.deepEqual(deliveries(flow('transport_maps = inline:{ far.test=error }\n', 'a@far.test')), ['a@far.test error[Address is undeliverable]']);
    assert.deepEqual(deliveries(flow('transport_maps = inline:{ *=slow }\n', 'a@far.test')), ['a@far.test slow[far.test]']);
    assert.deepEqual(deliveries(flow('relayhost = [10.9.9.9]\n', 'a@far.test')), ['a@far.test smtp[[10.9.9.9]]']);
    assert.deepEqual(deliveries(flow('relayhost = [10.9.9.9]\nlocal_transport = local:$myhostname\n', 'a@example.org')), ['a@example.org local[mx.example.org]']);
  });

  it('a transport_maps table that cannot be read: trivial-rewrite fails and qmgr sends the mail to retry', () => {
    const r = flow('transport_maps = texthash:/t/tr\n', 'a@far.test', { '/t/tr': 'far.test tp1\nFAR.test tp2\n' });
    assert.deepEqual(deliveries(r), ['a@far.test retry[4.3.0 address resolver failure]']);
  });

  it('the sender, rewritten by sender_canonical_maps then canonical_maps, chooses sender_dependent_default_transport_maps and _relayhost_maps (<> for the null sender)', () => {
    const main = `${BASE}sender_canonical_maps = inline:{ @old.example=@example.org }\nsender_dependent_relayhost_maps = inline:{ @example.org=[10.0.0.7], <>=[10.0.0.8] }\nsender_dependent_default_transport_maps = inline:{ eva@example.org=tp1, @example.org=DUNNO }\n`;
    const [r] = mailFlow({ mainCf: main, sender: 'eva@old.example' }, ['a@far.test']);
    assert.deepEqual(deliveries(r), ['a@far.test tp1[[10.0.0.7]]']);
    assert.deepEqual(r.sender, { address: 'eva@example.org', rewrites: [{ map: 'sender_canonical_maps', table: 'inline:{ @old.example=@example.org }', from: 'eva@old.example', to: 'eva@example.org', file: undefined, line: undefined }] });
    assert.deepEqual(deliveries(mailFlow({ mainCf: main, sender: 'bob@old.example' }, ['a@far.test'])[0]), ['a@far.test smtp[[10.0.0.7]]']);
    assert.deepEqual(deliveries(mailFlow({ mainCf: main, sender: '' }, ['a@far.test'])[0]), ['a@far.test smtp[[10.0.0.8]]']);
    // Only off-host classes: a local recipient keeps its next hop.
    assert.deepEqual(deliveries(mailFlow({ mainCf: main, sender: 'eva@old.example' }, ['a@example.org'])[0]), ['a@example.org local[mx.example.org]']);
  });

  it('relocated_maps bounces a user who has moved, whatever the class', () => {
    assert.deepEqual(deliveries(flow('relocated_maps = inline:{ a@example.org=a@far.test }\n', 'a@example.org')), ['a@example.org error[5.1.6 User has moved to a@far.test]']);
  });
});

describe('the report shows the flow', () => {
  const mainCf = `compatibility_level = 3.6\n${BASE}mynetworks = 127.0.0.0/8\nvirtual_alias_maps = inline:{ { team@example.org = ana@far.test, bob@example.org } }\n`;
  const result = simulate({ mainCf, client: { address: '127.0.0.1' }, helo: 'c.example', sender: 'x@example.org', recipients: ['team@example.org'] });

  it('in English and Spanish: the table hit and each delivered address', () => {
    const en = transcript(result, 'en');
    assert.match(en, /virtual_alias_maps rewrites team@example\.org to ana@far\.test, bob@example\.org \(inline:/);
    assert.match(en, /delivered to bob@example\.org: local domain, transport local, next hop mx\.example\.org/);
    const es = transcript(result, 'es');
    assert.match(es, /virtual_alias_maps reescribe team@example\.org como ana@far\.test, bob@example\.org/);
    assert.match(es, /se entrega a ana@far\.test: otro dominio, transporte smtp, siguiente salto far\.test/);
  });

  it('names where the transport and the next hop come from, each when they differ', () => {
    const r = simulate({ mainCf: `${mainCf}relayhost = [10.9.9.9]\n`, client: { address: '127.0.0.1' }, helo: 'c.example', sender: 'x@example.org', recipients: ['team@example.org'] });
    const en = transcript(r, 'en');
    assert.match(en, /transport and next hop from local_transport, built-in default of local_transport/);
    assert.match(en, /transport from default_transport, built-in default of default_transport; next hop from relayhost, main\.cf line 7/);
    assert.match(transcript(r, 'es'), /transporte según default_transport, valor por omisión de default_transport; siguiente salto según relayhost, main\.cf línea 7/);
  });

  it("an smtpd service with -o receive_override_options=no_address_mappings tells cleanup not to rewrite", () => {
    const masterCf = 'smtp inet n - n - - smtpd\n  -o receive_override_options=no_address_mappings\n';
    const r = simulate({ mainCf, masterCf, port: 25, client: { address: '127.0.0.1' }, helo: 'c.example', sender: 'x@example.org', recipients: ['team@example.org'] });
    assert.deepEqual(r.recipients[0].route?.rewrites, []);
    assert.deepEqual(r.recipients[0].route?.deliveries?.map((d) => d.address), ['team@example.org']);
  });

  it('in --json: recipients[].route.rewrites and the deliveries', () => {
    const j = simulationJson(result) as { recipients: { route: { rewrites: { map: string; from: string; to: string }[]; deliveries: { address: string }[] } }[] };
    const route = j.recipients[0].route;
    assert.deepEqual(route.rewrites.map((w) => [w.map, w.from, w.to]), [['virtual_alias_maps', 'team@example.org', 'ana@far.test, bob@example.org']]);
    assert.deepEqual(route.deliveries.map((d) => d.address), ['ana@far.test', 'bob@example.org']);
  });
});
