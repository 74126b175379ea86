// A subcommand whose implementation has not landed yet: it says so plainly and exits 2, so that
// scripts never mistake it for a successful run.
import { CliError, Command } from '../usage';

export function unavailableCommand(name: string, summary: string): Command {
  return {
    name,
    summary: `${summary} (not available in this version)`,
    help: `Usage: mailconf ${name} ...\n\nThis subcommand is not available in this version of mailconf.`,
    async run() {
      throw new CliError(`mailconf ${name}: not available in this version of mailconf`, 2);
    },
  };
}
