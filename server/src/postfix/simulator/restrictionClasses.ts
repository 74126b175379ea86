// smtpd_restriction_classes as smtpd holds them. At start-up smtpd refuses every class name
// whose parameter has no value, so every class is checked when a session starts; the words of a
// class (each located in its file) are only listed when a list names that class. A main.cf
// with thousands of classes (one per tenant) then pays for the few its lists reach.
import { hasWords, listWords, RestrictionWord, splitWords } from './restrictionList';
import { ConfigurationError, ParameterView } from './settings';

/** The words of a restriction class by name, or undefined when no class has that name. */
export interface ClassWords {
  get(name: string): RestrictionWord[] | undefined;
}

/** reject_sender_login_mismatch is smtpd's own class: it wins over a user class of that name. */
const BUILTIN: ReadonlyMap<string, RestrictionWord[]> = new Map([
  [
    'reject_sender_login_mismatch',
    [
      { text: 'reject_authenticated_sender_login_mismatch', origin: { parameter: 'smtpd_restriction_classes' } },
      { text: 'reject_unauthenticated_sender_login_mismatch', origin: { parameter: 'smtpd_restriction_classes' } },
    ],
  ],
]);

export class RestrictionClasses implements ClassWords {
  private readonly names = new Set<string>();
  private readonly listed = new Map<string, RestrictionWord[]>();

  /** Throws smtpd's start-up error for the first class without a definition. */
  constructor(private readonly view: ParameterView) {
    for (const w of splitWords(view.value('smtpd_restriction_classes'))) {
      if (!hasWords(view, w.text)) throw new ConfigurationError(`restriction class \`${w.text}' needs a definition`);
      this.names.add(w.text);
    }
  }

  get(name: string): RestrictionWord[] | undefined {
    const builtin = BUILTIN.get(name);
    if (builtin) return builtin;
    if (!this.names.has(name)) return undefined;
    let words = this.listed.get(name);
    if (!words) {
      words = listWords(this.view, name);
      this.listed.set(name, words);
    }
    return words;
  }
}
