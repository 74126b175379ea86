// The server-to-client request for the SMTP password, made only when a run reaches AUTH. Its own
// module because the VS Code client answers it: importing it from the probe command would put
// the probe, and every server message, in the extension's main file.
export const PASSWORD_REQUEST = 'mailconf/smtp/password';

/** What the question names; the client answers a string, or null to skip AUTH. */
export interface PasswordRequest {
  host: string;
  port: number;
  user: string;
}
