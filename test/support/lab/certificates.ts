// The lab's self-signed certificates, made once with openssl and kept between runs:
//   good     smtp.mail1.org (the lesson's snakeoil-like certificate), valid for ten years
//   expired  smtp.mail1.org, valid only during 2020
//   wrong    wrong.example.org, valid, for another host name
// OpenSSL 3.0's `req` cannot back-date a certificate, so the expired one is signed with `ca`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SAN = 'subjectAltName=DNS:smtp.mail1.org,DNS:mail1.org,DNS:localhost,IP:127.0.0.1';

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function selfSigned(dir: string, name: string, cn: string, san: string): void {
  openssl([
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '3650', '-sha256',
    '-subj', `/CN=${cn}`, '-addext', san,
    '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.pem`),
  ]);
}

function expired(dir: string): void {
  const key = join(dir, 'expired.key');
  const csr = join(dir, 'expired.csr');
  const db = join(dir, 'ca-db');
  writeFileSync(`${db}.index`, '');
  writeFileSync(`${db}.serial`, '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca = lab\n[lab]\ndatabase = ${db}.index\nserial = ${db}.serial\nnew_certs_dir = ${dir}\n` +
      `default_md = sha256\npolicy = any\ncopy_extensions = copy\nunique_subject = no\n[any]\ncommonName = supplied\n`,
  );
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=smtp.mail1.org', '-addext', SAN, '-keyout', key, '-out', csr]);
  openssl([
    'ca', '-batch', '-config', join(dir, 'ca.cnf'), '-selfsign', '-keyfile', key, '-in', csr, '-notext',
    '-startdate', '20200101000000Z', '-enddate', '20201231000000Z', '-out', join(dir, 'expired.pem'),
  ]);
}

export function makeCertificates(dir: string): { good: string; expired: string; wrong: string } {
  const has = (name: string) => existsSync(join(dir, `${name}.pem`)) && existsSync(join(dir, `${name}.key`));
  if (!has('good')) selfSigned(dir, 'good', 'smtp.mail1.org', SAN);
  if (!has('wrong')) selfSigned(dir, 'wrong', 'wrong.example.org', 'subjectAltName=DNS:wrong.example.org');
  if (!has('expired')) expired(dir);
  const read = (name: string) => readFileSync(join(dir, `${name}.pem`), 'utf8');
  return { good: read('good'), expired: read('expired'), wrong: read('wrong') };
}
