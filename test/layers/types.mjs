// Layer 0: the TypeScript compiler over the server, the client, the scripts and every test
// (tsconfig.json), so that a type error fails `npm test` as it fails `npm run typecheck`. The
// bundles are built by esbuild, which strips types without checking them.
import { join } from 'node:path';
import { ROOT, runProcess } from '../support/process.mjs';

export async function typesLayer() {
  const code = await runProcess(join(ROOT, 'node_modules/.bin/tsc'), ['-p', '.', '--noEmit']);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}
