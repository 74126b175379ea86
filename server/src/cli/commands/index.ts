import { join } from 'node:path';
import { loadBundle } from '../codeCache';
import type { Command } from '../usage';

// Each command's module loads on first use, so a `mailconf postconf` run does not pay for the SSH,
// SMTP or editor analyses. In dist/ every command is a bundle of its own (esbuild.mjs), loaded
// through the V8 code cache (../codeCache.ts); run from source (tsx), it is an ordinary require().
function lazy(name: string, load: () => Command): Command {
  let command: Command | undefined;
  const get = () => (command ??= load());
  return {
    name,
    get summary() {
      return get().summary;
    },
    get help() {
      return get().help;
    },
    run: (args, io) => get().run(args, io),
  };
}

/** Set to true by esbuild.mjs in dist/cli.js only. */
declare const MAILCONF_CLI_BUNDLE: boolean | undefined;
const bundled = typeof MAILCONF_CLI_BUNDLE !== 'undefined' && MAILCONF_CLI_BUNDLE;

/** dist/cli/NAME.js through the code cache in the bundle, ./NAME from source. */
function commandModule(name: string, fromSource: () => unknown): Record<string, Command> {
  if (!bundled) return fromSource() as Record<string, Command>;
  return loadBundle(join(__dirname, 'cli', `${name}.js`), process.env.MAILCONF_VERSION ?? '0.0.0', process.env).exports as Record<string, Command>;
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: Command[] = [
  lazy('check', () => commandModule('check', () => require('./check')).checkCommand),
  lazy('postconf', () => commandModule('postconf', () => require('./postconf')).postconfCommand),
  lazy('smtp-test', () => commandModule('smtpTest', () => require('./smtpTest')).smtpTestCommand),
  lazy('remote', () => commandModule('remote', () => require('./remote')).remoteCommand),
  lazy('simulate', () => commandModule('simulate', () => require('./simulate')).simulateCommand),
  lazy('dns-check', () => commandModule('dnsCheck', () => require('./dnsCheck')).dnsCheckCommand),
];
