import type { Command } from '../usage';
import { checkCommand } from './check';
import { smtpTestCommand } from './smtpTest';
import { unavailableCommand } from './unavailable';

export const COMMANDS: Command[] = [
  checkCommand,
  unavailableCommand('postconf', 'print main.cf/master.cf settings like Postfix postconf'),
  smtpTestCommand,
  unavailableCommand('remote', 'run postconf on a server over SSH'),
];
