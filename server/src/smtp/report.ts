// A probe result as text for the terminal and as Markdown for the clipboard, issues and chats.
// Both come from the result alone, which never holds the password, so neither can leak it.
import type { ExpectFailure, ProbeResult, StageResult, TlsReport, TranscriptLine } from './types';

const mark = (ok: boolean) => (ok ? '✔' : '✖');
const ms = (s: StageResult) => `${s.ms < 10 ? s.ms.toFixed(1) : Math.round(s.ms)} ms`;

export function verdict(r: ProbeResult): string {
  if (r.ok) return r.expect ? `meets the ${r.expect.profile} policy` : 'ok';
  const failed = r.stages.find((s) => !s.ok);
  if (failed) return `failed at ${failed.name}`;
  return `does not meet the ${r.expect!.profile} policy`;
}

function tlsLines(t: TlsReport): string[] {
  const expiry = t.daysToExpiry < 0 ? `expired ${-t.daysToExpiry} days ago` : `${t.daysToExpiry} days left`;
  return [
    `${t.protocol}, ${t.cipher}`,
    `subject ${t.subject}`,
    `issuer ${t.issuer}${t.selfSigned ? ' (self-signed)' : ''}`,
    `names ${t.altNames.join(', ') || '(none)'}`,
    `valid ${t.validFrom.slice(0, 10)} to ${t.validTo.slice(0, 10)} (${expiry})`,
    `trusted ${t.trusted ? 'yes' : `no (${t.trustError})`}; name ${t.checkedName} ${t.hostnameMatch ? 'matches' : 'does not match'}`,
    `SHA-256 ${t.fingerprint256}`,
  ];
}

function summaryLines(r: ProbeResult): string[] {
  const out: string[] = [];
  if (r.banner) out.push(`banner: ${r.banner.split('\n')[0]}`);
  if (r.ehloBefore.length) out.push(`EHLO before TLS: ${r.ehloBefore.join(', ')}`);
  if (r.ehloAfter.length) out.push(`EHLO after TLS: ${r.ehloAfter.join(', ')}`);
  if (r.auth) {
    const tried = r.auth.tried ? `; ${r.auth.tried} ${r.auth.ok ? 'accepted' : 'refused'} (${r.auth.code ?? 'no reply'})` : '; not tried';
    out.push(`AUTH: ${r.auth.mechanisms.join(' ') || 'not offered'}${tried}`);
  }
  if (r.relay) {
    const parts = [];
    if (r.relay.rcpt) parts.push(`<${r.relay.rcpt}> ${r.relay.accepted ? 'ACCEPTED' : 'refused'} (${r.relay.code})`);
    if (r.relay.local) parts.push(`<${r.relay.local.rcpt}> ${r.relay.local.accepted ? 'accepted' : 'refused'} (${r.relay.local.code})`);
    out.push(`relay test: ${parts.join('; ')}`);
  }
  return out;
}

function failureLines(f: ExpectFailure): string[] {
  return [f.message, `why: ${f.hint}`, ...(f.settings.length ? [`look at: ${f.settings.join(', ')}`] : [])];
}

export function renderText(r: ProbeResult, opts: { transcript?: boolean } = {}): string {
  const out = [`${r.host}:${r.port}: ${verdict(r)}`];
  const width = Math.max(...r.stages.map((s) => s.name.length), 4);
  for (const s of r.stages) out.push(`  ${mark(s.ok)} ${s.name.padEnd(width)} ${ms(s).padStart(9)}  ${s.detail}`);
  if (r.tls) out.push('TLS:', ...tlsLines(r.tls).map((l) => `  ${l}`));
  out.push(...summaryLines(r));
  if (r.expect) {
    const n = r.expect.failures.length;
    out.push(`expectations (${r.expect.profile}): ${n === 0 ? 'all met' : `${n} not met`}`);
    for (const f of r.expect.failures) {
      const [first, ...rest] = failureLines(f);
      out.push(`  ✖ ${first}`, ...rest.map((l) => `    ${l}`));
    }
  }
  if (opts.transcript) out.push('transcript:', ...renderTranscript(r.transcript).map((l) => `  ${l}`));
  return out.join('\n') + '\n';
}

export function renderTranscript(lines: TranscriptLine[]): string[] {
  return lines.map((l) => `${String(l.t).padStart(5)} ms ${l.dir === 'C' ? '->' : l.dir === 'S' ? '<-' : '**'} ${l.text}`);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(results: ProbeResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`### ${r.host}:${r.port}${r.expect ? ` (${r.expect.profile})` : ''}: ${mark(r.ok)} ${verdict(r)}`, '');
    out.push('| stage | result | time | detail |', '|---|---|---|---|');
    for (const s of r.stages) out.push(`| ${s.name} | ${mark(s.ok)} | ${ms(s)} | ${cell(s.detail)} |`);
    out.push('');
    if (r.tls) out.push('**TLS**', '', ...tlsLines(r.tls).map((l) => `- ${cell(l)}`), '');
    const summary = summaryLines(r);
    if (summary.length) out.push(...summary.map((l) => `- ${cell(l)}`), '');
    if (r.expect && r.expect.failures.length) {
      out.push(`**Expectations not met (${r.expect.profile})**`, '');
      for (const f of r.expect.failures) {
        out.push(`- ✖ ${cell(f.message)}  `, `  ${cell(f.hint)}${f.settings.length ? ` Settings: ${f.settings.map((s) => `\`${s}\``).join(', ')}.` : ''}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

/** The result as the CLI's `--json` prints it: the public shape, without the transcript unless asked. */
export function toJson(r: ProbeResult, withTranscript = false): object {
  const { transcript, ...rest } = r;
  return withTranscript ? { ...rest, transcript } : rest;
}
