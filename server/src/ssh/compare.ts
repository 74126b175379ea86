// The two sides of "Compare main.cf with server", made comparable: the server's `postconf -n` and
// our emulation of it over the edited file go through the same normalisation (one line per
// parameter, sorted, whitespace inside values collapsed, config_directory dropped because -c
// always sets it), so that a diff of the two shows only settings that really differ.

export interface ParameterDifference {
  name: string;
  /** undefined when the side does not set the parameter. */
  server?: string;
  local?: string;
}

/** name → value from `postconf -n` output (lines `name = value`; other lines are ignored). */
export function parsePostconfOutput(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!m || m[1] === 'config_directory') continue;
    out.set(m[1], m[2].replace(/\s+/g, ' ').trim());
  }
  return out;
}

export function normalisePostconf(text: string): string {
  const params = parsePostconfOutput(text);
  const names = [...params.keys()].sort();
  return names.map((n) => (params.get(n) === '' ? `${n} =` : `${n} = ${params.get(n)}`)).join('\n') + (names.length ? '\n' : '');
}

export function postconfDifferences(serverText: string, localText: string): ParameterDifference[] {
  const server = parsePostconfOutput(serverText);
  const local = parsePostconfOutput(localText);
  const names = [...new Set([...server.keys(), ...local.keys()])].sort();
  return names
    .filter((n) => server.get(n) !== local.get(n))
    .map((name) => ({
      name,
      ...(server.has(name) ? { server: server.get(name) } : {}),
      ...(local.has(name) ? { local: local.get(name) } : {}),
    }));
}
