// SPF records (RFC 7208): version, mechanisms with their qualifiers, modifiers, and the limit of
// 10 terms that make DNS lookups (§4.6.4), past which receivers return permerror.
import { isIPv4At, isIPv6At } from '../parsers/zone/lexical';
import type { MessageKey } from '../l10n';
import { problem, RecordProblem } from './problem';

const LOOKUP_TERMS = new Set(['include', 'a', 'mx', 'ptr', 'exists', 'redirect']);

export function isSpf(text: string): boolean {
  return /^v=spf1(\s|$)/i.test(text);
}

export interface SpfTerm {
  qualifier: string;
  name: string;
  /** Argument after ':' or '=' (or the cidr suffix for a/mx). */
  value: string;
  modifier: boolean;
  /** Offsets of the term in the record text. */
  start: number;
  end: number;
}

export function parseSpfTerms(text: string): SpfTerm[] {
  const terms: SpfTerm[] = [];
  const re = /\S+/g;
  re.exec(text); // the version
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const start = m.index;
    const end = start + t.length;
    const mod = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(t);
    if (mod) {
      terms.push({ qualifier: '', name: mod[1].toLowerCase(), value: mod[2], modifier: true, start, end });
      continue;
    }
    const q = /^[+\-~?]/.test(t) ? t[0] : '';
    const body = t.slice(q.length);
    const sep = body.search(/[:/]/);
    const name = (sep < 0 ? body : body.slice(0, sep)).toLowerCase();
    const value = sep < 0 ? '' : body[sep] === ':' ? body.slice(sep + 1) : body.slice(sep);
    terms.push({ qualifier: q, name, value, modifier: false, start, end });
  }
  return terms;
}

/** What is wrong with a domain-spec, as the message that says it (its arguments: the term, then the spec). */
function domainSpecProblem(spec: string): MessageKey | undefined {
  if (spec === '') return 'zone.spf.domain-empty';
  // Macros (%{i}, %%, %_, %-) are allowed; anything else after % is not (RFC 7208 §7.1).
  if (/%(?![{%_-])/.test(spec)) return 'zone.spf.domain-percent';
  if (/%\{(?![slodiphcrtv]\d*r?[-.+,/_=]*\})/i.test(spec)) return 'zone.spf.domain-macro';
  if (!spec.includes('%') && !/^[A-Za-z0-9_.-]+\.?$/.test(spec)) return 'zone.spf.domain-not-a-name';
  if (!spec.includes('%') && !spec.replace(/\.$/, '').includes('.')) return 'zone.spf.domain-no-dot';
  return undefined;
}

function cidr(value: string, max: number): boolean {
  return /^\d{1,3}$/.test(value) && Number(value) <= max;
}

export function checkSpf(text: string): RecordProblem[] {
  const out: RecordProblem[] = [];
  if (!/^v=spf1(\s|$)/.test(text.trim())) {
    const first = /\S+/.exec(text);
    out.push(problem('spf-version', 'warning', 'zone.spf.version', [], { start: first?.index, end: first ? first.index + first[0].length : undefined }));
    return out;
  }
  const terms = parseSpfTerms(text);
  let lookups = 0;
  let sawAll = false;
  let redirect = false;
  const seenModifiers = new Set<string>();
  for (const t of terms) {
    const shown = `${t.qualifier}${t.name}${t.value ? (t.modifier ? '=' : t.value.startsWith('/') ? '' : ':') + t.value : ''}`;
    if (sawAll && !t.modifier) out.push(problem('spf-after-all', 'warning', 'zone.spf.after-all', [shown], t));
    if (LOOKUP_TERMS.has(t.name)) lookups++;
    if (t.modifier) {
      if (t.name === 'redirect' || t.name === 'exp') {
        if (seenModifiers.has(t.name)) out.push(problem('spf-duplicate-modifier', 'warning', 'zone.spf.duplicate-modifier', [t.name], t));
        seenModifiers.add(t.name);
        const p = domainSpecProblem(t.value);
        if (p) out.push(problem('spf-bad-domain', 'warning', p, [`${t.name}=`, t.value], t));
        if (t.name === 'redirect') redirect = true;
      }
      continue;
    }
    switch (t.name) {
      case 'all':
        if (t.value) out.push(problem('spf-syntax', 'warning', 'zone.spf.all-argument', [], t));
        if (t.qualifier === '+' || t.qualifier === '') out.push(problem('spf-pass-all', 'warning', 'zone.spf.pass-all', [t.qualifier], t));
        sawAll = true;
        break;
      case 'include':
      case 'exists': {
        const p = domainSpecProblem(t.value);
        if (p) out.push(problem('spf-bad-domain', 'warning', p, [`${t.name}:`, t.value], t));
        break;
      }
      case 'a':
      case 'mx': {
        const m = /^([^/]*)(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(t.value);
        if (!m || (m[2] !== undefined && !cidr(m[2], 32)) || (m[3] !== undefined && !cidr(m[3], 128))) {
          out.push(problem('spf-syntax', 'warning', 'zone.spf.prefix-length', [shown], t));
          break;
        }
        if (m[1] !== '') {
          const p = domainSpecProblem(m[1]);
          if (p) out.push(problem('spf-bad-domain', 'warning', p, [`${t.name}:`, m[1]], t));
        }
        break;
      }
      case 'ptr':
        out.push(problem('spf-ptr', 'warning', 'zone.spf.ptr', [], t));
        break;
      case 'ip4': {
        const [addr, len, extra] = t.value.split('/');
        if (!isIPv4At(addr, 0, addr.length) || (len !== undefined && !cidr(len, 32)) || extra !== undefined) {
          out.push(problem('spf-bad-ip', 'warning', 'zone.spf.bad-ip4', [shown], t));
        }
        break;
      }
      case 'ip6': {
        const slash = t.value.lastIndexOf('/');
        const addr = slash < 0 ? t.value : t.value.slice(0, slash);
        const len = slash < 0 ? undefined : t.value.slice(slash + 1);
        if (!isIPv6At(addr, 0, addr.length) || (len !== undefined && !cidr(len, 128))) {
          out.push(problem('spf-bad-ip', 'warning', 'zone.spf.bad-ip6', [shown], t));
        }
        break;
      }
      default:
        out.push(problem('spf-unknown-mechanism', 'warning', 'zone.spf.unknown-mechanism', [t.name], t));
    }
  }
  if (lookups > 10) out.push(problem('spf-too-many-lookups', 'warning', 'zone.spf.too-many-lookups', [lookups]));
  if (redirect && sawAll) out.push(problem('spf-redirect-ignored', 'warning', 'zone.spf.redirect-ignored'));
  if (!sawAll && !redirect) out.push(problem('spf-no-all', 'info', 'zone.spf.no-all'));
  return out;
}

/** What each SPF term means, for hovers (our own summary of RFC 7208 §5 and §6). */
export const SPF_TERM_DOCS: Record<string, { en: string; es: string }> = {
  all: {
    en: 'Matches every sender. Put it last: `-all` fails the rest, `~all` soft-fails, `?all` is neutral, `+all` lets anyone send.',
    es: 'Coincide con cualquier remitente. Póngalo al final: `-all` hace fallar al resto, `~all` da un fallo suave, `?all` es neutral, `+all` deja enviar a cualquiera.',
  },
  include: {
    en: "Evaluates another domain's SPF record; matches when that record passes. Costs one DNS lookup.",
    es: 'Evalúa el registro SPF de otro dominio; coincide cuando ese registro da pass. Cuesta una consulta DNS.',
  },
  a: {
    en: "Matches when the sender's IP is one of the A/AAAA addresses of the domain (this one by default). Costs one DNS lookup.",
    es: 'Coincide cuando la IP del remitente es una de las direcciones A/AAAA del dominio (este, por omisión). Cuesta una consulta DNS.',
  },
  mx: {
    en: "Matches when the sender's IP is an address of one of the domain's MX hosts. Costs one DNS lookup.",
    es: 'Coincide cuando la IP del remitente es una dirección de uno de los hosts MX del dominio. Cuesta una consulta DNS.',
  },
  ptr: {
    en: 'Matches when the reverse name of the sender validates inside the domain. Slow; do not use.',
    es: 'Coincide cuando el nombre inverso del remitente se valida dentro del dominio. Lento; no lo use.',
  },
  ip4: { en: 'Matches an IPv4 address or network, like ip4:192.0.2.0/24. No DNS lookup.', es: 'Coincide con una dirección o red IPv4, como ip4:192.0.2.0/24. Sin consulta DNS.' },
  ip6: { en: 'Matches an IPv6 address or network, like ip6:2001:db8::/32. No DNS lookup.', es: 'Coincide con una dirección o red IPv6, como ip6:2001:db8::/32. Sin consulta DNS.' },
  exists: {
    en: 'Matches when an A lookup of the (usually macro-built) domain returns anything. Costs one DNS lookup.',
    es: 'Coincide cuando una consulta A del dominio (construido normalmente con macros) devuelve algo. Cuesta una consulta DNS.',
  },
  redirect: {
    en: "Modifier: when nothing else matched, use another domain's SPF record instead. Costs one DNS lookup.",
    es: 'Modificador: si nada más coincidió, usa en su lugar el registro SPF de otro dominio. Cuesta una consulta DNS.',
  },
  exp: { en: 'Modifier: a domain whose TXT record explains a failure to the sender.', es: 'Modificador: un dominio cuyo registro TXT explica un fallo al remitente.' },
  'v=spf1': {
    en: 'Marks this TXT record as an SPF policy (RFC 7208). A name may have only one.',
    es: 'Marca este registro TXT como política SPF (RFC 7208). Un nombre solo puede tener una.',
  },
};
