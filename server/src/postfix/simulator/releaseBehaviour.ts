// What the target Postfix release changes in a session. A parameter the release does not have
// yet is unknown to its daemons: a setting of it is ignored (postconf says "unused parameter")
// and smtpd does what it did before the parameter existed. Listed here are the parameters whose
// absence changes what the simulator models, with that older behaviour in the parameter's terms;
// which release has which parameter comes from the releases' own documentation (releaseFacts).
import { availability, compareVersions, seriesOf } from '../releaseFacts';
import type { ParameterView } from './settings';

const BEFORE_PARAMETER: Record<string, string> = {
  // Before 3.6, smtpd_check_rcpt() ran smtpd_recipient_restrictions first, then smtpd_relay_restrictions.
  smtpd_relay_before_recipient_restrictions: 'no',
};

/**
 * The value the release's daemons act on for a parameter it does not have yet; undefined when the
 * release has the parameter, when its older behaviour is not listed, or for an unknown release.
 */
export function valueBeforeParameter(name: string, release: string | undefined): string | undefined {
  if (release === undefined || !Object.prototype.hasOwnProperty.call(BEFORE_PARAMETER, name)) return undefined;
  const series = seriesOf(release);
  return series && availability(name, series).status === 'later' ? BEFORE_PARAMETER[name] : undefined;
}

/**
 * A fatal error of the release's daemons at start-up. Before 3.6, compatibility_level is an
 * integer (0, 1, 2) read with get_mail_conf_int(): a level such as "3.6" stops every daemon with
 * "bad numerical configuration".
 */
export function releaseStartFailure(view: ParameterView): string | undefined {
  const series = view.release && seriesOf(view.release);
  if (!series || compareVersions(series, '3.6') >= 0) return undefined;
  const level = view.value('compatibility_level');
  // sscanf("%d%c"): an integer with nothing after it, blanks before it allowed.
  return /^\s*[-+]?[0-9]+$/.test(level) ? undefined : `bad numerical configuration: compatibility_level = ${level}`;
}
