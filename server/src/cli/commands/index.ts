import type { Command } from '../usage';
import { checkCommand } from './check';
import { postconfCommand } from './postconf';
import { remoteCommand } from './remote';
import { smtpTestCommand } from './smtpTest';

export const COMMANDS: Command[] = [
  checkCommand,
  postconfCommand,
  smtpTestCommand,
  remoteCommand,
];
