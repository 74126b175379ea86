// The postconf emulation's public face: the CLI, the editor's live preview and the diagnostics
// (which reuse the unused/undefined parameter rules) all come through here.
export { postconf } from './run';
export type { PostconfInput, PostconfOptions, PostconfResult } from './run';
export { macExpand } from './macExpand';
export { PostconfFatal } from './config';
