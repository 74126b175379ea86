import type { ServerCommand } from './command';
import { dnsCheckCommand } from './dnsCheck';
import { postconfPreviewCommand } from './postconfPreview';
import { remoteCompareCommand } from './remoteCompare';
import { remoteFindingsCommand } from './remoteFindings';
import { scenariosFromMsmtprcCommand } from './scenariosFromMsmtprc';
import { scenariosRunCommand } from './scenariosRun';
import { simulateCommand } from './simulate';
import { smtpProbeCommand } from './smtpProbe';
import { zoneBumpSerialCommand } from './zoneSerial';
import { zoneGeneratePtrCommand, zoneReverseZonesCommand } from './zonePtr';

/** Every command the server offers. Feature areas add theirs here. */
export const SERVER_COMMANDS: ServerCommand[] = [postconfPreviewCommand, smtpProbeCommand, zoneBumpSerialCommand, zoneGeneratePtrCommand, zoneReverseZonesCommand, remoteCompareCommand, remoteFindingsCommand, simulateCommand, scenariosRunCommand, scenariosFromMsmtprcCommand, dnsCheckCommand];
