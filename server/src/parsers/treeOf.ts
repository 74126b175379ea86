// One tree per text, whoever asks for it. A check of main.cf reads the master.cf beside it three
// ways (the main.cf/master.cf pair, smtpd's start-up in the simulator, the SASL side), and a check
// of /etc parses each Dovecot file both as a document and as part of the SASL side; each used to
// keep its own cache, so one text was parsed up to four times in a run (~1 ms each for the lab's
// master.cf in a fresh CLI, issue 16 and 18's start-up budgets). The parsers stay pure: this only
// remembers their answers. Trees are shared, so nothing may change one.
import { parseDovecot } from './dovecot';
import { parseMainCf } from './maincf';
import { parseMasterCf } from './mastercf';
import { parseSaslauthdDefaults } from './saslauthdDefaults';
import { parseSaslConf } from './saslConf';

/** `parse`, remembering the trees of the last `keep` texts. */
function byText<T>(parse: (text: string) => T, keep: number): (text: string) => T {
  const trees = new Map<string, T>();
  return (text) => {
    let tree = trees.get(text);
    if (tree === undefined) {
      tree = parse(text);
      if (trees.size >= keep) trees.delete(trees.keys().next().value!);
      trees.set(text, tree);
    }
    return tree;
  };
}

// main.cf trees of large files are large, and an open main.cf is re-parsed incrementally instead
// (languageservice/maincf/parsed.ts): a few are enough. A Dovecot tree is one file of the many
// dovecot.conf includes (the SASL side reads up to 200).
export const mainCfTree = byText(parseMainCf, 4);
export const masterCfTree = byText(parseMasterCf, 8);
export const dovecotTree = byText(parseDovecot, 256);
export const saslConfTree = byText(parseSaslConf, 16);
export const saslauthdTree = byText(parseSaslauthdDefaults, 16);
