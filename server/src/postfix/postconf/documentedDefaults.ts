// `mailconf postconf --postfix-version X.Y -d` for a release other than the emulated 3.7: the
// defaults that release documents (its postconf.proto), since no postconf of that release is at
// hand. The first stderr line says so: the documentation sometimes gives prose ("see postconf -d
// output") or per-version alternatives where the binary would print one value.
import { releaseParameterNames, documentedDefault } from '../releaseFacts';

export interface DocumentedDefaultsOptions {
  target: string;
  names?: string[];
  /** -h: values only; -H: names only. */
  hideNames?: boolean;
  hideValues?: boolean;
}

export function documentedDefaults(o: DocumentedDefaultsOptions): { stdout: string; stderr: string; exitCode: number } {
  let stderr = `mailconf postconf: these are the defaults Postfix ${o.target} documents (postconf.proto), not what its postconf -d prints\n`;
  const all = releaseParameterNames().filter((n) => documentedDefault(n, o.target) !== undefined);
  const wanted = o.names?.length ? o.names : all;
  let stdout = '';
  for (const name of wanted) {
    const value = documentedDefault(name, o.target);
    if (value === undefined) {
      stderr += `mailconf postconf: warning: ${name}: unknown parameter\n`;
      continue;
    }
    stdout += o.hideValues ? `${name}\n` : o.hideNames ? `${value}\n` : value === '' ? `${name} =\n` : `${name} = ${value}\n`;
  }
  return { stdout, stderr, exitCode: 0 };
}
