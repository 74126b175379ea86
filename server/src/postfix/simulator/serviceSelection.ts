// Which smtpd the session talks to: a master.cf entry named by the user, or the inet smtpd
// entry listening on a port. Without master.cf, Postfix's stock `smtp inet ... smtpd` on port 25.
import { MasterService } from './settings';

export class SimulationInputError extends Error {}

const STOCK_SMTP: MasterService = { name: 'smtp', type: 'inet', command: 'smtpd', line: 0, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, overrides: new Map(), port: 25 };

export function smtpdServices(services: MasterService[]): MasterService[] {
  return services.filter((s) => s.command === 'smtpd' && (s.type === 'inet' || s.type === 'pass' || s.type === 'unix'));
}

export function selectService(services: MasterService[] | undefined, want: { service?: string; port?: number }): MasterService {
  if (!services) {
    if ((want.service === undefined || want.service === 'smtp') && (want.port === undefined || want.port === 25)) return STOCK_SMTP;
    throw new SimulationInputError(`without master.cf only the stock smtp service on port 25 is known`);
  }
  const smtpd = smtpdServices(services);
  // master.cf keeps the later of two entries with the same name and type.
  const last = <T>(list: T[]) => list[list.length - 1];
  if (want.service !== undefined) {
    const named = smtpd.filter((s) => s.name === want.service || s.name.slice(s.name.lastIndexOf(':') + 1) === want.service);
    if (named.length > 0) return last(named);
    throw new SimulationInputError(`no smtpd service named '${want.service}' in master.cf (there are: ${smtpd.map((s) => s.name).join(', ') || 'none'})`);
  }
  if (want.port !== undefined) {
    const onPort = smtpd.filter((s) => s.type === 'inet' && s.port === want.port);
    if (onPort.length > 0) return last(onPort);
    throw new SimulationInputError(`no smtpd service listens on port ${want.port} in master.cf`);
  }
  throw new SimulationInputError('give a service name or a port');
}
