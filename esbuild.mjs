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

// The CLI loads each subcommand on first use. Bundling each into its own file keeps a run of one
// command from parsing the code of all the others (SSH, SMTP, zones): Node's start-up dominates.
const CLI_COMMANDS = ['check', 'postconf', 'smtpTest', 'remote'];
const cliCommandsApart = {
  name: 'cli-commands-apart',
  setup(build) {
    const pattern = new RegExp(`^\\./(${CLI_COMMANDS.join('|')})$`);
    build.onResolve({ filter: pattern }, (args) =>
      args.importer.endsWith('cli/commands/index.ts') ? { path: `./cli/${args.path.slice(2)}.js`, external: true } : undefined,
    );
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliCommandsApart] },
  ...CLI_COMMANDS.map((c) => ({ entryPoints: [`server/src/cli/commands/${c}.ts`], outfile: `dist/cli/${c}.js` })),
  // The extension-host test suite runs inside VS Code and must be plain JS.
  ...(production ? [] : [{ entryPoints: ['test/extension/suite.ts'], outfile: 'out/test/extension/suite.js', external: [...common.external, 'mocha'] }]),
];

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('[esbuild] watching');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
