// master.cf hover (each column and what its value means, -o parameters and $references),
// outline, folding and go-to-definition (formatting is in format.ts).
import { t } from '../../l10n';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, FoldingRange, Hover, Location, MarkupKind, Position, SymbolKind } from 'vscode-languageserver-types';
import { MASTER_FIELD_NAMES } from '../../parsers/mastercf';
import { contains } from '../../parsers/range';
import { getMasterDaemon } from '../../postfix/masterDaemons';
import { definitionOf } from '../maincf/definition';
import { nameHover, referenceHover, tokenHover } from '../maincf/hover';
import { targetRelease } from '../postfixTarget';
import { valueRanges } from '../maincf/valueText';
import { pairForMasterCf } from '../postfixPair';
import type { ServiceContext } from '../service';
import { parsedMasterCf } from './parsed';

const COLUMN = {
  service: { en: 'Service name: a port name or number (host:port for inet), or a socket name', es: 'Nombre del servicio: nombre o número de puerto (máquina:puerto en inet) o nombre de socket' },
  type: { en: 'Service type: inet (TCP), unix (socket), unix-dgram, fifo or pass', es: 'Tipo de servicio: inet (TCP), unix (socket), unix-dgram, fifo o pass' },
  private: { en: 'Private: y (only Postfix may connect, the default) or n', es: 'Privado: y (solo Postfix puede conectar, por omisión) o n' },
  unpriv: { en: 'Unprivileged: y (runs as mail_owner, the default) or n (runs as root)', es: 'Sin privilegios: y (como mail_owner, por omisión) o n (como root)' },
  chroot: { en: 'Chroot: y (confined to queue_directory) or n (the default since Postfix 3.0)', es: 'Chroot: y (encerrado en queue_directory) o n (por omisión desde Postfix 3.0)' },
  wakeup: { en: 'Wakeup: wake the service every N seconds (N? only when used), 0 or - for never', es: 'Wakeup: despierta al servicio cada N segundos (N? solo si se usa), 0 o - para nunca' },
  maxproc: { en: 'Process limit: at most N processes, 0 for no limit, - for default_process_limit', es: 'Límite de procesos: como mucho N, 0 sin límite, - para default_process_limit' },
  command: { en: 'Command: the Postfix daemon to run, with its arguments', es: 'Orden: el demonio de Postfix que se ejecuta, con sus argumentos' },
};

const md = (value: string, range: Hover['range']): Hover => ({ range, contents: { kind: MarkupKind.Markdown, value } });

export function masterCfHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const pair = pairForMasterCf(doc, ctx.workspace);
  const entry = pair.master!.entries.find((e) => contains(e.range, pos));
  if (!entry) return null;
  const view = pair.model.services.find((v) => v.entry === entry);
  for (const o of entry.options) {
    if (!contains(o.range, pos)) continue;
    if (o.nameRange && contains(o.nameRange, pos) && o.name) return nameHover(o.name, o.nameRange, pair.model, ctx.locale, targetRelease(ctx));
    const ref = o.references.find((r) => contains(r.range, pos));
    if (ref) return referenceHover(ref.name, ref.range, pair.model, view, ctx.locale);
    if (o.valueRange && o.value !== undefined && o.name && contains(o.valueRange, pos)) {
      return tokenHover({ parameter: o.name, value: o.value, nameRange: o.nameRange!, valueRange: o.valueRange, rangeOf: valueRanges(doc, o.valueRange.start, o.value), service: view, model: pair.model }, pos, ctx.locale);
    }
  }
  const i = entry.fields.findIndex((f) => contains(f.range, pos));
  if (i < 0 || i > 7) return null;
  const column = MASTER_FIELD_NAMES[i];
  const field = entry.fields[i];
  const lines = [`**${column}** \`${field.text}\``, COLUMN[column][ctx.locale]];
  if (column === 'command') {
    const d = getMasterDaemon(field.text);
    if (d) lines.push(d.summary[ctx.locale]);
  }
  // The port a service name stands for (urd, submission, smtps), as the "▶ Test port" lens knows it.
  if (column === 'service' && view?.port !== undefined && field.text !== String(view.port)) lines.push(t(ctx.locale, 'master.service-port', field.text, view.port));
  if (field.text === '-' && column !== 'command') lines.push(ctx.locale === 'es' ? '`-`: el valor por omisión' : '`-`: the default');
  return md(lines.join('\n\n'), field.range);
}

export function masterCfSymbols(doc: TextDocument): DocumentSymbol[] {
  return parsedMasterCf(doc)
    .entries.filter((e) => e.service && e.type)
    .map((e) => ({
      name: `${e.service!.text}/${e.type!.text}`,
      detail: e.command?.text ?? '',
      kind: SymbolKind.Module,
      range: e.range,
      selectionRange: e.service!.range,
      children: e.options
        .filter((o) => o.name && o.nameRange)
        .map((o) => ({ name: o.name!, detail: o.value ?? '', kind: SymbolKind.Property, range: o.range, selectionRange: o.nameRange! })),
    }));
}

export function masterCfFolding(doc: TextDocument): FoldingRange[] {
  return parsedMasterCf(doc)
    .entries.filter((e) => e.range.end.line > e.range.start.line)
    .map((e) => ({ startLine: e.range.start.line, endLine: e.range.end.line }));
}

export function masterCfDefinition(doc: TextDocument, pos: Position, ctx: ServiceContext): Location[] {
  const pair = pairForMasterCf(doc, ctx.workspace);
  for (const entry of pair.master!.entries) {
    if (!contains(entry.range, pos)) continue;
    const view = pair.model.services.find((v) => v.entry === entry);
    for (const o of entry.options) {
      const ref = o.references.find((r) => contains(r.range, pos));
      if (ref) return definitionOf(pair, ref.name, view);
    }
  }
  return [];
}
