import type { Command } from '../usage';
import { checkCommand } from './check';
import { remoteCommand } from './remote';
import { smtpTestCommand } from './smtpTest';
import { unavailableCommand } from './unavailable';

export const COMMANDS: Command[] = [
  checkCommand,
  unavailableCommand('postconf', 'print main.cf/master.cf settings like Postfix postconf'),
  smtpTestCommand,
  remoteCommand,
];
