import type { ServerCommand } from './command';
import { smtpProbeCommand } from './smtpProbe';

/** Every command the server offers. Feature areas add theirs here. */
export const SERVER_COMMANDS: ServerCommand[] = [smtpProbeCommand];
