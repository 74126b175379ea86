import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absoluteName, checkName, isAbsolute, isInZone, relativeName } from '../../../../server/src/parsers/zone/names';
import { humanTtl, parseTtl } from '../../../../server/src/parsers/zone/ttl';

describe('zone names and TTLs', () => {
  it('treats an escaped final dot as part of a relative name', () => {
    assert.equal(isAbsolute('a.'), true);
    assert.equal(isAbsolute('a\\.'), false);
    assert.equal(isAbsolute('a\\\\.'), true);
    assert.equal(absoluteName('a\\.', 'example.org.'), 'a\\..example.org.');
  });

  it('counts escapes as one octet when checking label length', () => {
    assert.equal(checkName('\\065'.repeat(63) + '.org.'), undefined);
    assert.equal(checkName('\\065'.repeat(64) + '.org.'), 'label-too-long');
    assert.equal(checkName('a..org.'), 'empty-label');
    assert.equal(checkName('\\256.org.'), 'bad-escape');
    assert.equal(checkName(Array(5).fill('a'.repeat(60)).join('.') + '.'), 'name-too-long');
  });

  it('compares zone membership case-insensitively and on label boundaries', () => {
    assert.equal(isInZone('WWW.Example.ORG.', 'example.org.'), true);
    assert.equal(isInZone('badexample.org.', 'example.org.'), false);
    assert.equal(relativeName('www.example.org.', 'example.org.'), 'www');
    assert.equal(relativeName('example.org.', 'example.org.'), '@');
  });

  it('parses BIND TTL units and rejects other words', () => {
    assert.equal(parseTtl('1w2d3h4m5s'), 788645);
    assert.equal(parseTtl('1H30'), 3630);
    assert.equal(parseTtl('86400'), 86400);
    assert.equal(parseTtl('1x'), -1);
    assert.equal(parseTtl('h'), -1);
    assert.equal(humanTtl(90061), '1 day 1 hour 1 minute 1 second');
  });
});
