// How smtpd reads an address pattern in mynetworks and the other network lists (match_ops.c,
// cidr_match.c). A net/mask pattern that does not parse, or has host bits set beyond its mask,
// makes the list lookup fail at run time ("server configuration error" for the client); a plain
// address that is not one is silently never matched.
export interface NetworkPatternProblem {
  severity: 'error' | 'warning';
  /** Our words, in English and Spanish. */
  message: { en: string; es: string };
}

const ADDRESS_CHARS = /^[0-9A-Fa-f:.[\]/]+$/;

function ipv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

function ipv6Bytes(s: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || (s.match(/::/g) ?? []).length > 1) return undefined;
  let tail: number[] = [];
  let text = s;
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = ipv4Bytes(v4[1]);
    if (!b) return undefined;
    tail = b;
    text = s.slice(0, -v4[1].length) + '0';
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (x: string) => (x === '' ? [] : x.split(':'));
  const h = groups(head);
  const r = rest === undefined ? [] : groups(rest);
  if (v4) (r.length ? r : h).pop();
  const want = 8 - tail.length / 2;
  if ([...h, ...r].some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
  if (rest === undefined ? h.length !== want : h.length + r.length > want - 1) return undefined;
  const words = [...h, ...Array(want - h.length - r.length).fill('0'), ...r].map((g) => parseInt(g, 16));
  return [...words.flatMap((w) => [w >> 8, w & 255]), ...tail];
}

/** The problem with one list item, if it is an address pattern that smtpd would choke on or never match. */
export function networkPatternProblem(item: string): NetworkPatternProblem | undefined {
  const pattern = item.startsWith('!') ? item.slice(1) : item;
  if (!ADDRESS_CHARS.test(pattern) || !/[.:]/.test(pattern)) return undefined;
  const slash = pattern.indexOf('/');
  if (slash < 0) {
    // A dotted quad that is not an address: compared as text only, it never matches a client.
    if (/^\d+\.\d+\.\d+\.\d+$/.test(pattern) && !ipv4Bytes(pattern)) {
      return { severity: 'warning', message: { en: `'${pattern}' is not an IPv4 address (each part is 0-255), so it never matches a client`, es: `'${pattern}' no es una dirección IPv4 (cada parte va de 0 a 255), así que nunca coincide con un cliente` } };
    }
    return undefined;
  }
  let addr = pattern.slice(0, slash);
  const mask = pattern.slice(slash + 1);
  const bracketed = addr.startsWith('[') && addr.endsWith(']');
  if (bracketed) addr = addr.slice(1, -1);
  const bytes = addr.includes(':') ? ipv6Bytes(addr) : ipv4Bytes(addr);
  const bits = bytes ? bytes.length * 8 : 0;
  const fatal = (en: string, es: string): NetworkPatternProblem => ({
    severity: 'error',
    message: { en: `${en}: smtpd fails the lookup at run time and answers clients with a server configuration error`, es: `${es}: smtpd falla al consultarlo y responde a los clientes con un error de configuración del servidor` },
  });
  if (!bytes) return fatal(`'${addr}' in '${pattern}' is not an IP address`, `'${addr}' en '${pattern}' no es una dirección IP`);
  if (!/^\d+$/.test(mask) || Number(mask) > bits) return fatal(`'/${mask}' in '${pattern}' is not a mask length from 0 to ${bits}`, `'/${mask}' en '${pattern}' no es una longitud de máscara de 0 a ${bits}`);
  const m = Number(mask);
  const hostBits = bytes.some((b, i) => {
    const keep = Math.max(0, Math.min(8, m - i * 8));
    return (b & (0xff >> keep)) !== 0;
  });
  if (hostBits) {
    const net = bytes.map((b, i) => b & ~(0xff >> Math.max(0, Math.min(8, m - i * 8))) & 0xff);
    const shown = bytes.length === 4 ? net.join('.') : undefined;
    const hint = shown ? ` (${shown}/${m})` : '';
    return fatal(`'${pattern}' has host bits set beyond /${m}${hint}`, `'${pattern}' tiene bits de máquina más allá de /${m}${hint}`);
  }
  return undefined;
}
