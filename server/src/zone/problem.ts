// What a record-data validator reports: a code, a severity and a message, optionally with the
// character span inside the joined TXT text it is about.
import { MessageKey, t } from '../l10n';
export interface RecordProblem {
  code: string;
  /**
   * Never 'error': a zone with a broken policy still loads and mail is still delivered (receivers
   * ignore the policy or treat it as a permanent error), so these are warnings (see README).
   */
  severity: 'warning' | 'info';
  /** In English; `key` and `args` give it in another language. */
  message: string;
  key: MessageKey;
  args: Array<string | number>;
  /** The span at fault in the policy text (the TXT strings joined); the whole record when absent. */
  start?: number;
  end?: number;
}

/** A problem whose message is `key` with `args`, over `span` of the policy text when given. */
export function problem(code: string, severity: RecordProblem['severity'], key: MessageKey, args: Array<string | number> = [], span: { start?: number; end?: number } = {}): RecordProblem {
  const p: RecordProblem = { code, severity, message: t('en', key, ...args), key, args };
  if (span.start !== undefined) p.start = span.start;
  if (span.end !== undefined) p.end = span.end;
  return p;
}

export interface Tag {
  name: string;
  value: string;
  /** Offsets of the whole element and of the value in the policy text. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

/** Offsets of `part` trimmed, given where the untrimmed part starts. */
function trimmedSpan(part: string, at: number): [number, number] {
  const lead = part.length - part.trimStart().length;
  return [at + lead, at + part.trimEnd().length];
}

/**
 * Splits a "tag=value; tag=value" list (DKIM, DMARC, MTA-STS, TLSRPT). Whitespace around tags and
 * values is folding whitespace and ignored; an empty last element (trailing ';') is allowed.
 */
export function parseTags(text: string, kind: string, out: RecordProblem[]): Tag[] {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  const parts = text.split(';');
  let at = 0;
  parts.forEach((part, i) => {
    const partAt = at;
    at += part.length + 1;
    const trimmed = part.trim();
    const [start, end] = trimmedSpan(part, partAt);
    if (trimmed === '') {
      if (i !== parts.length - 1) out.push(problem(`${kind}-syntax`, 'warning', 'zone.tags.empty-element', [kind.toUpperCase()], { start: partAt, end: partAt + part.length + 1 }));
      return;
    }
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() === '') {
      out.push(problem(`${kind}-syntax`, 'warning', 'zone.tags.not-a-pair', [trimmed], { start, end }));
      return;
    }
    const name = part.slice(0, eq).trim();
    const [valueStart, valueEnd] = trimmedSpan(part.slice(eq + 1), partAt + eq + 1);
    const value = text.slice(valueStart, Math.max(valueStart, valueEnd));
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      out.push(problem(`${kind}-syntax`, 'warning', 'zone.tags.bad-name', [name], { start, end }));
      return;
    }
    if (seen.has(name)) out.push(problem(`${kind}-duplicate-tag`, 'warning', 'zone.tags.duplicate', [name], { start, end }));
    seen.add(name);
    tags.push({ name, value, start, end, valueStart, valueEnd: Math.max(valueStart, valueEnd) });
  });
  return tags;
}
