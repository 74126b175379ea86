// Deprecations: the facts come from the releases' DEPRECATION_README; every replacement must be
// something a user can actually write, and our advice must be attached to real deprecations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advisedNames, allDeprecations, getDeprecation } from '../../../server/src/postfix/deprecated';
import { releaseParameter } from '../../../server/src/postfix/releaseFacts';
import { documentedNonBuiltinParameters, getParameter, isBuiltinParameter } from '../../../server/src/postfix/parameters';
import { getRestriction } from '../../../server/src/postfix/restrictions';
import { valueProblem } from '../../../server/src/postfix/valueTypes';

describe('deprecated parameters and restrictions', () => {
  it('cover the Postfix 3.9 list', () => {
    for (const name of ['smtp_use_tls', 'smtpd_use_tls', 'smtpd_enforce_tls', 'smtp_enforce_tls', 'smtp_tls_per_site', 'lmtp_tls_per_site', 'lmtp_use_tls', 'lmtp_enforce_tls', 'disable_dns_lookups', 'smtpd_tls_dh1024_param_file', 'smtpd_tls_eecdh_grade', 'permit_mx_backup', 'check_relay_domains', 'reject_maps_rbl', 'permit_naked_ip_address']) {
      assert.ok(getDeprecation(name), name);
    }
  });

  it('name only parameters some release documents (built in to 3.7, or an old name it still honours)', () => {
    const legacy = new Set(documentedNonBuiltinParameters());
    for (const d of allDeprecations().filter((x) => x.kind === 'parameter')) {
      assert.ok(releaseParameter(d.name) || isBuiltinParameter(d.name) || legacy.has(d.name), d.name);
    }
  });

  it('include the 2.x names renamed since, with the replacement and the release that warns', () => {
    const d = getDeprecation('virtual_maps')!;
    assert.deepEqual([d.kind, d.warnedSince, d.removedIn, d.replacements], ['parameter', '3.11', undefined, ['virtual_alias_maps']]);
    assert.match(d.advice.en, /virtual_alias_maps/);
    assert.equal(getDeprecation('check_relay_domains')?.removedIn, '3.9');
    assert.equal(getDeprecation('virtual_alias_maps'), undefined);
  });

  it('attach our advice only to deprecations the releases list', () => {
    for (const name of advisedNames()) assert.ok(getDeprecation(name), name);
  });

  it('replace each parameter by real parameters, and each restriction by a real restriction or parameter', () => {
    for (const d of allDeprecations()) {
      for (const rep of d.replacements) {
        const ok = d.kind === 'parameter' ? !!releaseParameter(rep) : !!getRestriction(rep) || isBuiltinParameter(rep);
        assert.ok(ok, `${d.name} → ${rep}`);
      }
      if (d.replacements.length === 0) assert.match(d.advice.en, /Delete/, `${d.name}: no replacement, so the advice is to delete it`);
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
