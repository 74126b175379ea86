// Why AUTH fails although each file is valid: main.cf/master.cf against the SASL side (Dovecot's
// auth listener, Cyrus smtpd.conf, /etc/default/saslauthd). Each finding sits on the line to
// change, with related information at the other file's line. One pure function computes every
// finding for a configuration; each file's diagnostics take the findings that fall in it.
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { Locale, MessageKey, t } from '../../l10n';
import { dovecotData } from '../../dovecot/settings';
import type { DovecotSection } from '../../parsers/dovecot';
import { authOnlyOverTls, saslEnabledSomewhere, tlsOffered, value, yes } from '../maincf/security';
import { postfixModel, PostfixModel, ServiceView } from '../postfixModel';
import type { ServiceContext } from '../service';
import { saslFiles, SaslFiles } from './configuration';
import { saslauthdLaunch } from '../saslauthd/launch';
import { isPlaintext, passes, type SaslImplementation } from './mechanisms';

export interface Site {
  uri: string;
  range: Range;
}

export interface SaslFinding extends Site {
  code: string;
  severity: 'error' | 'warning';
  key: MessageKey;
  args: string[];
  related: (Site & { key: MessageKey })[];
}

/** Which question a finding answers; the real AUTH tests compare these with what smtpd does. */
export type SaslCode =
  | 'no-dovecot-listener'
  | 'listener-elsewhere'
  | 'listener-permissions'
  | 'no-app-file'
  | 'saslauthd-not-started'
  | 'socket-outside-chroot'
  | 'socket-path-mismatch'
  | 'saslauthd-needs-plaintext'
  | 'no-usable-mechanism'
  | 'plaintext-before-tls';

const DEFAULT_QUEUE = '/var/spool/postfix';
/** libsasl2's compiled-in saslauthd_path on Debian. */
const DEFAULT_SASLAUTHD_PATH = '/var/run/saslauthd/mux';

/** Paths as the kernel resolves them on Debian, where /var/run is a link to /run. */
export function normalPath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  const joined = '/' + parts.join('/');
  return joined === '/var/run' || joined.startsWith('/var/run/') ? joined.slice(4) : joined;
}

function inside(path: string, folder: string): boolean {
  const p = normalPath(path);
  const f = normalPath(folder);
  return p === f || p.startsWith(f === '/' ? '/' : `${f}/`);
}

/** The smtpd processes that offer AUTH: master.cf services with SASL on, or main.cf's alone. */
function authServices(model: PostfixModel): (ServiceView | undefined)[] {
  const smtpds = model.services.filter((s) => s.command === 'smtpd');
  if (smtpds.length === 0) return yes(model, 'smtpd_sasl_auth_enable') ? [undefined] : [];
  return smtpds.filter((s) => yes(model, 'smtpd_sasl_auth_enable', s));
}

/** Where a parameter that a service sees is written: its -o in master.cf, else main.cf; undefined for a default. */
function postfixSite(files: SaslFiles, model: PostfixModel, name: string, service?: ServiceView): Site | undefined {
  if (service?.params.has(name) && files.master) {
    const option = model.services
      .filter((s) => s.service === service.service && s.type === service.type)
      .flatMap((s) => s.entry.options)
      .filter((o) => o.name === name)
      .pop();
    if (option) return { uri: files.master.uri, range: option.range };
  }
  const entry = model.mainEntries.get(name);
  return entry && files.main ? { uri: files.main.uri, range: entry.range } : undefined;
}

interface Listener {
  uri: string;
  section: DovecotSection;
  path: string;
  settings: Map<string, { value: string; site: Site }>;
}

interface DovecotView {
  listeners: Listener[];
  authSections: Site[];
  top: Map<string, { value: string; site: Site }>;
  /** Settings in the protocol filters that Postfix's auth requests (service=smtp) match. */
  smtp: Map<string, { value: string; site: Site }>;
}

/**
 * Whether a `protocol NAME` filter applies to Postfix's auth requests, which say service=smtp:
 * `protocol smtp`, or `protocol !NAME` for any other NAME (doveconf -f service=smtp agrees).
 */
export function protocolFilterMatchesSmtp(name: string): boolean {
  return name.startsWith('!') ? name.slice(1) !== 'smtp' : name === 'smtp';
}

/**
 * service auth's unix listeners, the top-level settings and those of the protocol filters that
 * match smtp, in Dovecot's reading order (the last one wins; a filter's value beats a top-level one
 * wherever it is written).
 */
function dovecotView(files: SaslFiles): DovecotView {
  const view: DovecotView = { listeners: [], authSections: [], top: new Map(), smtp: new Map() };
  const isAuth = (s: DovecotSection) => s.type === 'service' && s.name === 'auth';
  for (const { uri, node, within } of files.dovecotReading) {
    if (within.length === 0 && node.kind === 'setting') view.top.set(node.key, { value: node.value, site: { uri, range: node.range } });
    if (within.length === 1 && node.kind === 'setting' && within[0].type === 'protocol' && protocolFilterMatchesSmtp(within[0].name ?? ''))
      view.smtp.set(node.key, { value: node.value, site: { uri, range: node.range } });
    if (node.kind !== 'section') continue;
    if (within.length === 0 && isAuth(node)) view.authSections.push({ uri, range: node.headerRange });
    if (within.length !== 1 || !isAuth(within[0]) || node.type !== 'unix_listener') continue;
    const settings = new Map<string, { value: string; site: Site }>();
    for (const c of node.children) if (c.kind === 'setting') settings.set(c.key, { value: c.value, site: { uri, range: c.range } });
    view.listeners.push({ uri, section: node, path: node.name, settings });
  }
  return view;
}

function dovecotTop(view: DovecotView, name: string): string {
  return view.top.get(name)?.value ?? dovecotData().settings[name] ?? '';
}

/** A setting as Dovecot's auth service applies it to Postfix's requests, and where it is written. */
function dovecotForSmtp(view: DovecotView, name: string): { value: string; site?: Site } {
  const written = view.smtp.get(name) ?? view.top.get(name);
  return written ?? { value: dovecotData().settings[name] ?? '' };
}

export function saslCrossChecks(files: SaslFiles): SaslFinding[] {
  if (!files.main) return [];
  const model = postfixModel(files.main.tree, files.master?.tree);
  if (!saslEnabledSomewhere(model)) return [];
  const out: SaslFinding[] = [];
  const seen = new Set<string>();
  const add = (code: SaslCode, severity: 'error' | 'warning', at: Site, args: string[], related: (Site & { key: MessageKey })[]) => {
    const id = `${code}|${at.uri}|${at.range.start.line}|${at.range.start.character}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ ...at, code: `sasl/${code}`, severity, key: `sasl.${code}`, args, related });
  };
  const queue = normalPath(value(model, 'queue_directory') || DEFAULT_QUEUE);
  for (const service of authServices(model)) {
    const type = value(model, 'smtpd_sasl_type', service) || 'cyrus';
    const path = value(model, 'smtpd_sasl_path', service) || 'smtpd';
    const chroot = service?.entry.chroot?.text === 'y';
    const typeSite = postfixSite(files, model, 'smtpd_sasl_type', service);
    const pathSite = postfixSite(files, model, 'smtpd_sasl_path', service) ?? typeSite ?? postfixSite(files, model, 'smtpd_sasl_auth_enable', service);
    if (!pathSite) continue;
    let offered: { names: string[]; site?: Site } | undefined;
    if (type === 'dovecot' && files.dovecot.length > 0 && !path.startsWith('inet:')) {
      const view = dovecotView(files);
      checkDovecotListener(files, view, model, service, path, chroot, queue, pathSite, add);
      const mechanisms = dovecotForSmtp(view, 'auth_mechanisms');
      offered = { names: mechanisms.value.split(/[\s,]+/).filter(Boolean), site: mechanisms.site };
      checkPlaintextBeforeTls(files, view, model, service, offered.names, add);
    }
    if (type === 'cyrus') offered = checkCyrus(files, model, service, path, chroot, queue, pathSite, add);
    if (offered?.names.length) checkMechanisms(files, model, service, type === 'dovecot' ? 'dovecot' : 'cyrus', offered as { names: string[]; site?: Site }, pathSite, add);
  }
  return out;
}

type Add = (code: SaslCode, severity: 'error' | 'warning', at: Site, args: string[], related: (Site & { key: MessageKey })[]) => void;

function checkDovecotListener(files: SaslFiles, view: DovecotView, model: PostfixModel, service: ServiceView | undefined, path: string, chroot: boolean, queue: string, pathSite: Site, add: Add): void {
  const socket = path.startsWith('/') ? (chroot ? `${queue}${path}` : path) : `${queue}/${path}`;
  const baseDir = dovecotTop(view, 'base_dir') || '/run/dovecot';
  const resolved = (l: Listener) => normalPath(l.path.startsWith('/') ? l.path : `${baseDir}/${l.path}`);
  const match = view.listeners.find((l) => resolved(l) === normalPath(socket));
  const related = { ...pathSite, key: 'sasl.related.postfix-path' as MessageKey };
  if (!match) {
    const meant = view.listeners.filter((l) => inside(resolved(l), queue) || /postfix|private\/auth$/.test(l.path));
    for (const l of meant) add('listener-elsewhere', 'error', { uri: l.uri, range: l.section.nameRange ?? l.section.headerRange }, [normalPath(socket)], [related]);
    const where = meant.length > 0 ? meant.map((l) => ({ uri: l.uri, range: l.section.headerRange })) : view.authSections;
    add('no-dovecot-listener', 'error', pathSite, [normalPath(socket)], where.map((s) => ({ ...s, key: 'sasl.related.listener' as MessageKey })));
    return;
  }
  const defaults = dovecotData().authListenerDefaults;
  const get = (name: string) => match.settings.get(name)?.value ?? defaults[name] ?? '';
  const postfixUser = value(model, 'mail_owner', service) || 'postfix';
  const expandUser = (u: string) => (u.startsWith('$') ? dovecotTop(view, u.slice(1)) : u);
  const owner = expandUser(get('user')) || 'root';
  const group = expandUser(get('group'));
  const mode = parseInt(get('mode') || '0', 8);
  const canConnect = (owner === postfixUser && (mode & 0o200) !== 0) || (group === postfixUser && (mode & 0o020) !== 0) || (mode & 0o002) !== 0;
  if (canConnect) return;
  const at = match.settings.get('mode')?.site ?? match.settings.get('user')?.site ?? { uri: match.uri, range: match.section.headerRange };
  add('listener-permissions', 'error', at, [postfixUser, get('mode') || '0600', owner, group], [related]);
}

function checkPlaintextBeforeTls(files: SaslFiles, view: DovecotView, model: PostfixModel, service: ServiceView | undefined, mechanisms: string[], add: Add): void {
  const disabled = dovecotForSmtp(view, 'disable_plaintext_auth');
  if (!/^yes$/i.test(disabled.value)) return;
  if (authOnlyOverTls(model, service)) return;
  const options = value(model, 'smtpd_sasl_security_options', service).split(/[\s,]+/);
  const usable = mechanisms.filter((m) => passes(m, options, 'dovecot'));
  if (usable.length === 0 || !usable.every(isPlaintext)) return;
  const at = postfixSite(files, model, 'smtpd_tls_auth_only', service) ?? postfixSite(files, model, 'smtpd_sasl_auth_enable', service);
  if (!at) return;
  const dovecotSite = disabled.site ?? dovecotForSmtp(view, 'auth_mechanisms').site;
  add('plaintext-before-tls', 'warning', at, [], dovecotSite ? [{ ...dovecotSite, key: 'sasl.related.plaintext' }] : []);
}

function checkCyrus(files: SaslFiles, model: PostfixModel, service: ServiceView | undefined, app: string, chroot: boolean, queue: string, pathSite: Site, add: Add): { names: string[]; site?: Site } | undefined {
  const conf = files.cyrusApps.get(app);
  if (!conf) {
    // Only when the folder is there to look in: a workspace without it says nothing either way.
    if (files.cyrusFolderFiles) add('no-app-file', 'error', pathSite, [`${app}.conf`], []);
    return undefined;
  }
  const option = (key: string) => conf.tree.options.find((o) => o.key === key);
  const pwcheck = option('pwcheck_method');
  const mechList = option('mech_list');
  const offered = mechList ? { names: mechList.value.split(/[\s,]+/).filter(Boolean), site: { uri: conf.uri, range: mechList.range } } : undefined;
  const methods = pwcheck?.value.split(/[\s,]+/) ?? [];
  if (!pwcheck || !methods.includes('saslauthd')) return offered;
  const pwcheckSite = { uri: conf.uri, range: pwcheck.range, key: 'sasl.related.pwcheck' as MessageKey };
  // saslauthd only answers "is this the password": mechanisms that need the secret itself
  // (CRAM-MD5, DIGEST-MD5, SCRAM) cannot be checked through it.
  if (offered && mechList && !methods.includes('auxprop')) {
    offered.names = offered.names.filter(isPlaintext);
    if (offered.names.length === 0) {
      add('saslauthd-needs-plaintext', 'error', { uri: conf.uri, range: mechList.range }, [mechList.value], [pwcheckSite]);
      return undefined;
    }
  }
  if (!files.saslauthd) return offered;
  const defaults = files.saslauthd;
  const launch = saslauthdLaunch(defaults.uri, defaults.tree);
  if (!launch.started) {
    const at = launch.start ? launch.start.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    add('saslauthd-not-started', 'error', { uri: defaults.uri, range: at }, [], [pwcheckSite]);
  }
  const dir = launch.socketFolder.dir;
  const dirRange = launch.socketFolder.range ?? launch.flagsAssignment?.range;
  const dirSite: Site | undefined = dirRange ? { uri: defaults.uri, range: dirRange } : undefined;
  const saslauthdPath = option('saslauthd_path');
  const seenPath = saslauthdPath?.value || DEFAULT_SASLAUTHD_PATH;
  const realPath = chroot && seenPath.startsWith('/') ? `${queue}${seenPath}` : seenPath;
  const chrootSite = chroot && service?.entry.chroot && files.master ? { uri: files.master.uri, range: service.entry.chroot.range, key: 'sasl.related.chroot' as MessageKey } : undefined;
  if (chroot && !inside(dir, queue)) {
    const wanted = `${queue}${seenPath.slice(0, seenPath.lastIndexOf('/')) || '/var/run/saslauthd'}`;
    if (dirSite) add('socket-outside-chroot', 'error', dirSite, [queue, wanted], [...(chrootSite ? [chrootSite] : []), pwcheckSite]);
    return offered;
  }
  if (normalPath(realPath) !== normalPath(`${dir}/mux`)) {
    const at = saslauthdPath ? { uri: conf.uri, range: saslauthdPath.range } : dirSite;
    const other = saslauthdPath ? dirSite && { ...dirSite, key: 'sasl.related.socket-dir' as MessageKey } : pwcheckSite;
    // A socket inside the queue directory was meant for a chrooted smtpd: a '-' chroot column
    // (chroot until Postfix 3.0, as older master.cf files and howtos assume) no longer gives one.
    const column = service?.entry.chroot;
    const unchrooted = column?.text === '-' && inside(dir, queue) && files.master ? { uri: files.master.uri, range: column.range, key: 'sasl.related.chroot-default' as MessageKey } : undefined;
    if (at) add('socket-path-mismatch', 'error', at, [normalPath(realPath), normalPath(`${dir}/mux`)], [other, unchrooted].filter((x) => x !== undefined));
  }
  return offered;
}

function checkMechanisms(files: SaslFiles, model: PostfixModel, service: ServiceView | undefined, implementation: SaslImplementation, offered: { names: string[]; site?: Site }, pathSite: Site, add: Add): void {
  const beforeTls = !authOnlyOverTls(model, service);
  const names = ['smtpd_sasl_security_options', ...(tlsOffered(model, service) ? ['smtpd_sasl_tls_security_options'] : [])];
  for (const name of names) {
    if (name === 'smtpd_sasl_security_options' && !beforeTls && tlsOffered(model, service)) continue;
    const options = value(model, name, service).split(/[\s,]+/).filter(Boolean);
    if (offered.names.some((m) => passes(m, options, implementation))) continue;
    const at = postfixSite(files, model, name, service) ?? (name === 'smtpd_sasl_tls_security_options' ? postfixSite(files, model, 'smtpd_sasl_security_options', service) : undefined) ?? offered.site ?? pathSite;
    add('no-usable-mechanism', 'error', at, [`${name} = ${options.join(', ')}`, offered.names.join(' ')], offered.site ? [{ ...offered.site, key: 'sasl.related.mechanisms' }] : []);
  }
}

/** One computation per set of texts, shared by the diagnostics of every file involved. */
const computed = new WeakMap<SaslFiles, SaslFinding[]>();

function saslFindings(files: SaslFiles): SaslFinding[] {
  let findings = computed.get(files);
  if (!findings) computed.set(files, (findings = saslCrossChecks(files)));
  return findings;
}

function toDiagnostic(f: SaslFinding, locale: Locale): Diagnostic {
  return {
    range: f.range,
    severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: f.code,
    source: 'mailconf',
    message: t(locale, f.key, ...f.args),
    relatedInformation: f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: t(locale, r.key) })),
  };
}

/** The cross-check diagnostics that belong in the file at `uri`. */
export function saslFindingsFor(uri: string, ctx: ServiceContext): Diagnostic[] {
  const files = saslFiles(uri, ctx.workspace);
  if (!files?.main) return [];
  return saslFindings(files)
    .filter((f) => f.uri === uri)
    .map((f) => toDiagnostic(f, ctx.locale));
}
