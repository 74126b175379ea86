// Host name and address syntax as smtpd judges it (Postfix's valid_hostname(), valid_hostaddr()),
// for reject_invalid_helo_hostname, reject_non_fqdn_* and for telling a literal address from a name.
import { isAlnum } from '../../parsers/logicalLines';

const LABEL_MAX = 63;
const NAME_MAX = 255;

const isDigit = (c: string) => c >= '0' && c <= '9';

/** Letters, digits, '-' and '_' in dot-separated labels; not all-numeric; no empty label. */
export function isValidHostname(name: string): boolean {
  if (name === '') return false;
  let labelLength = 0;
  let nonNumeric = false;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (isAlnum(c) || c === '_') {
      labelLength++;
      if (labelLength > LABEL_MAX) return false;
      if (!isDigit(c)) nonNumeric = true;
    } else if (c === '.') {
      if (labelLength === 0 || i + 1 === name.length) return false;
      labelLength = 0;
    } else if (c === '-') {
      nonNumeric = true;
      labelLength++;
      if (labelLength === 1 || i + 1 === name.length || name[i + 1] === '.') return false;
    } else return false;
  }
  return nonNumeric && name.length <= NAME_MAX;
}

export function isValidIpv4(addr: string): boolean {
  let inByte = false;
  let bytes = 0;
  let value = 0;
  for (let i = 0; i < addr.length; i++) {
    const c = addr[i];
    if (isDigit(c)) {
      if (!inByte) {
        inByte = true;
        value = 0;
        bytes++;
      }
      value = value * 10 + Number(c);
      if (value > 255) return false;
    } else if (c === '.') {
      if (!inByte || i + 1 === addr.length) return false;
      // A first byte of 0 is refused unless the whole address is zeros.
      if (bytes === 1 && value === 0 && /[^0.]/.test(addr)) return false;
      inByte = false;
    } else return false;
  }
  return bytes === 4;
}

export function isValidIpv6(addr: string): boolean {
  let nullField = 0;
  let field = 0;
  let len = 0;
  let i = 0;
  for (;;) {
    const c = addr[i];
    if (c === undefined) {
      if (field < 2) return false;
      return !(len === 0 && nullField !== field - 1);
    }
    if (c === '.') {
      if (field < 2 || field > 6) return false;
      return isValidIpv4(addr.slice(i - len));
    }
    if (c === ':') {
      if (field === 0 && len === 0 && addr[i + 1] !== undefined && isAlnum(addr[i + 1])) return false;
      field++;
      if (field > 7) return false;
      i++;
      len = 0;
      if (addr[i] === ':') {
        if (nullField > 0) return false;
        nullField = field;
      }
      continue;
    }
    len = /^[0-9a-fA-F]*/.exec(addr.slice(i))![0].length;
    if (len > 4 || len === 0) return false;
    i += len;
  }
}

export function isValidHostAddress(addr: string): boolean {
  if (addr === '') return false;
  return addr.includes(':') ? isValidIpv6(addr) : isValidIpv4(addr);
}

/** smtpd drops one trailing dot (but not two) before judging a name. */
export function withoutTrailingDot(name: string): string {
  return name.length > 1 && name.endsWith('.') && name[name.length - 2] !== '.' ? name.slice(0, -1) : name;
}

/** An address literal such as [192.0.2.1] or [IPv6:2001:db8::1], as valid_mailhost_addr() accepts it. */
export function isValidAddressLiteral(text: string): boolean {
  const inner = text.startsWith('[') && text.endsWith(']') && text.length > 2 ? text.slice(1, -1) : text;
  if (/^ipv6:/i.test(inner)) return isValidIpv6(inner.slice(5));
  return !inner.includes(':') && isValidIpv4(inner);
}
