// DMARC policy records at _dmarc.<domain> (RFC 7489 §6.3).
import type { MessageKey } from '../l10n';
import { parseTags, problem, RecordProblem } from './problem';

const POLICIES = ['none', 'quarantine', 'reject'];

export function checkDmarc(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  const tags = parseTags(text, 'dmarc', out);
  if (tags.length === 0 || tags[0].name !== 'v' || tags[0].value !== 'DMARC1') {
    out.push(problem('dmarc-version', 'warning', 'zone.dmarc.version', [], { start: tags[0]?.start, end: tags[0]?.end }));
    return out;
  }
  const byName = new Map(tags.map((t) => [t.name, t.value]));
  if (!byName.has('p')) out.push(problem('dmarc-no-policy', 'warning', 'zone.dmarc.no-policy'));
  for (const { name, value, start, end, valueStart, valueEnd } of tags.slice(1)) {
    const bad = (key: MessageKey) => out.push(problem('dmarc-bad-value', 'warning', key, [value, name], { start: valueStart, end: valueEnd }));
    switch (name) {
      case 'p':
      case 'sp':
      case 'np':
        if (!POLICIES.includes(value.toLowerCase())) bad('zone.dmarc.bad-policy');
        break;
      case 'adkim':
      case 'aspf':
        if (!/^[rs]$/i.test(value)) bad('zone.dmarc.bad-alignment');
        break;
      case 'pct':
        if (!/^\d{1,3}$/.test(value) || Number(value) > 100) bad('zone.dmarc.bad-pct');
        break;
      case 'ri':
        if (!/^\d{1,10}$/.test(value) || Number(value) > 4294967295) bad('zone.dmarc.bad-interval');
        break;
      case 'fo':
        if (!/^[01ds](\s*:\s*[01ds])*$/.test(value)) bad('zone.dmarc.bad-fo');
        break;
      case 'rf':
        if (!/^[A-Za-z][A-Za-z0-9-]*(\s*:\s*[A-Za-z][A-Za-z0-9-]*)*$/.test(value)) bad('zone.dmarc.bad-rf');
        break;
      case 'rua':
      case 'ruf':
        for (const uri of value.split(',').map((u) => u.trim())) {
          if (!/^mailto:[^\s@!,;]+@[^\s@!,;]+\.[^\s@!,;]+(![0-9]+[kmgt]?)?$/i.test(uri)) {
            out.push(problem('dmarc-bad-uri', 'warning', 'zone.dmarc.bad-uri', [uri, name], { start: valueStart, end: valueEnd }));
          }
        }
        break;
      case 'v':
        out.push(problem('dmarc-syntax', 'warning', 'zone.dmarc.v-not-first', [], { start, end }));
        break;
      default:
        out.push(problem('dmarc-unknown-tag', 'warning', 'zone.dmarc.unknown-tag', [name], { start, end }));
    }
  }
  return out;
}

/** Our own one-line explanations of the DMARC tags, for hovers. */
export const DMARC_TAG_DOCS: Record<string, { en: string; es: string }> = {
  v: { en: 'Version; must be DMARC1 and come first.', es: 'Versión; debe ser DMARC1 e ir la primera.' },
  p: {
    en: 'Policy for mail that fails DMARC: none (monitor only), quarantine (treat as suspicious) or reject.',
    es: 'Política para el correo que falla DMARC: none (solo observar), quarantine (tratarlo como sospechoso) o reject.',
  },
  sp: { en: 'Policy for subdomains; defaults to p.', es: 'Política para los subdominios; por omisión, la de p.' },
  np: { en: 'Policy for non-existent subdomains (DMARCbis); defaults to sp.', es: 'Política para subdominios que no existen (DMARCbis); por omisión, la de sp.' },
  adkim: {
    en: 'DKIM alignment: r (relaxed, same organisational domain) or s (strict, exact domain).',
    es: 'Alineación DKIM: r (relajada, mismo dominio organizativo) o s (estricta, dominio exacto).',
  },
  aspf: { en: 'SPF alignment: r (relaxed) or s (strict).', es: 'Alineación SPF: r (relajada) o s (estricta).' },
  pct: { en: 'Percentage of failing mail the policy applies to (0-100, default 100).', es: 'Porcentaje del correo que falla al que se aplica la política (0-100, por omisión 100).' },
  rua: { en: 'Where aggregate (daily summary) reports go: mailto: URIs, comma-separated.', es: 'Adónde van los informes agregados (resumen diario): URI mailto:, separados por comas.' },
  ruf: { en: 'Where failure (per-message) reports go: mailto: URIs.', es: 'Adónde van los informes de fallo (uno por mensaje): URI mailto:.' },
  fo: {
    en: 'When to send failure reports: 0 all fail, 1 any fails, d DKIM fails, s SPF fails.',
    es: 'Cuándo enviar informes de fallo: 0 si fallan todos, 1 si falla alguno, d si falla DKIM, s si falla SPF.',
  },
  rf: { en: 'Format of failure reports (afrf).', es: 'Formato de los informes de fallo (afrf).' },
  ri: { en: 'Interval between aggregate reports, in seconds (default 86400).', es: 'Intervalo entre informes agregados, en segundos (por omisión 86400).' },
};
