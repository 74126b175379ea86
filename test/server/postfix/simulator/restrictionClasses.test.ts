// smtpd_restriction_classes as a session holds them: every class checked for a definition when the
// session starts, the words of a class listed (and located in main.cf) only when a list names it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestrictionClasses } from '../../../../server/src/postfix/simulator/restrictionClasses';
import { hasWords, listWords } from '../../../../server/src/postfix/simulator/restrictionList';
import { ConfigurationError, ParameterView, readMainSettings, Setting, Settings } from '../../../../server/src/postfix/simulator/settings';

/** main.cf's settings, counting the words located in each parameter. */
function located(mainCf: string): { view: ParameterView; located: Map<string, number> } {
  const main = readMainSettings(mainCf, '/etc/postfix/main.cf');
  const counts = new Map<string, number>();
  const settings: Settings = {
    get(name) {
      const s = main.get(name);
      if (!s) return undefined;
      const counted: Setting = { ...s, locate: (start, end) => (counts.set(name, (counts.get(name) ?? 0) + 1), s.locate(start, end)) };
      return counted;
    },
  };
  return { view: new ParameterView(settings), located: counts };
}

const TENANTS = Array.from({ length: 50 }, (_, i) => `tenant${i} = permit_mynetworks, check_recipient_access hash:/etc/postfix/t${i}, reject`).join('\n');
const CLASSES = `smtpd_restriction_classes = ${Array.from({ length: 50 }, (_, i) => `tenant${i}`).join(', ')}\n`;

describe('restriction classes', () => {
  it('lists and locates only the classes asked for', () => {
    const { view, located: counts } = located(`${TENANTS}\n${CLASSES}`);
    const classes = new RestrictionClasses(view);
    assert.deepEqual([...counts.keys()], []);
    const words = classes.get('tenant7')!;
    assert.deepEqual(
      words.map((w) => [w.text, w.origin.line, w.origin.range?.start.character]),
      [
        ['permit_mynetworks', 8, 10],
        ['check_recipient_access', 8, 29],
        ['hash:/etc/postfix/t7', 8, 52],
        ['reject', 8, 74],
      ],
    );
    assert.deepEqual([...counts.keys()], ['tenant7']);
    // Asked again, the same words: not listed a second time.
    assert.equal(classes.get('tenant7'), words);
    assert.deepEqual([...counts], [['tenant7', 4]]);
  });

  it('knows only the names of smtpd_restriction_classes, and smtpd\'s own reject_sender_login_mismatch', () => {
    const { view } = located(`${TENANTS}\n${CLASSES}reject_sender_login_mismatch = permit\n`);
    const classes = new RestrictionClasses(view);
    assert.equal(classes.get('tenant50'), undefined);
    assert.equal(classes.get('smtpd_recipient_restrictions'), undefined);
    assert.deepEqual(
      classes.get('reject_sender_login_mismatch')?.map((w) => w.text),
      ['reject_authenticated_sender_login_mismatch', 'reject_unauthenticated_sender_login_mismatch'],
    );
  });

  it('refuses, as smtpd does at start-up, the first class with no words, even one no list names', () => {
    const empty = (mainCf: string) => () => new RestrictionClasses(located(mainCf).view);
    assert.throws(empty(`${TENANTS}\n${CLASSES.trimEnd()}, missing, alsomissing\n`), (e: Error) => e instanceof ConfigurationError && e.message === "restriction class `missing' needs a definition");
    assert.throws(empty(`${TENANTS}\n${CLASSES.trimEnd()}, viaempty\nviaempty = $nothing\nnothing =\n`), /restriction class `viaempty' needs a definition/);
    // A word that cannot be expanded stops smtpd whether or not a list names the class.
    assert.throws(empty(`${TENANTS}\n${CLASSES.trimEnd()}, broken\nbroken = permit_mynetworks \${unclosed\n`), ConfigurationError);
  });

  it('has words exactly when listWords finds some, references followed and $names expanded', () => {
    const { view } = located('a = $b, permit_mynetworks, ${c}\nb = reject_unauth_destination check_client_access hash:/x\nc = $d\nd = permit x\ne =\nf = $e\ng = , ,\nh = $e ${e}, $(e)\ni = { }\n');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'undefined_name']) assert.equal(hasWords(view, name), listWords(view, name).length > 0, name);
    assert.deepEqual(['a', 'e', 'f', 'g', 'h', 'i'].map((name) => hasWords(view, name)), [true, false, false, false, false, true]);
  });
});
