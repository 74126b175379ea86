// What a record-data validator reports: a code, a severity and a message, optionally with the
// character span inside the joined TXT text it is about.
export interface RecordProblem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface Tag {
  name: string;
  value: string;
}

/**
 * Splits a "tag=value; tag=value" list (DKIM, DMARC, MTA-STS, TLSRPT). Whitespace around tags and
 * values is folding whitespace and ignored; an empty last element (trailing ';') is allowed.
 */
export function parseTags(text: string, kind: string, out: RecordProblem[]): Tag[] {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  const parts = text.split(';');
  parts.forEach((part, i) => {
    const trimmed = part.trim();
    if (trimmed === '') {
      if (i !== parts.length - 1) out.push({ code: `${kind}-syntax`, severity: 'warning', message: `Empty element in the ${kind.toUpperCase()} tag list (';;')` });
      return;
    }
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      out.push({ code: `${kind}-syntax`, severity: 'error', message: `'${trimmed}' is not a tag=value pair` });
      return;
    }
    const name = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      out.push({ code: `${kind}-syntax`, severity: 'error', message: `'${name}' is not a valid tag name` });
      return;
    }
    if (seen.has(name)) out.push({ code: `${kind}-duplicate-tag`, severity: 'error', message: `The tag '${name}' appears twice; the record is invalid` });
    seen.add(name);
    tags.push({ name, value });
  });
  return tags;
}
