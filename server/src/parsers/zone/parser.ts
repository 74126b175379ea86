// Reads an RFC 1035 §5 master file into records. Pure: the only outside access is the optional
// `include` callback for $INCLUDE. Never throws; every problem becomes a ZoneError with a range.
import { localize, Localized, msg } from '../../l10n';
import { RecordLexer } from './lexer';
import { isIPv4At, isIPv6At } from './lexical';
import { absoluteName, checkName, isAbsolute, isInZone, NAME_PROBLEM_MESSAGES, nameKey, wireLength } from './names';
import { offsetRange } from './ranges';
import { base32HexLength, parseRdata, Rdata, RdataError, TARGET_TYPES } from './rdata';
import { octets } from './lexical';
import { MAX_TTL, parseTtlAt } from './ttl';
import { expandGenerate, parseGenerateRange } from './generate';
import { RecordTable, ZoneDirective, ZoneError, ZoneFile, ZoneRecord, ZoneSource } from './tree';
import { isClass, isMetaType, knownTypeAt, KnownType, typeCode, typeName } from './types';

export interface ParseOptions {
  /** URI of the text, for $INCLUDE resolution and for messages. */
  uri?: string;
  /** The zone apex. Default: the file's first $ORIGIN, else the root. */
  origin?: string;
  /** Reads an $INCLUDE: `path` as written, relative to the including file `fromUri`. */
  include?: (path: string, fromUri: string) => { uri: string; text: string } | undefined;
  /** Largest number of records one $GENERATE may produce (a guard against typos like 1-9999999). */
  maxGenerate?: number;
}

interface PendingError {
  code: string;
  message: Localized;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

const CHAR_DOLLAR = 36;
const MAX_RECORD_DATA = 65510;

export function parseZone(text: string, options: ParseOptions = {}): ZoneFile {
  return new ZoneParser(options).run(text);
}

/** Where a fragment starts inside a zone: the $ORIGIN and $TTL in force there. */
export interface FragmentStart {
  origin: string;
  defaultTtl: number;
}

/**
 * Parses whole lines cut from a zone (`options.origin` is the zone's apex) as the parser would
 * meet them at `start`; offsets and ranges are the fragment's own. See incremental.ts.
 */
export function parseZoneFragment(text: string, options: ParseOptions, start: FragmentStart): ZoneFile {
  return new ZoneParser(options).run(text, start);
}

/**
 * The zone a file names itself: the owner of its first record when that is the SOA (read under
 * the $ORIGIN in force there, as in zones BIND and NSD dump: `$ORIGIN com.` then `example SOA`),
 * else its first $ORIGIN. Only the lines before the first record are read.
 */
export function firstOrigin(text: string): string | undefined {
  let first: string | undefined;
  let origin: string | undefined;
  const line = /^([^\n]*)(?:\n|$)/gm;
  for (let m = line.exec(text); m && m[0] !== ''; m = line.exec(text)) {
    const body = m[1].replace(/;.*/, '').replace(/\r$/, '');
    if (body.trim() === '') continue;
    const words = body.trim().split(/\s+/);
    const head = words[0].toUpperCase();
    if (head === '$ORIGIN' && words.length > 1) {
      origin = absoluteName(words[1], origin ?? '.');
      first ??= origin;
      continue;
    }
    if (head.startsWith('$')) {
      if (head === '$TTL') continue;
      break;
    }
    // The first record: its owner is the zone when its type is SOA.
    if (/^\s/.test(body) || words.length < 2) break;
    const type = words.slice(1, 5).find((w) => w !== '(' && !/^\d/.test(w) && !isClass(w.toUpperCase()));
    if (type?.toUpperCase() !== 'SOA') break;
    const owner = words[0];
    if (owner === '@') return origin ?? first;
    if (isAbsolute(owner)) return owner;
    return origin !== undefined ? absoluteName(owner, origin) : first;
  }
  return first;
}

class ZoneParser {
  private table: RecordTable = new RecordTable();
  private readonly outOfZone = new RecordTable();
  private readonly directives: ZoneDirective[] = [];
  private errors: ZoneError[] = [];
  private readonly includes: ZoneSource[] = [];
  private readonly stack: string[] = [];
  private apex = '.';
  private origin = '.';
  /** '.' + origin (or '.' for the root), to append to relative names with one concatenation. */
  private dotOrigin = '.';
  private originWire = 1;
  private originInZone = true;
  /** The origin relative to the apex ('' at the apex), when it is inside the zone. */
  private originRel = '';
  /** The current owner relative to the apex (when in zone), shared by records that inherit it. */
  private lastOwnerRel = '';
  private lastInZone = true;
  private defaultTtl = -1;
  private lastTtl = -1;
  private lastOwner: string | undefined;
  private haveOwner = false;
  private parens: Array<{ open: number; close: number }> = [];

  constructor(private readonly options: ParseOptions) {}

  run(text: string, start?: FragmentStart): ZoneFile {
    let apex = this.options.origin ?? firstOrigin(text) ?? '.';
    if (!isAbsolute(apex)) apex += '.';
    this.apex = apex;
    this.table = new RecordTable(estimateRecords(text), apex);
    this.setOrigin(start?.origin ?? apex);
    if (start) this.defaultTtl = this.lastTtl = start.defaultTtl;
    const source = this.parseSource(this.options.uri ?? 'untitled:zone', text, true);
    const table = this.table;
    let views: ZoneRecord[] | undefined;
    return {
      source,
      origin: apex,
      table,
      get records() {
        if (!views) {
          views = new Array<ZoneRecord>(table.count);
          for (let i = 0; i < table.count; i++) views[i] = table.record(i);
        }
        return views;
      },
      outOfZone: this.outOfZone,
      directives: this.directives,
      errors: this.errors,
      includes: this.includes,
      parens: this.parens,
    };
  }

  private parseSource(uri: string, text: string, main: boolean, includedFrom?: ZoneSource['includedFrom']): ZoneSource {
    const pending: PendingError[] = [];
    const problem = (code: string, message: Localized, start: number, end: number, severity: 'error' | 'warning' = 'error') =>
      pending.push({ code, message, start, end, severity });
    const lex = new RecordLexer(text, problem, main ? this.table.typeCode.length : 1024);
    const source: ZoneSource = { uri, text, lineStarts: lex.lineStarts, lineCount: 1, includedFrom };
    this.stack.push(uri);
    const errorsBefore = this.errors.length;
    while (lex.next()) {
      if (lex.ownerPresent && text.charCodeAt(lex.starts[0]) === CHAR_DOLLAR) {
        this.directive(lex, source, problem);
      } else {
        this.record(lex, source, problem);
      }
    }
    this.stack.pop();
    source.lineStarts = lex.lineStarts;
    source.lineCount = lex.lineCount;
    if (main) this.parens = lex.parens;
    // Errors are turned into ranges once the line table is complete; keep them in text order
    // relative to errors reported from $INCLUDEd files (which were appended meanwhile).
    const converted = pending.map((p) => ({
      code: p.code,
      message: localize('en', p.message),
      l10n: p.message,
      source,
      range: offsetRange(source, p.start, p.end),
      severity: p.severity,
    }));
    if (this.errors.length === errorsBefore) for (const e of converted) this.errors.push(e);
    else this.errors = this.errors.slice(0, errorsBefore).concat(converted, this.errors.slice(errorsBefore));
    return source;
  }

  private setOrigin(origin: string): void {
    this.origin = origin;
    this.dotOrigin = origin === '.' ? '.' : '.' + origin;
    this.originWire = wireLength(origin);
    this.originInZone = isInZone(origin, this.apex);
    this.originRel = this.originInZone ? (this.table.keyOf(origin) ?? '') : '';
  }

  private record(lex: RecordLexer, source: ZoneSource, problem: PendingProblem): void {
    const text = lex.text;
    const n = lex.count;
    let i = 0;
    /** Absolute owner, computed only when needed (out-of-zone data, messages). */
    let owner: string | undefined;
    let ownerEnd = lex.starts[0];
    let inZone = this.lastInZone;
    let rel = this.lastOwnerRel;
    if (lex.ownerPresent) {
      const ownerText = lex.token(0);
      ownerEnd = lex.ends[0];
      i = 1;
      if (ownerText === '@') {
        owner = this.origin;
        inZone = this.originInZone;
        rel = this.originRel;
      } else if (isAbsolute(ownerText)) {
        owner = ownerText;
        const bad = checkName(owner);
        if (bad) problem(bad, NAME_PROBLEM_MESSAGES[bad], lex.starts[0], lex.ends[0]);
        const key = this.table.keyOf(owner);
        inZone = key !== undefined;
        rel = key ?? '';
      } else {
        // Relative: only the written labels need checking; the origin was checked when set.
        // The absolute name is built only when something needs it (see RecordTable.ownerName).
        owner = undefined;
        const bad = checkName(ownerText, this.originWire);
        if (bad) problem(bad, NAME_PROBLEM_MESSAGES[bad], lex.starts[0], lex.ends[0]);
        if (this.originInZone) {
          inZone = true;
          rel = this.originRel === '' ? ownerText : ownerText + '.' + this.originRel;
        } else {
          // An origin above the apex ($ORIGIN com. then `example SOA`, as BIND and NSD dump
          // zones): the owner may still fall inside the zone once the origin is appended.
          owner = ownerText + this.dotOrigin;
          const key = this.table.keyOf(owner);
          inZone = key !== undefined;
          rel = key ?? '';
          if (inZone) owner = undefined;
        }
      }
      this.lastOwner = owner;
      this.lastInZone = inZone;
      this.lastOwnerRel = rel;
      this.haveOwner = true;
    } else {
      owner = this.lastOwner;
      if (!this.haveOwner) {
        problem('no-owner', msg('zone.read.no-owner'), lex.starts[0], lex.ends[0]);
        owner = this.origin;
        inZone = this.originInZone;
        rel = this.originRel;
      }
    }
    const ownerStart = lex.starts[0];

    // TTL and class, in either order, before the type.
    let ttl = -1;
    let rrclass = 'IN';
    let sawClass = false;
    let known: KnownType | undefined;
    for (let k = 0; k < 3 && i < n; k++) {
      const s = lex.starts[i];
      const e = lex.ends[i];
      const c = text.charCodeAt(s);
      if (c >= 48 && c <= 57) {
        if (k === 2 || ttl >= 0) break;
        const v = parseTtlAt(text, s, e);
        // Above 32 bits it is no TTL at all (BIND: "bad ttl"), so it is read as the type.
        if (v < 0 || v > 4294967295) break;
        if (v > MAX_TTL) {
          problem('ttl-too-large', msg('zone.read.ttl-too-large', v), s, e, 'warning');
          ttl = 0;
        } else ttl = v;
        i++;
        continue;
      }
      // Classes without slicing for the usual IN; other words are rare enough to slice.
      const isIn = e - s === 2 && (c | 0x20) === 105 && (text.charCodeAt(s + 1) | 0x20) === 110;
      if (!isIn) {
        known = knownTypeAt(text, s, e);
        if (known !== undefined) break;
      }
      if (k === 2) break;
      // One class at most: a second is read as the type (BIND: "unknown RR type 'IN'").
      if (sawClass) break;
      sawClass = true;
      let word: string;
      if (isIn) word = 'IN';
      else {
        word = text.slice(s, e).toUpperCase();
        if (!isClass(word)) break;
        // CLASS1 is IN by its number (RFC 3597 §5).
        if (word !== 'CLASS1') problem('class-mismatch', msg('zone.read.class-mismatch', word), s, e);
        else word = 'IN';
      }
      rrclass = word;
      i++;
    }

    if (i >= n) {
      const at = lex.ends[n - 1];
      problem('missing-type', msg('zone.read.missing-type'), lex.starts[0], at);
      return;
    }
    const typeStart = lex.starts[i];
    const typeEnd = lex.ends[i];
    // A known mnemonic is its own canonical form (any case): the table keeps no written form for it.
    const written = known !== undefined ? undefined : text.slice(typeStart, typeEnd);
    const type = known !== undefined ? known.name : (written as string).toUpperCase();
    const code = known !== undefined ? known.code : typeCode(type);
    i++;
    const rdataStart = i < n ? lex.starts[i] : typeEnd;
    const rdataEnd = i < n ? lex.ends[n - 1] : typeEnd;

    const explicit = ttl >= 0;
    if (!explicit) {
      if (this.defaultTtl >= 0) ttl = this.defaultTtl;
      else if (this.lastTtl >= 0) ttl = this.lastTtl;
    } else this.lastTtl = ttl;

    const table = inZone ? this.table : this.outOfZone;
    const row = table.add(inZone ? rel : (owner ??= rel + this.dotOrigin), written, code, ttl, explicit, source, ownerStart, ownerEnd, typeStart, rdataStart, rdataEnd);
    if (rrclass !== 'IN') table.rrclass.set(row, rrclass);

    if (code < 0) {
      const c = text.charCodeAt(typeStart);
      problem(
        'unknown-type',
        msg(c >= 48 && c <= 57 ? 'zone.read.neither-ttl-nor-type' : 'zone.read.unknown-type', text.slice(typeStart, typeEnd)),
        headStart(lex, typeStart),
        typeEnd,
      );
    } else if (code === 3 || code === 4) {
      // RFC 1123 §5.2.4: MD and MF gave way to MX; BIND refuses them in a zone it serves.
      problem('obsolete-type', msg('zone.read.obsolete-type', type), headStart(lex, typeStart), typeEnd);
    } else if (isMetaType(code)) {
      problem('meta-type', msg('zone.read.meta-type', type), headStart(lex, typeStart), typeEnd);
    } else if ((code === 1 || code === 28) && n - i === 1 && lex.quoted[i] === 0 && (code === 1 ? isIPv4At(text, lex.starts[i], lex.ends[i]) : isIPv6At(text, lex.starts[i], lex.ends[i]))) {
      // The bulk of large zones: a valid address needs no typed data and no allocation.
    } else {
      // TYPEnnn of a known type reads that type's text form; a type this reader has no text
      // form for takes only RFC 3597's \# form (BIND: "unknown class/type").
      const canonical = known !== undefined ? type : typeName(code);
      const data = canonical === undefined && i < n && !isGenericAt(text, lex.starts[i], lex.ends[i])
        ? new RdataError(i, 'unknown-type-data', msg('zone.read.no-text-form', type), n)
        : parseRdata(canonical ?? type, lex, i, this.origin);
      if (data instanceof RdataError) {
        if (data.index < n) {
          // A bad token first on a continuation line is shown from the end of the token before it,
          // the line BIND names (it puts the token back and reports where reading stood).
          const k = data.index;
          const from = k > 0 && lex.lineAt(lex.starts[k]) !== lex.lineAt(lex.ends[k - 1]) ? lex.ends[k - 1] : lex.starts[k];
          problem(data.code, data.l10n, from, lex.ends[Math.max(k, Math.min(n, data.endIndex) - 1)]);
        }
        // Data that ends too early is shown where it ends (its last token, else the type), the
        // line BIND names too.
        else if (n > i) problem(data.code, data.l10n, lex.starts[n - 1], lex.ends[n - 1]);
        else problem(data.code, data.l10n, typeStart, typeEnd);
      } else {
        // RDATA is at most 65535 octets on the wire (RFC 1035 §3.2.1), and BIND's zone database
        // keeps an RRset in one block of 65535 octets with its own overhead: one record may hold
        // at most 65510 (measured with named-checkzone 9.18). Only long texts get near, so the
        // size is worked out for those alone.
        if (rdataEnd - rdataStart > 60000 && wireSize(data) > MAX_RECORD_DATA) {
          problem('rdata-too-long', msg('zone.read.rdata-too-long', wireSize(data), MAX_RECORD_DATA), ownerStart, typeEnd);
        }
        if (TARGET_TYPES[type] !== undefined) {
          const field = targetField(data);
          if (field) table.setTarget(row, field.name, lex.starts[field.index], lex.ends[field.index], field.text !== '@' && !isAbsolute(field.text));
        }
        if (data.type === 'SOA' && ttl < 0) {
          // BIND's rule: with no $TTL the SOA's minimum serves as the TTL, with a warning.
          ttl = data.minimum;
          table.ttl[row] = ttl;
          this.lastTtl = ttl;
          problem('no-ttl-soa-minimum', msg('zone.read.no-ttl-soa-minimum'), lex.starts[0], lex.ends[0], 'warning');
        }
      }
    }
    if (ttl < 0) problem('no-ttl', msg('zone.read.no-ttl'), lex.starts[0], typeEnd);

    if (inZone) {
      if (code === 2 && rel.charCodeAt(0) === 42 && (rel.length === 1 || rel.charCodeAt(1) === 46)) {
        // A wildcard cannot be a delegation (RFC 4592 §4.2); BIND refuses "invalid NS owner name (wildcard)".
        problem('wildcard-ns', msg('zone.read.wildcard-ns'), ownerStart, ownerEnd > ownerStart ? ownerEnd : typeEnd);
      }
      if (code === 43 && rel === '') {
        problem('ds-at-apex', msg('zone.read.ds-at-apex'), ownerStart, ownerEnd > ownerStart ? ownerEnd : typeEnd);
      }
      if (code === 50 && !isHashLabel(rel === '' ? this.apex : rel)) {
        problem('nsec3-owner', msg('zone.read.nsec3-owner'), ownerStart, ownerEnd > ownerStart ? ownerEnd : typeEnd);
      }
      if (code === 6 && rel !== '') {
        problem('soa-not-at-apex', msg('zone.read.soa-not-at-apex', this.apex), ownerStart, ownerEnd > ownerStart ? ownerEnd : typeEnd);
      }
    } else {
      problem('out-of-zone', msg('zone.read.out-of-zone', table.ownerName(row), this.apex), ownerStart, ownerEnd > ownerStart ? ownerEnd : typeEnd, 'warning');
    }
  }

  private directive(lex: RecordLexer, source: ZoneSource, problem: PendingProblem): void {
    const text = lex.text;
    const name = lex.token(0).toUpperCase();
    const args: string[] = [];
    for (let k = 1; k < lex.count; k++) args.push(lex.token(k));
    this.directives.push({ name, source, line: lex.recordLine, start: lex.starts[0], end: lex.recordEnd, args });
    const argAt = (k: number): [number, number] => (k < lex.count ? [lex.starts[k], lex.ends[k]] : [lex.starts[0], lex.ends[0]]);
    switch (name) {
      case '$ORIGIN': {
        if (args.length < 1) return problem('missing-argument', msg('zone.read.origin-needs-name'), lex.starts[0], lex.ends[0]);
        const origin = absoluteName(args[0], this.origin);
        const bad = checkName(origin);
        if (bad) return problem(bad, NAME_PROBLEM_MESSAGES[bad], ...argAt(1));
        this.setOrigin(origin);
        if (args.length > 1) problem('extra-argument', msg('zone.read.origin-extra'), lex.starts[2], lex.recordEnd);
        return;
      }
      case '$TTL': {
        if (args.length < 1) return problem('missing-argument', msg('zone.read.ttl-needs-time'), lex.starts[0], lex.ends[0]);
        const v = parseTtlAt(text, lex.starts[1], lex.ends[1]);
        if (v < 0 || v > 4294967295) return problem('bad-ttl', msg('zone.read.bad-ttl', args[0]), ...argAt(1));
        if (v > MAX_TTL) {
          problem('ttl-too-large', msg('zone.read.default-ttl-too-large', v), ...argAt(1), 'warning');
          this.defaultTtl = 0;
        } else this.defaultTtl = v;
        this.lastTtl = this.defaultTtl;
        if (args.length > 1) problem('extra-argument', msg('zone.read.ttl-extra'), lex.starts[2], lex.recordEnd);
        return;
      }
      case '$INCLUDE':
        return this.include(lex, source, args, problem);
      case '$GENERATE':
        return this.generate(lex, source, args, problem);
      default:
        problem('unknown-directive', msg('zone.read.unknown-directive', lex.token(0)), lex.starts[0], lex.ends[0]);
    }
  }

  private include(lex: RecordLexer, source: ZoneSource, args: string[], problem: PendingProblem): void {
    if (args.length < 1) return problem('missing-argument', msg('zone.read.include-needs-file'), lex.starts[0], lex.ends[0]);
    const [s, e] = [lex.starts[1], lex.ends[1]];
    const path = lex.quoted[1] ? args[0].slice(1, -1) : args[0];
    const read = this.options.include?.(path, source.uri);
    if (!read) return problem('include-not-found', msg('zone.read.include-not-found', path), s, e);
    if (this.stack.includes(read.uri)) {
      return problem('include-cycle', msg('zone.read.include-cycle', path), s, e);
    }
    const savedOrigin = this.origin;
    const savedOwner = this.lastOwner;
    const savedInZone = this.lastInZone;
    const savedRel = this.lastOwnerRel;
    const savedHave = this.haveOwner;
    if (args.length > 1) this.setOrigin(absoluteName(args[1], this.origin));
    this.includes.push(this.parseSource(read.uri, read.text, false, { source, start: lex.starts[0], end: lex.ends[0] }));
    this.setOrigin(savedOrigin);
    this.lastOwner = savedOwner;
    this.lastInZone = savedInZone;
    this.lastOwnerRel = savedRel;
    this.haveOwner = savedHave;
  }

  private generate(lex: RecordLexer, source: ZoneSource, args: string[], problem: PendingProblem): void {
    // $GENERATE range lhs [ttl] [class] type rhs
    if (args.length < 4) return problem('missing-argument', msg('zone.read.generate-needs'), lex.starts[0], lex.recordEnd);
    const range = parseGenerateRange(args[0]);
    if ('key' in range) return problem('bad-generate', range, lex.starts[1], lex.ends[1]);
    const count = Math.floor((range.stop - range.start) / range.step) + 1;
    if (count > (this.options.maxGenerate ?? 1_000_000)) {
      return problem('bad-generate', msg('zone.read.generate-too-many', count), lex.starts[1], lex.ends[1]);
    }
    let k = 3;
    let ttl = -1;
    const text = lex.text;
    for (let j = 0; j < 2 && k < lex.count - 1; j++) {
      const v = parseTtlAt(text, lex.starts[k], lex.ends[k]);
      if (v >= 0) {
        ttl = v;
        k++;
      } else if (isClass(args[k - 1].toUpperCase())) k++;
      else break;
    }
    const type = args[k - 1].toUpperCase();
    const code = typeCode(type);
    if (code < 0) return problem('unknown-type', msg('zone.read.unknown-type-short', args[k - 1]), lex.starts[k], lex.ends[k]);
    if (isMetaType(code)) return problem('meta-type', msg('zone.read.meta-type-generate', type), lex.starts[k], lex.ends[k]);
    if (k + 1 >= lex.count) return problem('missing-argument', msg('zone.read.generate-needs-template'), lex.starts[k], lex.ends[k]);
    const lhs = args[1];
    const rhsIndex = k + 1;
    const rhs = lex.quoted[rhsIndex] ? args[rhsIndex - 1].slice(1, -1) : args[rhsIndex - 1];
    const [rs, re] = [lex.starts[rhsIndex], lex.ends[rhsIndex]];
    const effectiveTtl = ttl >= 0 ? ttl : this.defaultTtl >= 0 ? this.defaultTtl : this.lastTtl;
    for (let v = range.start; v <= range.stop; v += range.step) {
      const ownerText = expandGenerate(lhs, v);
      const data = expandGenerate(rhs, v);
      if (typeof ownerText !== 'string') return problem('bad-generate', ownerText.error, lex.starts[2], lex.ends[2]);
      if (typeof data !== 'string') return problem('bad-generate', data.error, rs, re);
      const owner = absoluteName(ownerText, this.origin);
      const tokens = lexGenerated(data);
      const parsed = parseRdata(type, tokens, 0, this.origin);
      if (parsed instanceof RdataError) return problem(parsed.code, msg('zone.read.generated-record', parsed.l10n, v, data), rs, re);
      const key = this.table.keyOf(owner);
      const inZone = key !== undefined;
      const table = inZone ? this.table : this.outOfZone;
      const row = table.add(key ?? owner, args[k - 1], code, effectiveTtl, ttl >= 0, source, lex.starts[0], lex.starts[0], lex.starts[k], rs, re);
      table.generated.set(row, data);
      const field = targetField(parsed);
      if (field) table.setTarget(row, field.name, -1, -1, !isAbsolute(field.text) && field.text !== '@');
      if (!inZone) problem('out-of-zone', msg('zone.read.out-of-zone', owner, this.apex), lex.starts[2], lex.ends[2], 'warning');
    }
  }
}

type PendingProblem = (code: string, message: Localized, start: number, end: number, severity?: 'error' | 'warning') => void;

function lexGenerated(text: string): RecordLexer {
  const lex = new RecordLexer(' ' + text, () => undefined);
  lex.next();
  return lex;
}

function targetField(data: { type: string }): { text: string; name: string; index: number } | undefined {
  const d = data as Record<string, unknown>;
  const f = (d.target ?? d.exchange) as { text: string; name: string; index: number } | undefined;
  return f && typeof f === 'object' && 'name' in f ? f : undefined;
}


/** Lines in the text: an upper bound of its records, to size the table once. */
function estimateRecords(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Where a problem with the type is shown from: the type itself, or the record's start when the
 * type sits on a later line (inside parentheses), since BIND names the line the record starts on.
 */
function headStart(lex: RecordLexer, typeStart: number): number {
  return lex.lineAt(typeStart) === lex.lineAt(lex.starts[0]) ? typeStart : lex.starts[0];
}

/** True when text[s, e) is RFC 3597's \# marker. */
function isGenericAt(text: string, s: number, e: number): boolean {
  return e - s === 2 && text.charCodeAt(s) === 92 && text.charCodeAt(s + 1) === 35;
}

/** True when the first label of a name is an unpadded base32hex hash of at most 155 octets (BIND's NSEC3 owner rule). */
function isHashLabel(name: string): boolean {
  const dot = name.indexOf('.');
  const octets = base32HexLength(dot < 0 ? name : name.slice(0, dot));
  return octets > 0 && octets <= 155;
}

/** Octets of record data on the wire, where the text alone tells it (TXT strings, \# data); 0 otherwise. */
function wireSize(data: Rdata): number {
  if (data.type === 'generic') return data.length;
  if (data.type !== 'TXT' && data.type !== 'SPF') return 0;
  let n = 0;
  for (const s of data.strings) n += octets(s) + 1;
  return n;
}
