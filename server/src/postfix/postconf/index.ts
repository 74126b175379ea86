// The postconf emulation's public face: the CLI, the editor's live preview and the diagnostics
// (which reuse the unused/undefined parameter rules) all come through here.
export { postconf } from './run';
export type { HostFacts, PostconfInput, PostconfOptions, PostconfResult } from './run';
export { interfaceAddresses, mynetworksDefault } from './mynetworks';
export type { InterfaceAddress } from './mynetworks';
export { macExpand } from './macExpand';
export { PostconfFatal } from './config';
