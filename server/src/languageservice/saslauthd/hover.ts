// Hover on a variable name, or on a flag inside OPTIONS (FLAGS).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { parseSaslauthdOptions } from '../../parsers/saslauthdDefaults';
import { contains } from '../../parsers/range';
import type { ServiceContext } from '../service';
import { saslauthdLaunch } from './launch';
import { parsedSaslauthd } from './parsed';
import { SASLAUTHD_FLAG_NOTES, SASLAUTHD_VARIABLES } from './variables';

export function saslauthdHover(doc: TextDocument, pos: Position, ctx: ServiceContext): Hover | null {
  const tree = parsedSaslauthd(doc);
  const launch = saslauthdLaunch(doc.uri, tree);
  const known = SASLAUTHD_VARIABLES[launch.dialect];
  for (const a of tree.assignments) {
    if (contains(a.nameRange, pos) && known[a.name])
      return { range: a.nameRange, contents: { kind: MarkupKind.Markdown, value: `**${a.name}**\n\n${known[a.name][ctx.locale]}` } };
    if (a.name !== launch.flagsAssignment?.name || !contains(a.valueRange, pos)) continue;
    const flag = parseSaslauthdOptions(a.words).flags.find((f) => contains(f.range, pos) || (f.argument && contains(f.argument.range, pos)));
    if (flag && SASLAUTHD_FLAG_NOTES[flag.letter])
      return { range: flag.range, contents: { kind: MarkupKind.Markdown, value: `**-${flag.letter}**\n\n${SASLAUTHD_FLAG_NOTES[flag.letter][ctx.locale]}` } };
  }
  return null;
}
