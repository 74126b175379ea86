// smtpd's start-up read once per configuration: sessions of the same configuration share it, and
// any other main.cf, service, what-if settings or release starts anew.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMainSettings, readMasterServices } from '../../../../server/src/postfix/simulator/settings';
import { smtpdStart } from '../../../../server/src/postfix/simulator/smtpdStart';

const MAIN = 'smtpd_restriction_classes = strict\nstrict = reject\nsmtpd_relay_restrictions = permit_mynetworks, strict\nrewrite_service_name = myrewrite\n';
const MASTER = 'smtp inet n - y - - smtpd\n  -o smtpd_client_restrictions=reject\nmyrewrite unix - - y - - trivial-rewrite\n  -o mydestination=example.org\n';

describe('smtpd start', () => {
  const main = readMainSettings(MAIN, '/etc/postfix/main.cf');
  const services = readMasterServices(MASTER, '/etc/postfix/master.cf');
  const [smtp] = services;
  const configuration = { main, services, service: smtp, settings: undefined, release: undefined };

  it("reads the service's lists and classes, and trivial-rewrite's own parameters", () => {
    const start = smtpdStart(configuration);
    assert.equal(start.fatal, undefined);
    if (start.fatal !== undefined) return;
    assert.deepEqual(start.lists.client.map((w) => w.text), ['reject']);
    assert.deepEqual(start.lists.relay.map((w) => w.text), ['permit_mynetworks', 'strict']);
    assert.deepEqual(start.classes.get('strict')?.map((w) => w.text), ['reject']);
    assert.equal(start.rewriteView.value('mydestination'), 'example.org');
    assert.equal(start.view.value('smtpd_client_restrictions'), 'reject');
  });

  it('is shared by sessions of the same configuration, and read anew for another', () => {
    const first = smtpdStart(configuration);
    assert.equal(smtpdStart({ ...configuration }), first);
    const settings = { smtpd_client_restrictions: 'permit' };
    const whatIf = smtpdStart({ ...configuration, settings });
    assert.notEqual(whatIf, first);
    assert.equal(whatIf.view.value('smtpd_client_restrictions'), 'permit');
    assert.equal(smtpdStart({ ...configuration, settings }), whatIf);
    // Equal what-if settings in another object are another configuration: nothing compares values.
    assert.notEqual(smtpdStart({ ...configuration, settings: { ...settings } }), whatIf);
    assert.notEqual(smtpdStart({ ...configuration, release: '3.5' }), whatIf);
    const otherMain = readMainSettings(MAIN + 'strict = permit\n', '/etc/postfix/main.cf');
    const other = smtpdStart({ ...configuration, main: otherMain });
    assert.equal(other.fatal === undefined && other.classes.get('strict')?.[0].text, 'permit');
  });

  it('keeps the fatal error smtpd stops on, without lists', () => {
    const broken = readMainSettings(MAIN.replace('strict = reject\n', ''), '/etc/postfix/main.cf');
    const start = smtpdStart({ ...configuration, main: broken });
    assert.deepEqual([start.fatal, 'lists' in start], ["restriction class `strict' needs a definition", false]);
    assert.equal(smtpdStart({ ...configuration, main: broken }), start);
  });
});
