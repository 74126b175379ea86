// smtpd's start-up check: smtpd_relay_restrictions or smtpd_recipient_restrictions must hold a
// restriction that can refuse relaying before any bare `permit`, looking inside restriction
// classes; otherwise every smtpd process exits with a fatal error and the port answers nothing.
import type { ClassWords } from './restrictionClasses';
import { RestrictionWord } from './restrictionList';

const REQUIRED = ['reject_unauth_destination', 'defer_unauth_destination', 'reject', 'defer', 'defer_if_permit', 'check_relay_domains'];

function hasRequired(words: RestrictionWord[], classes: ClassWords, seen: Set<string>): boolean {
  for (let i = 0; i < words.length; i++) {
    const name = words[i].text.toLowerCase();
    if (name === 'warn_if_reject' && i + 1 < words.length) {
      i++;
      continue;
    }
    if (name === 'permit') return false;
    if (REQUIRED.includes(name)) return true;
    const cls = classes.get(words[i].text);
    if (cls && !seen.has(words[i].text)) {
      seen.add(words[i].text);
      if (hasRequired(cls, classes, seen)) return true;
    }
  }
  return false;
}

const FATAL_HEAD = 'in parameter smtpd_relay_restrictions or smtpd_recipient_restrictions, specify at least one working instance of: ';

/** Whether a simulation's fatal text is this start-up refusal (and not a configuration error). */
export function isRelayControlFatal(fatal: string | undefined): boolean {
  return fatal !== undefined && fatal.startsWith(FATAL_HEAD);
}

/** The fatal message smtpd logs, or undefined when it starts. */
export function relayControlFatal(relay: RestrictionWord[], recipient: RestrictionWord[], classes: ClassWords): string | undefined {
  if (hasRequired(recipient, classes, new Set()) || hasRequired(relay, classes, new Set())) return undefined;
  const names = REQUIRED.map((r, i) => r + (i === REQUIRED.length - 1 ? '' : i === REQUIRED.length - 2 ? ' or ' : ', ')).join('');
  return FATAL_HEAD + names;
}
