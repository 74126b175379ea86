import type { Command } from '../usage';

// Each command's module loads on first use (the bundler keeps a require() inside a function behind
// a lazy wrapper), so a `mailconf postconf` run does not pay for the SSH, SMTP or editor analyses.
function lazy(name: string, load: () => Command): Command {
  return {
    name,
    get summary() {
      return load().summary;
    },
    get help() {
      return load().help;
    },
    run: (args, io) => load().run(args, io),
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: Command[] = [
  lazy('check', () => require('./check').checkCommand),
  lazy('postconf', () => require('./postconf').postconfCommand),
  lazy('smtp-test', () => require('./smtpTest').smtpTestCommand),
  lazy('remote', () => require('./remote').remoteCommand),
];
