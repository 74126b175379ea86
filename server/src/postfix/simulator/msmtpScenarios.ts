// Scenarios from the accounts of an msmtprc (the lesson's vm25, vm465, vm587): each account is a
// session with the port, TLS, login, sender and EHLO name msmtp would use, sent to the given
// recipients from the given client. `defaults` sections apply to the accounts after them, and
// `account NAME : PARENT` inherits PARENT's settings first, as msmtp reads them.
import { MsmtpSection, parseMsmtprc } from '../../parsers/msmtprc';
import { checkScenario, Scenario } from './scenarios';

type Settings = Map<string, string>;

function effective(sections: MsmtpSection[], upto: number, seen = new Set<string>()): Settings {
  const s = sections[upto];
  const out: Settings = new Map();
  for (let i = 0; i < upto; i++) if (sections[i].kind === 'defaults') for (const c of sections[i].commands) out.set(c.keyword, c.argument);
  for (const p of s.parents) {
    const at = sections.findIndex((x) => x.kind === 'account' && x.name === p.name);
    if (at >= 0 && !seen.has(p.name)) {
      seen.add(p.name);
      for (const [k, v] of effective(sections, at, seen)) out.set(k, v);
    }
  }
  for (const c of s.commands) out.set(c.keyword, c.argument);
  return out;
}

const on = (v: string | undefined) => v !== undefined && v !== 'off';

export function msmtpScenarios(text: string, client: string, recipients: string[]): Scenario[] {
  const sections = parseMsmtprc(text).sections;
  const out: Scenario[] = [];
  sections.forEach((s, i) => {
    if (s.kind !== 'account') return;
    const e = effective(sections, i);
    const tls = on(e.get('tls'));
    const starttls = e.get('tls_starttls') !== 'off';
    // msmtp's default port: 465 for TLS without STARTTLS, else 25.
    const port = Number(e.get('port') ?? (tls && !starttls ? 465 : 25));
    const auth = e.get('auth');
    out.push({
      name: `msmtp account ${s.name}`,
      port,
      client,
      helo: e.get('domain') || 'localhost',
      ...(on(auth) && e.get('user') ? { sasl: e.get('user') } : {}),
      tls,
      from: e.get('from') ?? '',
      to: recipients,
      expect: {},
    });
  });
  return out;
}

/**
 * The msmtprc's scenarios with each recipient's expectation set to what the configuration does
 * now ("accepted", or the reply's code and enhanced code, e.g. "454 4.7.1"): a starting point the
 * user edits into the outcome they want, and a record that later edits keep to.
 */
export function msmtpScenariosExpecting(text: string, client: string, recipients: string[], config: Parameters<typeof checkScenario>[1]): Scenario[] {
  return msmtpScenarios(text, client, recipients).map((s) => {
    const r = checkScenario(s, config).result;
    const expect: Record<string, string> = {};
    for (const rcpt of r?.recipients ?? []) {
      const step = [...(r?.steps ?? [])].reverse().find((st) => st.stage === 'rcpt' && st.argument === rcpt.address);
      expect[rcpt.address] = rcpt.accepted ? 'accepted' : step?.reply.enhanced ? `${step.reply.code} ${step.reply.enhanced}` : rcpt.deferred ? 'deferred' : 'rejected';
    }
    return { ...s, expect };
  });
}
