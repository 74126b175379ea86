// The parameter values one Postfix daemon sees: its master.cf `-o` overrides, then main.cf, then
// the built-in default, each expanded with $name like Postfix does when the daemon starts. Every
// explicit value keeps where it was written, so a restriction can point at its file and line.
import { LinePiece, readLogicalLines, rangeIn, isSpace } from '../../parsers/logicalLines';
import type { MasterCfEntry } from '../../parsers/mastercf';
import { masterCfTree } from '../../parsers/treeOf';
import { Range } from '../../parsers/range';
import { generatedParameters } from '../generatedData';
import { domainOfHostname } from '../postconf/hostDefaults';
import { macExpand } from '../postconf/macExpand';
import { valueBeforeParameter } from './releaseBehaviour';

/** Where a value (or a piece of it) was written. */
export interface Origin {
  /** The parameter whose value holds it. */
  parameter: string;
  /** The file, or undefined for a built-in default. */
  file?: string;
  /** 1-based line, as Postfix reports it. */
  line?: number;
  range?: Range;
}

/**
 * Where the characters [start, end) of a setting's value were written. The line and range are
 * worked out when first read: a session gives an origin to every word of every list it reads,
 * and only the few a finding names are ever shown. Locating one needs the document's line
 * offsets, a walk over all of it (~17 ms for a 20,000-line main.cf in a fresh process). Without a
 * setting (a built-in default) there is only the parameter.
 */
export function originIn(parameter: string, setting: Setting | undefined, start: number, end: number): Origin {
  if (!setting) return { parameter };
  let range: Range | undefined;
  const located = () => (range ??= setting.locate(start, end));
  return {
    parameter,
    file: setting.file,
    get range() {
      return located();
    },
    get line() {
      return located().start.line + 1;
    },
  };
}

/** An explicit setting: its raw value and a way to locate any offset inside it. */
export interface Setting {
  name: string;
  value: string;
  file: string;
  /** Range of value offsets [start, end) in the file. */
  locate(start: number, end: number): Range;
}

/** Settings by name: a file's, as Postfix loads it (the last of a name wins). */
export interface Settings {
  get(name: string): Setting | undefined;
}

export class ConfigurationError extends Error {}

/**
 * The last text each reader read, with what it gave. A scenario file or the relay lint runs many
 * sessions on one configuration; the results are only read, never changed, so they can be shared.
 */
function lastOne<T>(read: (text: string, file: string) => T): (text: string, file: string) => T {
  let last: { text: string; file: string; value: T } | undefined;
  return (text, file) => {
    if (last?.text !== text || last.file !== file) last = { text, file, value: read(text, file) };
    return last.value;
  };
}

/** main.cf as Postfix loads it: later entries win. */
export const readMainSettings = lastOne(readMainSettingsOnce);

function readMainSettingsOnce(text: string, file: string): Map<string, Setting> {
  const out = new Map<string, Setting>();
  for (const l of readLogicalLines(text).lines) {
    const t = l.text;
    let i = 0;
    while (i < t.length && !isSpace(t[i]) && t[i] !== '=') i++;
    const name = t.slice(0, i);
    while (i < t.length && isSpace(t[i])) i++;
    if (name === '' || t[i] !== '=') continue;
    i++;
    while (i < t.length && isSpace(t[i])) i++;
    let end = t.length;
    while (end > i && isSpace(t[end - 1])) end--;
    const start = i;
    const pieces: LinePiece[] = l.pieces;
    out.set(name, { name, value: t.slice(start, end), file, locate: (s, e) => rangeIn({ pieces }, start + s, start + e) });
  }
  return out;
}

export interface MasterService {
  /** The service field as written: "smtp", "submission", "127.0.0.1:2525". */
  name: string;
  type: string;
  command: string;
  /** 1-based line. */
  line: number;
  range: Range;
  overrides: Map<string, Setting>;
  /** The TCP port for inet services, when the name is numeric or a well-known service. */
  port?: number;
}

/** Well-known service names Postfix listens on, from /etc/services. */
const SERVICE_PORTS: Record<string, number> = { smtp: 25, submission: 587, submissions: 465, smtps: 465, urd: 465, ssmtp: 465 };

export const readMasterServices = lastOne((text: string, file: string): MasterService[] =>
  masterCfTree(text)
    .entries.filter((e) => e.fields.length >= 8)
    .map((e) => toService(e, file)),
);

function toService(e: MasterCfEntry, file: string): MasterService {
  const name = e.service!.text;
  const command = e.command!.text;
  const overrides = new Map<string, Setting>();
  for (const o of e.options) {
    if (o.name === undefined || o.value === undefined || !o.valueRange) continue;
    const base = o.valueRange.start;
    overrides.set(o.name, {
      name: o.name,
      value: o.value,
      file,
      locate: (s, en) => ({ start: { line: base.line, character: base.character + s }, end: { line: base.line, character: base.character + en } }),
    });
  }
  const portText = name.slice(name.lastIndexOf(':') + 1);
  const port = /^[0-9]+$/.test(portText) ? Number(portText) : SERVICE_PORTS[portText];
  return { name, type: e.type!.text, command: command.slice(command.lastIndexOf('/') + 1), line: e.line + 1, range: e.range, overrides, port };
}

/** A daemon's -o settings with what-if settings on top; those have no place in a file. */
export function withSettings(overrides: Map<string, Setting>, settings: Record<string, string> | undefined): Map<string, Setting> {
  if (!settings) return overrides;
  const out = new Map(overrides);
  const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const [name, value] of Object.entries(settings)) out.set(name, { name, value, file: '', locate: () => nowhere });
  return out;
}

/** Built-in default of a parameter, or undefined for names Postfix does not know. */
export function builtinDefault(name: string): string | undefined {
  const table = generatedParameters().parameters;
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name].default : undefined;
}

/** The configuration as one daemon (an smtpd service, or trivial-rewrite) sees it. */
export class ParameterView {
  private cache = new Map<string, string>();
  private derivingDomain = false;

  constructor(
    readonly main: Settings,
    readonly overrides: Map<string, Setting> = new Map(),
    /** The Postfix release the daemon is ("3.5", "3.7.11"); undefined: the release of the built-in defaults. */
    readonly release?: string,
  ) {}

  /** The explicit setting that gives the value, or undefined when the default applies (or the release ignores the name). */
  setting(name: string): Setting | undefined {
    if (valueBeforeParameter(name, this.release) !== undefined) return undefined;
    return this.overrides.get(name) ?? this.main.get(name);
  }

  /** The unexpanded value: explicit, else built-in default, else undefined. */
  raw(name: string): string | undefined {
    const given = valueBeforeParameter(name, this.release) ?? this.setting(name)?.value;
    if (given !== undefined) return given;
    // The daemons derive mydomain from the myhostname in force; the built-in default is that of
    // the host the tables were made on. (A myhostname that names $mydomain keeps the table's.)
    if (name === 'mydomain' && this.setting('myhostname') && !this.derivingDomain) {
      this.derivingDomain = true;
      try {
        return domainOfHostname(this.value('myhostname'));
      } finally {
        this.derivingDomain = false;
      }
    }
    return builtinDefault(name);
  }

  /** A value with every $name replaced, as the daemon holds it. */
  expand(value: string): string {
    const warnings: string[] = [];
    const r = macExpand(value, (n) => this.raw(n), { warn: (w) => warnings.push(w) });
    if (r.error || r.fatal) throw new ConfigurationError(r.fatal ?? warnings[0] ?? `cannot expand "${value}"`);
    return r.text;
  }

  value(name: string): string {
    let v = this.cache.get(name);
    if (v === undefined) {
      v = this.expand(this.raw(name) ?? '');
      this.cache.set(name, v);
    }
    return v;
  }

  /** A boolean parameter, read as Postfix reads yes/no in any case. */
  flag(name: string): boolean {
    return this.value(name).trim().toLowerCase() === 'yes';
  }

  number(name: string): number {
    return Number.parseInt(this.value(name).trim(), 10);
  }

  origin(name: string): Origin {
    const s = this.setting(name);
    return originIn(name, s, 0, s?.value.length ?? 0);
  }
}
