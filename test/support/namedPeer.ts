// Whether the tests can start named (see named.ts), as every real peer is asked (peers.ts).
import { requirePeer } from './peers';

export const NAMED_PACKAGES = ['bind9'];

/** Undefined when named is there, else the skip reason (an error under CI). */
export function requireNamed(): string | undefined {
  return requirePeer('/usr/sbin/named', NAMED_PACKAGES);
}
