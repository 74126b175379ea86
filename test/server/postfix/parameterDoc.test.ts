// The hover text built from the knowledge base (languageservice/maincf/hover.ts parameterDoc):
// summary, deprecation advice, the lesson note, default, type, version and the postconf(5) link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameterDoc } from '../../../server/src/languageservice/maincf/hover';
import { getParameter } from '../../../server/src/postfix/parameters';

describe('parameter hover text', () => {
  it('shows summary, note, default, type, version and link, in Spanish', () => {
    const doc = parameterDoc(getParameter('smtpd_tls_wrappermode')!, 'es');
    assert.match(doc, /^\*\*smtpd_tls_wrappermode\*\*/);
    assert.match(doc, /primer byte/);
    assert.match(doc, /solo en el servicio del puerto 465/);
    assert.match(doc, /Valor por omisión: `no`/);
    assert.match(doc, /Tipo: booleano \(yes \| no\)/);
    assert.match(doc, /Desde: Postfix 2\.2/);
    assert.match(doc, /\[postconf\(5\)\]\(https:\/\/www\.postfix\.org\/postconf\.5\.html#smtpd_tls_wrappermode\)$/);
  });

  it('warns about a deprecated parameter and names the replacement', () => {
    const doc = parameterDoc(getParameter('smtp_use_tls')!, 'en');
    assert.match(doc, /Deprecated since Postfix 3\.9/);
    assert.match(doc, /smtp_tls_security_level/);
  });

  it('marks host-dependent defaults and shows empty ones as such', () => {
    assert.match(parameterDoc(getParameter('myhostname')!, 'en'), /Default: `host\.example\.org` \(depends on the host\)/);
    assert.match(parameterDoc(getParameter('relayhost')!, 'en'), /Default: \(empty\)/);
  });

  it('still documents a parameter without summary or note, with its derived type', () => {
    const doc = parameterDoc(getParameter('address_verify_poll_delay')!, 'en');
    assert.match(doc, /Type: time \(s, m, h, d, w; bare number: seconds\)/);
    assert.match(doc, /Since: Postfix 2\.1/);
  });
});
