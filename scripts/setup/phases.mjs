// One line per set-up phase, with its time and the time since the start, so that a person
// watching a first start knows what is going on and a CI log shows where the minutes went.
export function phaseLog(program, { write = (line) => console.error(line), now = () => performance.now() } = {}) {
  const started = now();
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  return {
    /**
     * Runs one phase and returns what `fn` returned; its line is printed when it ends, with
     * `describe(outcome)` (the outcome itself by default) after the name.
     */
    async phase(name, fn, describe = (outcome) => outcome) {
      const t = now();
      const outcome = await fn();
      const said = describe(outcome);
      write(`[${program}] ${name}${said ? `: ${said}` : ''} (${seconds(now() - t)}; ${seconds(now() - started)} since start)`);
      return outcome;
    },
  };
}
