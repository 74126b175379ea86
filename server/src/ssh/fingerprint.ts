// Host keys as OpenSSH shows them: the type named inside the key blob and the SHA256 fingerprint
// (unpadded base64 of the blob's SHA-256), which is what `ssh-keygen -lf` and the first-connection
// prompt print, so users can compare them with what the server's console shows.
import { createHash } from 'node:crypto';

export function sha256Fingerprint(blob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** The key type at the start of an SSH public key blob (a uint32 length, then the name). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  if (len === 0 || len > 64 || blob.length < 4 + len) return 'unknown';
  return blob.subarray(4, 4 + len).toString('latin1');
}

/** How known_hosts names a host: plain on port 22, `[host]:port` elsewhere. */
export function hostId(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}
