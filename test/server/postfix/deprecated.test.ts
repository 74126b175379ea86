// Deprecations: every replacement must be something a user can actually write in Postfix 3.7.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allDeprecations, getDeprecation } from '../../../server/src/postfix/deprecated';
import { documentedNonBuiltinParameters, getParameter, isBuiltinParameter } from '../../../server/src/postfix/parameters';
import { getRestriction } from '../../../server/src/postfix/restrictions';
import { valueProblem } from '../../../server/src/postfix/valueTypes';

describe('deprecated parameters and restrictions', () => {
  it('cover the Postfix 3.9 list', () => {
    for (const name of ['smtp_use_tls', 'smtpd_use_tls', 'smtpd_enforce_tls', 'smtp_enforce_tls', 'smtp_tls_per_site', 'lmtp_tls_per_site', 'lmtp_use_tls', 'lmtp_enforce_tls', 'disable_dns_lookups', 'smtpd_tls_dh1024_param_file', 'smtpd_tls_eecdh_grade', 'permit_mx_backup', 'check_relay_domains', 'reject_maps_rbl', 'permit_naked_ip_address']) {
      assert.ok(getDeprecation(name), name);
    }
  });

  it('name only parameters Postfix 3.7 knows (built in, or an old name it still honours)', () => {
    const legacy = new Set(documentedNonBuiltinParameters());
    for (const d of allDeprecations().filter((x) => x.kind === 'parameter')) {
      assert.ok(isBuiltinParameter(d.name) || legacy.has(d.name), d.name);
    }
  });

  it('replace each parameter by real parameters, and each restriction by a real restriction or parameter', () => {
    for (const d of allDeprecations()) {
      for (const rep of d.replacements) {
        const ok = d.kind === 'parameter' ? isBuiltinParameter(rep) : !!getRestriction(rep) || isBuiltinParameter(rep);
        assert.ok(ok, `${d.name} → ${rep}`);
      }
      const deletionOnly = d.name === 'smtpd_tls_dh1024_param_file' || d.name === 'smtpd_tls_eecdh_grade';
      assert.ok(d.replacements.length > 0 || deletionOnly, `${d.name} has a replacement`);
      assert.ok(d.advice.en && d.advice.es && d.advice.en !== d.advice.es, `${d.name} advice`);
    }
  });

  it('translate values into valid settings of the replacement', () => {
    for (const d of allDeprecations()) {
      for (const [oldValue, target] of Object.entries(d.valueMap ?? {})) {
        if (!target) continue;
        assert.ok(d.replacements.includes(target.parameter), `${d.name}=${oldValue}`);
        assert.equal(valueProblem(getParameter(target.parameter)!.type, target.value), undefined, `${target.parameter}=${target.value}`);
      }
    }
  });

  it('turn the lesson\'s smtp_use_tls = yes into smtp_tls_security_level = may', () => {
    assert.deepEqual(getDeprecation('smtp_use_tls')?.valueMap?.yes, { parameter: 'smtp_tls_security_level', value: 'may' });
    assert.equal(getParameter('smtp_use_tls')?.deprecated?.warnedSince, '3.9');
    assert.deepEqual(getDeprecation('disable_dns_lookups')?.valueMap?.yes, { parameter: 'smtp_dns_support_level', value: 'disabled' });
  });

  it('attach no deprecation to current parameters', () => {
    assert.equal(getParameter('smtp_tls_security_level')?.deprecated, undefined);
    assert.equal(getParameter('myhostname')?.deprecated, undefined);
  });
});
