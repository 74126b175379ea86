// dns-check's report: one ✔ or ✖ line per check, with what was expected and what was served under
// a failure; the JSON form is the issue's {domain, server, checks: [...]}; Markdown for copying.
import { t, type Locale } from '../../l10n';
import type { DnsCheckReport } from './index';
import type { DnsCheck } from './types';

/** Whether the report fails dns-check: a failed check of severity error. */
export function hasErrors(report: DnsCheckReport): boolean {
  return report.checks.some((c) => !c.ok && c.severity === 'error');
}

const mark = (c: DnsCheck) => (c.ok ? '✔' : '✖');

function counts(report: DnsCheckReport): [number, number] {
  const passed = report.checks.filter((c) => c.ok).length;
  return [passed, report.checks.length - passed];
}

export function renderText(report: DnsCheckReport, locale: Locale): string {
  const lines = [t(locale, 'dns.report-title', report.domain, report.server), ''];
  for (const c of report.checks) {
    const where = c.line !== undefined ? ` (${t(locale, 'dns.line', c.line + 1)})` : '';
    lines.push(`${mark(c)} ${c.message}${c.ok ? '' : ` [${c.code}, ${c.severity}]`}${where}`);
    if (!c.ok) {
      if (c.expected !== undefined) lines.push(`    ${t(locale, 'dns.expected')}: ${c.expected}`);
      if (c.served !== undefined) lines.push(`    ${t(locale, 'dns.served')}: ${c.served === '' ? '—' : c.served}`);
    }
  }
  lines.push('', t(locale, 'dns.summary', ...counts(report)));
  return lines.join('\n') + '\n';
}

export function renderMarkdown(report: DnsCheckReport, locale: Locale): string {
  const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `### ${t(locale, 'dns.report-title', report.domain, report.server)}`,
    '',
    `| | code | ${t(locale, 'dns.expected')} | ${t(locale, 'dns.served')} |`,
    '|---|---|---|---|',
    ...report.checks.map((c) => `| ${mark(c)} ${cell(c.message)} | \`${c.code}\` | ${cell(c.expected)} | ${cell(c.served)} |`),
    '',
    t(locale, 'dns.summary', ...counts(report)),
  ];
  return lines.join('\n') + '\n';
}

export function toJson(report: DnsCheckReport): object {
  return {
    domain: report.domain,
    server: report.server,
    checks: report.checks.map(({ code, ok, severity, message, expected, served, line }) => ({ code, ok, severity, message, expected, served, ...(line !== undefined ? { line: line + 1 } : {}) })),
  };
}
