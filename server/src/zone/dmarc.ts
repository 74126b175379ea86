// DMARC policy records at _dmarc.<domain> (RFC 7489 §6.3).
import { parseTags, RecordProblem } from './problem';

const POLICIES = ['none', 'quarantine', 'reject'];

export function checkDmarc(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'dmarc', out);
  if (tags.length === 0 || tags[0].name !== 'v' || tags[0].value !== 'DMARC1') {
    out.push({ code: 'dmarc-version', severity: 'warning', message: "A DMARC record must start with 'v=DMARC1'; receivers ignore it otherwise", start: tags[0]?.start, end: tags[0]?.end });
    return out;
  }
  const byName = new Map(tags.map((t) => [t.name, t.value]));
  if (!byName.has('p')) out.push({ code: 'dmarc-no-policy', severity: 'warning', message: "The 'p=' tag (none, quarantine or reject) is required" });
  for (const { name, value, start, end, valueStart, valueEnd } of tags.slice(1)) {
    const bad = (expected: string) => out.push({ code: 'dmarc-bad-value', severity: 'warning', message: `Bad value '${value}' for '${name}=': expected ${expected}`, start: valueStart, end: valueEnd });
    switch (name) {
      case 'p':
      case 'sp':
      case 'np':
        if (!POLICIES.includes(value.toLowerCase())) bad('none, quarantine or reject');
        break;
      case 'adkim':
      case 'aspf':
        if (!/^[rs]$/i.test(value)) bad("'r' (relaxed) or 's' (strict)");
        break;
      case 'pct':
        if (!/^\d{1,3}$/.test(value) || Number(value) > 100) bad('a percentage 0-100');
        break;
      case 'ri':
        if (!/^\d{1,10}$/.test(value) || Number(value) > 4294967295) bad('a number of seconds');
        break;
      case 'fo':
        if (!/^[01ds](\s*:\s*[01ds])*$/.test(value)) bad("a colon-separated list of 0, 1, d and s");
        break;
      case 'rf':
        if (!/^[A-Za-z][A-Za-z0-9-]*(\s*:\s*[A-Za-z][A-Za-z0-9-]*)*$/.test(value)) bad("a colon-separated list of report formats, like 'afrf'");
        break;
      case 'rua':
      case 'ruf':
        for (const uri of value.split(',').map((u) => u.trim())) {
          if (!/^mailto:[^\s@!,;]+@[^\s@!,;]+\.[^\s@!,;]+(![0-9]+[kmgt]?)?$/i.test(uri)) {
            out.push({ code: 'dmarc-bad-uri', severity: 'warning', message: `'${uri}' in '${name}=' is not a mailto: address (like mailto:dmarc@example.org)`, start: valueStart, end: valueEnd });
          }
        }
        break;
      case 'v':
        out.push({ code: 'dmarc-syntax', severity: 'warning', message: "'v=' must appear only once, first", start, end });
        break;
      default:
        out.push({ code: 'dmarc-unknown-tag', severity: 'warning', message: `Unknown DMARC tag '${name}'; receivers ignore it`, start, end });
    }
  }
  return out;
}

/** Our own one-line explanations of the DMARC tags, for hovers. */
export const DMARC_TAG_DOCS: Record<string, string> = {
  v: 'Version; must be DMARC1 and come first.',
  p: 'Policy for mail that fails DMARC: none (monitor only), quarantine (treat as suspicious) or reject.',
  sp: 'Policy for subdomains; defaults to p.',
  np: 'Policy for non-existent subdomains (DMARCbis); defaults to sp.',
  adkim: 'DKIM alignment: r (relaxed, same organisational domain) or s (strict, exact domain).',
  aspf: 'SPF alignment: r (relaxed) or s (strict).',
  pct: 'Percentage of failing mail the policy applies to (0-100, default 100).',
  rua: 'Where aggregate (daily summary) reports go: mailto: URIs, comma-separated.',
  ruf: 'Where failure (per-message) reports go: mailto: URIs.',
  fo: 'When to send failure reports: 0 all fail, 1 any fails, d DKIM fails, s SPF fails.',
  rf: 'Format of failure reports (afrf).',
  ri: 'Interval between aggregate reports, in seconds (default 86400).',
};
