// What each SASL mechanism resists, as Cyrus SASL's plugins and Dovecot's mechanisms each declare
// it, and which of them survive Postfix's smtpd_sasl_security_options. Postfix filters the offered
// list by those declarations, and the two implementations do not declare the same: Dovecot flags
// PLAIN and LOGIN as plaintext only, so `nodictionary` leaves them with Dovecot and removes them
// with Cyrus (both confirmed by the real AUTH in test/server/languageservice/sasl/realAuth.test.ts).
export interface MechanismTraits {
  /** Sends the password as is (PLAIN, LOGIN): refused by noplaintext. */
  plaintext: boolean;
  /** Open to offline dictionary attacks: refused by nodictionary. */
  dictionary: boolean;
  /** Open to active (non-dictionary) attacks: refused by noactive. */
  active: boolean;
  anonymous: boolean;
  /** Authenticates the server too: required by mutual_auth. */
  mutual: boolean;
  /** Required by forward_secrecy. */
  forwardSecrecy: boolean;
}

const t = (plaintext: boolean, dictionary: boolean, active: boolean, anonymous: boolean, mutual: boolean, forwardSecrecy: boolean): MechanismTraits => ({
  plaintext,
  dictionary,
  active,
  anonymous,
  mutual,
  forwardSecrecy,
});

/** Cyrus SASL: the flags its plugins set (what a mechanism lacks, it is open to). */
export const CYRUS_TRAITS: Record<string, MechanismTraits> = {
  PLAIN: t(true, true, true, false, false, false),
  LOGIN: t(true, true, true, false, false, false),
  ANONYMOUS: t(false, true, true, true, false, false),
  'CRAM-MD5': t(false, true, true, false, false, false),
  'DIGEST-MD5': t(false, true, true, false, true, false),
  NTLM: t(false, true, true, false, false, false),
  OTP: t(false, true, true, false, false, true),
  EXTERNAL: t(false, false, true, false, false, false),
  GSSAPI: t(false, true, false, false, true, false),
  'GS2-KRB5': t(false, true, false, false, true, false),
  'SCRAM-SHA-1': t(false, true, false, false, true, false),
  'SCRAM-SHA-256': t(false, true, false, false, true, false),
  SRP: t(false, false, false, false, true, true),
};

/** Dovecot: the flags each mechanism declares (MECH_SEC_*), the absence of one meaning "resists". */
export const DOVECOT_TRAITS: Record<string, MechanismTraits> = {
  PLAIN: t(true, false, false, false, false, false),
  LOGIN: t(true, false, false, false, false, false),
  ANONYMOUS: t(false, false, false, true, false, false),
  'CRAM-MD5': t(false, true, true, false, false, false),
  'DIGEST-MD5': t(false, true, true, false, true, false),
  NTLM: t(false, true, true, false, false, false),
  OTP: t(false, true, true, false, false, false),
  'SCRAM-SHA-1': t(false, false, false, false, true, false),
  'SCRAM-SHA-256': t(false, false, false, false, true, false),
};

export type SaslImplementation = 'cyrus' | 'dovecot';

/** Whether a mechanism passes the options; one we know nothing of is given the benefit of the doubt. */
export function passes(mechanism: string, options: readonly string[], implementation: SaslImplementation): boolean {
  const m = (implementation === 'cyrus' ? CYRUS_TRAITS : DOVECOT_TRAITS)[mechanism.toUpperCase()];
  if (!m) return true;
  return !(
    (options.includes('noplaintext') && m.plaintext) ||
    (options.includes('nodictionary') && m.dictionary) ||
    (options.includes('noactive') && m.active) ||
    (options.includes('noanonymous') && m.anonymous) ||
    (options.includes('mutual_auth') && !m.mutual) ||
    (options.includes('forward_secrecy') && !m.forwardSecrecy)
  );
}

export function isPlaintext(mechanism: string): boolean {
  return CYRUS_TRAITS[mechanism.toUpperCase()]?.plaintext ?? false;
}
