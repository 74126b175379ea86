// The shapes the SMTP probe takes and returns. The result is the JSON object `mailconf smtp-test
// --json` prints and the server command answers, so its field names are a public contract.

export type TlsMode = 'auto' | 'starttls' | 'implicit' | 'none';
export type ProfileName = 'mx' | 'smtps' | 'submission';
export type AuthMechanism = 'PLAIN' | 'LOGIN' | 'CRAM-MD5';

export type StageName =
  | 'connect'
  | 'banner'
  | 'ehlo'
  | 'starttls'
  | 'tls'
  | 'ehlo-tls'
  | 'relay'
  | 'auth';

export interface ProbeOptions {
  host: string;
  port: number;
  /** `auto` is implicit TLS on 465 and STARTTLS elsewhere. */
  tls?: TlsMode;
  /** The name we greet with; defaults to a neutral one so the server's logs show who asked. */
  ehloName?: string;
  /** SNI and the name the certificate must match; defaults to the host unless it is an IP address. */
  servername?: string;
  /** PEM text of the CAs to trust instead of the system ones. */
  ca?: string;
  /** Accept a certificate that is untrusted, expired or for another name (still reported). */
  insecure?: boolean;
  /** SHA-256 fingerprint (hex, colons optional) of a certificate the user chose to accept. */
  acceptFingerprint?: string;
  user?: string;
  /** Never written to the result, the transcript or any log. */
  password?: string;
  /**
   * Asked for the password when there is none and the session has reached AUTH (TLS up, AUTH
   * offered), so that nobody types a password for a port that does not answer. Undefined: skip AUTH.
   */
  passwordWhenNeeded?: () => Promise<string | undefined>;
  authMechanism?: AuthMechanism;
  /** Only with this set does the probe send credentials over a connection without TLS. */
  allowPlaintextAuth?: boolean;
  /** External recipient for the unauthenticated relay test; the test runs when this is set. */
  rcpt?: string;
  /** A recipient the server must accept (the mx profile checks it); RFC 5321 requires `postmaster`. */
  localRcpt?: string;
  expect?: ProfileName;
  /** Milliseconds allowed for the connection and for each reply. */
  timeoutMs?: number;
  /** The language of the expectations' messages and hints (default English). */
  locale?: import('../l10n').Locale;
  signal?: AbortSignal;
  /**
   * Opens the connection instead of a TCP connect from here, e.g. an SSH port forward so that the
   * probe runs "from the server". Resolves to an already connected stream; its text is the detail.
   */
  openStream?: () => Promise<{ stream: import('node:stream').Duplex; via: string }>;
  /** Receives the certificates the server presented (DER, its own first), for DANE's TLSA matching. */
  onPeerChain?: (chain: Buffer[]) => void;
}

export interface StageResult {
  name: StageName;
  ok: boolean;
  ms: number;
  detail: string;
  /** The system's code for a failed network call (ENOTFOUND, ECONNREFUSED…), when that was the failure. */
  errno?: string;
}

export interface TlsReport {
  protocol: string;
  cipher: string;
  subject: string;
  issuer: string;
  altNames: string[];
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  hostnameMatch: boolean;
  trusted: boolean;
  /** Why the chain is not trusted (OpenSSL's code, e.g. CERT_HAS_EXPIRED), when it is not. */
  trustError?: string;
  daysToExpiry: number;
  fingerprint256: string;
  /** The name the certificate was checked against (also sent as SNI when it is not an IP). */
  checkedName: string;
}

export interface AuthReport {
  mechanisms: string[];
  tried: string | null;
  ok: boolean;
  code: number | null;
}

export interface RecipientReport {
  rcpt: string;
  code: number | null;
  accepted: boolean;
}

export interface RelayReport extends RecipientReport {
  /** The local recipient tried in the same transaction, for the mx profile. */
  local: RecipientReport | null;
}

export interface ExpectReport {
  profile: ProfileName;
  ok: boolean;
  failures: ExpectFailure[];
}

export interface ExpectFailure {
  /** A stable id, e.g. `auth-before-tls`. */
  id: string;
  /** What was seen, in plain words. */
  message: string;
  /** What usually causes it and what to change, in plain words. */
  hint: string;
  /** The main.cf/master.cf settings that usually cause it. */
  settings: string[];
}

export interface TranscriptLine {
  /** `C` client, `S` server, `*` the probe's own notes (TLS established, timeouts). */
  dir: 'C' | 'S' | '*';
  text: string;
  /** Milliseconds since the probe started. */
  t: number;
}

export interface ProbeResult {
  host: string;
  port: number;
  ok: boolean;
  stages: StageResult[];
  banner: string;
  ehloBefore: string[];
  ehloAfter: string[];
  tls: TlsReport | null;
  auth: AuthReport | null;
  relay: RelayReport | null;
  expect: ExpectReport | null;
  /** Redacted: AUTH payloads never appear. Left out of the CLI's JSON unless asked for. */
  transcript: TranscriptLine[];
}
