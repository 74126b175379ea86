// `mailconf.lsp.dns.check`: dns-check for any LSP editor. Argument: {server, zoneUri?, domain?,
// selectors?, timeoutMs?, smtp?, ca?}; with smtp (HOST[:PORT] or 'mx') the live checks run too
// (TLSA against the certificate after STARTTLS, the greeting, the MTA-STS policy). The zone is the editor's buffer when it is open (unsaved edits
// included), and the domain defaults to its origin. The answer holds the report as `--json`
// prints it, the same as Markdown (for "copy as Markdown"), and the served and file serials (for
// the SOA code lens). Cancelling the request aborts the questions in flight.
import { runDnsCheck } from '../dns/check';
import { fileSerial } from '../dns/check/zoneVsServed';
import { renderMarkdown, toJson } from '../dns/check/report';
import { recordsAt, soaSerial } from '../dns/check/types';
import { DnsError, parseServer, serverText, transferZone } from '../dns/client';
import type { SeenPolicy } from '../dns/check';
import { cachedAsk, liveSmtpFacts, mtaStsPolicyOf, parseSmtpTarget } from '../dns/session';
import { t } from '../l10n';
import { parsedZone } from '../languageservice/zone/parsed';
import type { ServerCommand } from './command';
import { documentOrRead } from './zoneSerial';

export interface DnsCheckAnswer {
  report: ReturnType<typeof toJson>;
  markdown: string;
  servedSerial?: number;
  fileSerial?: number;
  /** 0-based line of the file's SOA, for the code lens. */
  soaLine?: number;
}

const DEFAULT_TIMEOUT_MS = 3000;
/** The MTA-STS policy and id seen per domain in this server's life, for mta-sts-id-mismatch. */
const seenPolicies = new Map<string, SeenPolicy>();

export const dnsCheckCommand: ServerCommand = {
  id: 'mailconf.lsp.dns.check',
  async run(args, ctx): Promise<DnsCheckAnswer> {
    const a = (args[0] ?? {}) as Record<string, unknown>;
    if (typeof a !== 'object') throw new Error('dns.check expects one object argument: {server, zoneUri?, domain?}');
    if (typeof a.server !== 'string') throw new Error("dns.check: 'server' (ADDR[:PORT] of the name server) is required");
    const server = parseServer(a.server);
    if (!server) throw new Error(`dns.check: '${a.server}' is not ADDR[:PORT]`);
    if (a.selectors !== undefined && !(Array.isArray(a.selectors) && a.selectors.every((s) => typeof s === 'string'))) throw new Error("dns.check: 'selectors' must be a list of strings");
    const timeoutMs = a.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : Number(a.timeoutMs);
    if (!(timeoutMs > 0 && timeoutMs <= 60_000)) throw new Error("dns.check: 'timeoutMs' must be a number of milliseconds up to 60000");
    const smtp = a.smtp === undefined || a.smtp === '' ? undefined : typeof a.smtp === 'string' ? parseSmtpTarget(a.smtp) : undefined;
    if (a.smtp !== undefined && a.smtp !== '' && !smtp) throw new Error(`dns.check: 'smtp' must be HOST[:PORT] or mx`);
    if (a.ca !== undefined && typeof a.ca !== 'string') throw new Error("dns.check: 'ca' must be PEM text");
    const ca = a.ca as string | undefined;
    const zone = a.zoneUri !== undefined ? parsedZone(documentOrRead(a.zoneUri, ctx), ctx.workspace).zone : undefined;
    const domain = typeof a.domain === 'string' ? a.domain : zone?.origin;
    if (!domain || domain === '.') throw new Error("dns.check: give 'domain', or a 'zoneUri' whose origin is known");

    const controller = new AbortController();
    const cancel = ctx.token.onCancellationRequested(() => controller.abort());
    const ask = cachedAsk(server, timeoutMs, controller.signal);
    try {
      const absolute = domain.toLowerCase().replace(/\.?$/, '.');
      await ask(absolute, 'SOA');
      const facts = smtp && (await liveSmtpFacts(smtp, absolute, ask, ca, timeoutMs, controller.signal));
      const mtaSts = smtp && (await mtaStsPolicyOf(absolute, ask, ca, timeoutMs, controller.signal));
      const report = await runDnsCheck({
        domain,
        server: serverText(server),
        ask,
        transfer: () => transferZone(absolute, { server, timeoutMs: 3 * timeoutMs, signal: controller.signal }),
        locale: ctx.locale,
        zone,
        selectors: a.selectors as string[] | undefined,
        smtp: facts,
        mtaSts,
        mtaStsSeen: mtaSts ? seenPolicies.get(absolute) : undefined,
      });
      if (mtaSts && !('error' in mtaSts)) seenPolicies.set(absolute, { id: mtaSts.id, text: mtaSts.text });
      const soa = recordsAt(await ask(report.domain, 'SOA'), report.domain, 'SOA')[0];
      const file = zone && fileSerial(zone);
      return {
        report: toJson(report),
        markdown: renderMarkdown(report, ctx.locale),
        ...(soa && soaSerial(soa.data) !== undefined ? { servedSerial: soaSerial(soa.data) } : {}),
        ...(file ? { fileSerial: file.serial, soaLine: file.line } : {}),
      };
    } catch (err) {
      if (err instanceof DnsError) throw new Error(err.kind === 'aborted' ? err.message : t(ctx.locale, 'dns.unreachable', err.message));
      throw err;
    } finally {
      cancel.dispose();
    }
  },
};
