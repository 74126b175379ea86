// Bundles the three entry points. `--watch` rebuilds on change, `--production` minifies.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

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
const CLI_COMMANDS = ['check', 'postconf', 'smtpTest', 'remote', 'simulate', 'dnsCheck'];
const cliCommandsApart = {
  name: 'cli-commands-apart',
  setup(build) {
    const pattern = new RegExp(`^\\./(${CLI_COMMANDS.join('|')})$`);
    build.onResolve({ filter: pattern }, (args) =>
      args.importer.endsWith('cli/commands/index.ts') ? { path: `./cli/${args.path.slice(2)}.js`, external: true } : undefined,
    );
  },
};

// The CLI loads its command bundles, and dist/server.js the language server's, through a V8 code
// cache (server/src/cli/codeCache.ts) keyed by each bundle's content hash, which goes into the
// bundle's first line once it is written. The placeholder has the hash's length, so the source map
// stays right; watch builds keep it, and a bundle marked so is never cached.
// Each of these bundles is the function Node would wrap a CommonJS file in, written out: vm.Script
// then compiles the file's text as read, where wrapping it at load time copied a megabyte of
// source on every start. They are pure ASCII (esbuild escapes the rest), so they are read as
// latin1, a plain copy, rather than decoded as UTF-8; stampBundleHashes checks that they are.
const CLI_HASH_BANNER = `// mailconf-bundle-hash: ${'0'.repeat(16)}`;
const COMMONJS_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';
const cachedBundle = { banner: { js: `${CLI_HASH_BANNER}\n${COMMONJS_WRAPPER}` }, footer: { js: '})' } };
const CACHED_BUNDLES = [...CLI_COMMANDS.map((c) => `dist/cli/${c}.js`), 'dist/server/languageServer.js'];
function stampBundleHashes() {
  for (const file of CACHED_BUNDLES) {
    const text = readFileSync(file, 'utf8');
    if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`${file}: not ASCII, but codeCache.ts reads it as latin1`);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    writeFileSync(file, text.replace(CLI_HASH_BANNER, CLI_HASH_BANNER.slice(0, -16) + hash));
  }
}

// The extension loads its SSH side (client/src/remote/sshSide.ts: ssh2 and its ciphers, the SMTP
// probe and the SASL checks it runs on a server, with their messages) from dist/ssh.js on the first
// connection. It was half of the main file, and VS Code's extension host spends time on every
// kilobyte of an extension's main file before calling activate(): in code-server, a stub extension
// took 265 ms from its activation line to activate(), 354 ms with vscode-languageclient bundled,
// 628 ms with ssh2 too (issue 16 budgets activation to a ready language server at 500 ms).
const sshApart = {
  name: 'ssh-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/sshSide$/ }, () => ({ path: './ssh.js', external: true }));
  },
};

const entries = [
  // require(), not import(), for dist/ssh.js: the extension host loads extensions as CommonJS.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', plugins: [sshApart], supported: { 'dynamic-import': false } },
  { entryPoints: ['client/src/remote/sshSide.ts'], outfile: 'dist/ssh.js' },
  { entryPoints: ['server/src/serverLoader.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/languageServer.js', ...cachedBundle },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [cliCommandsApart],
    define: { ...common.define, MAILCONF_CLI_BUNDLE: 'true' },
  },
  ...CLI_COMMANDS.map((c) => ({ entryPoints: [`server/src/cli/commands/${c}.ts`], outfile: `dist/cli/${c}.js`, ...cachedBundle })),
  // The extension-host test suite runs inside VS Code and must be plain JS.
  ...(production ? [] : [{ entryPoints: ['test/extension/suite.ts'], outfile: 'out/test/extension/suite.js', external: [...common.external, 'mocha'] }]),
];

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('[esbuild] watching');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  stampBundleHashes();
}
