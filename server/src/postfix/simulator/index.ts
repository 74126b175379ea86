// The SMTP session simulator: what Postfix's smtpd answers a given client, stage by stage.
export { simulate, SimulationInputError } from './session';
export { smtpdServices } from './serviceSelection';
export { readMasterServices } from './settings';
export type * from './types';
export type { DnsAnswers, DnsListing } from './dnsAnswers';
export { probeRelay, probeRelayList, relayControlFailure } from './relayProbe';
export type { RelayListProbe, RelayProbe, SimulatorConfig } from './relayProbe';
