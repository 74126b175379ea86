/**
 * Allows at most `max` restarts within a sliding window, so that a server that dies on start-up
 * is not restarted forever.
 */
export function crashBudget(max: number, windowMs: number) {
  const times: number[] = [];
  return {
    allow(now: number): boolean {
      while (times.length > 0 && now - times[0] > windowMs) times.shift();
      if (times.length >= max) return false;
      times.push(now);
      return true;
    },
  };
}
