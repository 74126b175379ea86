// The one door to Postfix parameter knowledge. Callers never read the table directly, so the
// table behind it can change (hand-written first, generated from postconf later) without them.
import { PARAMETER_TABLE } from './parameterTable';

export interface ParameterInfo {
  name: string;
  /** The default exactly as `postconf -d` prints it. */
  defaultValue: string;
  /** One line in our own words, per language. */
  summary?: { en: string; es?: string };
}

let byName: Map<string, ParameterInfo> | undefined;

function index(): Map<string, ParameterInfo> {
  byName ??= new Map(PARAMETER_TABLE.map((p) => [p.name, p]));
  return byName;
}

export function getParameter(name: string): ParameterInfo | undefined {
  return index().get(name);
}

export function allParameters(): Iterable<ParameterInfo> {
  return index().values();
}

export function postconfDocUrl(name: string): string {
  return `https://www.postfix.org/postconf.5.html#${name}`;
}
