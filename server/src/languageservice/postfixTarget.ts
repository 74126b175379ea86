// The Postfix release a configuration is checked against (the "target"). Adapters resolve the
// user's setting (`auto` or a series such as 3.7) and put it in ServiceContext.postfixVersion;
// analyses read it here. Without one, the newest release in the data is the target.
import type { Locale } from '../l10n';
import { newestRelease, seriesOf } from '../postfix/releaseFacts';
import type { ServiceContext } from './service';

/** What a check needs to word and grade its findings. */
export interface PostfixCheck {
  /** Release series, e.g. "3.7". */
  target: string;
  locale: Locale;
}

export function targetRelease(ctx: Pick<ServiceContext, 'postfixVersion'>): string {
  return (ctx.postfixVersion && seriesOf(ctx.postfixVersion)) || newestRelease();
}

export function postfixCheck(ctx: Pick<ServiceContext, 'postfixVersion' | 'locale'>): PostfixCheck {
  return { target: targetRelease(ctx), locale: ctx.locale };
}
