// The browser side of the end-to-end layers: Debian's Chromium and code-server, both installed by
// the up-front phase of `npm test` (peerSetup.mjs). A layer that lacks them is skipped with the
// reason the phase gave; under CI=true that phase has already failed the run.
export function browserLayerSkipped(reason) {
  console.log(`skipped: ${reason}`);
  return { passed: 0, failed: 0, skipped: 1, skipReasons: new Map([[reason, 1]]) };
}
