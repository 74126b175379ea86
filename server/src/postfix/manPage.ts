// One parameter's entry of an installed postconf(5) manual page, as Markdown for a hover. The
// page is Postfix's own text, read at run time from the machine (or server) that has it, and never
// shipped with Mailconf. Each parameter is a `.SH name (default: value)` section of the roff
// source; the few requests Postfix uses there (.PP, .IP, .nf/.fi, .br, .sp, font escapes) are
// turned into Markdown and everything else is dropped. Pure: text in, text out, never throws.
import { gunzipSync } from 'node:zlib';

/** Unpacked pages larger than this are not manual pages (postconf.5 is under 1 MB). */
export const MAX_MAN_PAGE_BYTES = 8 * 1024 * 1024;

/** The roff text of a page file's bytes, gzip-compressed (as Debian installs it) or not; '' if unreadable. */
export function manPageSource(bytes: Uint8Array): string {
  try {
    const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    const raw = gzip ? gunzipSync(bytes, { maxOutputLength: MAX_MAN_PAGE_BYTES }) : Buffer.from(bytes);
    return raw.length > MAX_MAN_PAGE_BYTES ? '' : raw.toString('utf8');
  } catch {
    return '';
  }
}

export interface ManPageEntry {
  name: string;
  /** The heading's parenthesis: "default: empty", "read-only", … */
  heading: string;
  markdown: string;
}

/** roff's character escapes as plain text, fonts removed. */
function plain(s: string): string {
  return s
    .replace(/\\f(\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\(em/g, '—')
    .replace(/\\\(en/g, '–')
    .replace(/\\\((aq|cq)/g, "'")
    .replace(/\\\((lq|rq|dq)/g, '"')
    .replace(/\\\(.{2}/g, '')
    .replace(/\\[&|^]/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\e/g, '\\')
    .replace(/\\(.)/g, '$1');
}

const escapeMarkdown = (s: string) => s.replace(/[\\`*_{}[\]<>#|~]/g, '\\$&');

/** Running text: Markdown-escaped, with \fB…\fR as bold and \fI…\fR as italics. A font still
 *  open at the end of the line is closed there and reopened on the next, so Markdown stays balanced. */
function inline(s: string, state: { font: string }): string {
  let out = '';
  let openedAt = -1;
  const setFont = (mark: string) => {
    if (mark === state.font) return;
    // Closing a font right after opening it would leave bare asterisks: drop the opening instead.
    if (state.font && out.length === openedAt) out = out.slice(0, -state.font.length);
    else out += state.font;
    out += mark;
    openedAt = out.length;
    state.font = mark;
  };
  const carried = state.font;
  state.font = '';
  setFont(carried);
  for (const part of s.split(/(\\f(?:\[[^\]]*\]|\(..|.))/)) {
    const font = /^\\f(?:\[([^\]]*)\]|\((..)|(.))$/.exec(part);
    if (!font) out += escapeMarkdown(plain(part));
    else {
      const f = font[1] ?? font[2] ?? font[3];
      setFont(f === 'B' ? '**' : f === 'I' ? '*' : '');
    }
  }
  const open = state.font;
  setFont('');
  state.font = open;
  return out;
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');

/** The heading of a `.SH` line as [name, parenthesis], or undefined when it is not a parameter's. */
function parameterHeading(line: string): [string, string] | undefined {
  const m = /^\.SH\s+(\S+)\s*\((.*)\)\s*$/.exec(line);
  return m ? [plain(m[1]), plain(m[2])] : undefined;
}

/** Every parameter name that has an entry. */
export function manPageParameters(roff: string): string[] {
  const out: string[] = [];
  for (const line of roff.split('\n')) {
    const h = line.startsWith('.SH') ? parameterHeading(line) : undefined;
    if (h) out.push(h[0]);
  }
  return out;
}

export function manPageEntry(roff: string, name: string): ManPageEntry | undefined {
  if (typeof roff !== 'string' || !/^[A-Za-z0-9_]+$/.test(name)) return undefined;
  const lines = roff.split('\n');
  let start = -1;
  let heading = '';
  for (let i = 0; i < lines.length && start < 0; i++) {
    if (!lines[i].startsWith('.SH')) continue;
    const h = parameterHeading(lines[i]);
    if (h && h[0] === name) {
      start = i + 1;
      heading = h[1];
    }
  }
  if (start < 0) return undefined;

  const blocks: string[] = [];
  let paragraph: string[] = [];
  let code: string[] | undefined;
  const state = { font: '' };
  const BREAK = '\u0000';
  const flush = () => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
    if (text) blocks.push(text.replace(/ ?\u0000 ?/g, '  \n'));
    paragraph = [];
    state.font = '';
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.startsWith('.SH')) break;
    const request = /^[.'](\S*)\s*(.*)$/.exec(line);
    if (code && !(request && request[1] === 'fi')) {
      if (!request) code.push(plain(line));
      continue;
    }
    if (!request) {
      if (line.trim() === '') flush();
      else paragraph.push(inline(line, state));
      continue;
    }
    const [, req, args] = request;
    if (req === 'PP' || req === 'LP' || req === 'P' || req === 'sp') flush();
    else if (req === 'br') paragraph.push(BREAK);
    else if (req === 'IP' || req === 'TP') {
      flush();
      const label = unquote(args.replace(/\s+\d+\s*$/, ''));
      if (label) paragraph.push(`- ${inline(label, state)}:`);
    } else if (req === 'nf') {
      flush();
      code = [];
    } else if (req === 'fi' && code) {
      while (code.length && code[code.length - 1].trim() === '') code.pop();
      if (code.length) blocks.push('```\n' + code.join('\n') + '\n```');
      code = undefined;
    }
    // .ft, .na, .ad, .in, .RS, .RE and comments change only the layout.
  }
  flush();
  if (code?.length) blocks.push('```\n' + code.join('\n') + '\n```');
  const markdown = blocks.filter((b) => b.replace(/\s/g, '') !== '').join('\n\n');
  return { name, heading, markdown };
}
