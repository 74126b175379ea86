// Bundles the three entry points. `--watch` rebuilds on change, `--production` minifies.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ssh2 tries its optional native helpers inside try/catch and falls back to pure JS;
  // leaving them unresolved keeps the bundle free of native code.
  external: ['vscode', 'cpu-features', '*.node'],
  define: { 'process.env.MAILCONF_VERSION': JSON.stringify(version) },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The extension-host test suite runs inside VS Code and must be plain JS.
  ...(production ? [] : [{ entryPoints: ['test/extension/suite.ts'], outfile: 'out/test/extension/suite.js', external: [...common.external, 'mocha'] }]),
];

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('[esbuild] watching');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
