// Where each scenario of a scenario file starts: the offset of every object directly inside the
// top-level "scenarios" array, by a scan of the JSON text (strings and escapes skipped), so that
// editors can put a test or a result on the scenario's own line. JSON.parse gives no positions.

/** Offsets of the scenario objects, in file order; shorter than the list when the text is not JSON. */
export function scenarioOffsets(text: string): number[] {
  const out: number[] = [];
  // One entry per open container: '{' or '[', and for an array the key it is the value of.
  const stack: { kind: '{' | '['; key?: string }[] = [];
  let lastKey: string | undefined;
  let lastString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === ':') lastKey = lastString;
    else if (c === ',') lastKey = undefined;
    else if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      if (c === '{' && stack.length === 2 && stack[0].kind === '{' && top.kind === '[' && top.key === 'scenarios') out.push(i);
      stack.push({ kind: c, key: top?.kind === '{' ? lastKey : undefined });
      lastKey = undefined;
    } else if (c === '}' || c === ']') {
      stack.pop();
      lastKey = undefined;
    }
  }
  return out;
}
