import type { ServerCommand } from './command';

/** Every command the server offers. Feature areas add theirs here. */
export const SERVER_COMMANDS: ServerCommand[] = [];
