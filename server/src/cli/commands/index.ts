import type { Command } from '../usage';
import { checkCommand } from './check';
import { unavailableCommand } from './unavailable';

export const COMMANDS: Command[] = [
  checkCommand,
  unavailableCommand('postconf', 'print main.cf/master.cf settings like Postfix postconf'),
  unavailableCommand('smtp-test', 'test an SMTP port: banner, EHLO, TLS, certificate, AUTH, relay policy'),
  unavailableCommand('remote', 'run postconf on a server over SSH'),
];
