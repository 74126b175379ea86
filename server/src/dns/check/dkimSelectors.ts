// The DKIM selectors a signer uses, read from its configuration, so that dns-check looks up the
// key where the signer tells receivers to find it (the lesson's "key under the wrong selector").
// OpenDKIM: `Selector NAME` in opendkim.conf, and `KEYNAME DOMAIN:SELECTOR:KEYFILE` lines of a
// KeyTable. Only selectors for `domain` (or for any domain, from Selector) are kept.

/** Selectors in an opendkim.conf or KeyTable text that sign for `domain` (absolute or not). */
export function signerSelectors(text: string, domain: string): string[] {
  const d = domain.toLowerCase().replace(/\.$/, '');
  const out = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const selector = /^Selector\s+([A-Za-z0-9_.-]+)$/i.exec(line);
    if (selector) {
      out.add(selector[1]);
      continue;
    }
    const key = /^\S+\s+([^:\s]+):([A-Za-z0-9_.-]+):\S+$/.exec(line);
    if (key && key[1].toLowerCase().replace(/\.$/, '') === d) out.add(key[2]);
  }
  return [...out];
}
