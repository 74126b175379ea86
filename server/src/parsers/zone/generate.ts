// BIND's $GENERATE: a range "start-stop[/step]" and templates where $ is the iterator,
// ${offset[,width[,base]]} formats it, and \$ (or $$) is a literal dollar sign.
import { Localized, msg } from '../../l10n';

export interface GenerateRange {
  start: number;
  stop: number;
  step: number;
}

export function parseGenerateRange(text: string): GenerateRange | Localized {
  const m = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(text);
  if (!m) return msg('zone.read.generate-range-form', text);
  const start = Number(m[1]);
  const stop = Number(m[2]);
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (start > stop) return msg('zone.read.generate-range-backwards', text);
  if (stop > 2147483647) return msg('zone.read.generate-range-too-high', text);
  if (step < 1) return msg('zone.read.generate-range-step', text);
  return { start, stop, step };
}

export function expandGenerate(template: string, value: number): string | { error: Localized } {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '\\' && template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (template[i + 1] !== '{') {
      out += String(value);
      continue;
    }
    const close = template.indexOf('}', i);
    if (close < 0) return { error: msg('zone.read.generate-unclosed') };
    const m = /^([+-]?\d+)(?:,(\d+)(?:,([doxXnN]))?)?$/.exec(template.slice(i + 2, close));
    if (!m) return { error: msg('zone.read.generate-bad-modifier', template.slice(i, close + 1)) };
    // BIND adds the offset as a C int: a negative result is printed as it is, a result above
    // 2147483647 is refused ("out of range").
    const n = value + Number(m[1]);
    if (n > 2147483647) return { error: msg('zone.read.generate-modifier-too-high', template.slice(i, close + 1), n) };
    const width = m[2] === undefined ? 0 : Number(m[2]);
    const base = m[3] ?? 'd';
    out += format(n, width, base);
    i = close;
  }
  return out;
}

function format(n: number, width: number, base: string): string {
  if (n < 0 && base !== 'd') n = n >>> 0; // printf's %x and %o of a negative int
  if (n < 0) return '-' + String(-n).padStart(Math.max(0, width - 1), '0');
  if (base === 'n' || base === 'N') {
    // Nibble format: hex digits reversed and dot-separated, as in ip6.arpa names.
    let hex = n.toString(16).padStart(Math.max(1, width), '0');
    if (base === 'N') hex = hex.toUpperCase();
    return hex.split('').reverse().join('.');
  }
  const s = base === 'o' ? n.toString(8) : base === 'x' ? n.toString(16) : base === 'X' ? n.toString(16).toUpperCase() : String(n);
  return s.padStart(width, '0');
}
