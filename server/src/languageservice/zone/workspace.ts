// Checks across the files next to a zone (information level): main.cf's mydestination domains
// need an MX, myhostname must resolve, the MX host should have a PTR in a reverse zone that is
// present, and a PTR should point at a name whose A record has that address. Sibling files are
// found by the usual names (mail1.org.zone, db.mail1.org, db.192.168.255) through the Workspace.
import { isInZone, nameKey, recordData, recordRange, targetRange, typeRange } from '../../parsers/zone';
import { parseMainCf } from '../../parsers/maincf';
import { english, msg } from '../../l10n';
import { ipv4ReverseName } from '../../zone/ptr';
import type { Workspace } from '../service';
import type { Finding } from './findings';
import type { ParsedZone } from './parsed';
import { parseZoneText } from './parsed';

/** Zones bigger than this are not cross-checked: the checks read and parse sibling files. */
const MAX_RECORDS = 200_000;

function sibling(uri: string, name: string): string | undefined {
  try {
    return new URL(name, uri).href;
  } catch {
    return undefined;
  }
}

function readSibling(workspace: Workspace, uri: string, names: string[]): { uri: string; text: string } | undefined {
  for (const n of names) {
    const u = sibling(uri, n);
    if (!u || u === uri) continue;
    const text = workspace.readText(u);
    if (text !== undefined) return { uri: u, text };
  }
  return undefined;
}

function zoneFileNames(domain: string): string[] {
  const d = domain.replace(/\.$/, '');
  return [`${d}.zone`, `db.${d}`, `${d}.db`];
}

/** mydestination, myhostname and mydomain from main.cf, with $name references expanded. */
function mainCfNames(text: string): { destinations: string[]; myhostname?: string } {
  const values = new Map<string, string>();
  for (const e of parseMainCf(text).entries) values.set(e.name, e.value);
  const expand = (v: string, depth = 0): string =>
    depth > 5 ? v : v.replace(/\$\{?([A-Za-z0-9_]+)\}?/g, (_, n: string) => (values.has(n) ? expand(values.get(n)!, depth + 1) : n === 'mydomain' && values.has('myhostname') ? expand(values.get('myhostname')!, depth + 1).replace(/^[^.]+\./, '') : ''));
  const myhostname = values.has('myhostname') ? expand(values.get('myhostname')!) : undefined;
  const destinations = expand(values.get('mydestination') ?? '')
    .split(/[\s,]+/)
    .filter((d) => d !== '' && !d.includes('/') && !d.includes(':'));
  return { destinations, myhostname };
}

export function workspaceChecks(uri: string, { zone, index }: ParsedZone, workspace: Workspace, out: Finding[]): void {
  if (zone.table.count > MAX_RECORDS || !uri.startsWith('file:')) return;
  const apex = zone.origin;
  const apexBare = nameKey(apex).replace(/\.$/, '');
  const soa = index.at(apex).find((r) => r.type === 'SOA');
  const anchor = soa ? typeRange(soa) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  const mainCf = readSibling(workspace, uri, ['main.cf']);
  if (mainCf) {
    const { destinations, myhostname } = mainCfNames(mainCf.text);
    if (destinations.some((d) => nameKey(d).replace(/\.$/, '') === apexBare) && !index.hasType(apex, 'MX')) {
      out.push({ code: 'workspace-no-mx', severity: 'info', ...english(msg('zone.workspace.no-mx', apexBare)), source: zone.source, range: anchor });
    }
    if (myhostname) {
      const host = myhostname.endsWith('.') ? myhostname : myhostname + '.';
      if (isInZone(host, apex) && !index.hasType(host, 'A', 'AAAA', 'CNAME')) {
        out.push({ code: 'workspace-myhostname', severity: 'info', ...english(msg('zone.workspace.myhostname', myhostname)), source: zone.source, range: anchor });
      }
    }
  }

  const reverse = /\.in-addr\.arpa\.$/i.test(apex);
  if (!reverse) {
    for (const mx of index.at(apex).filter((r) => r.type === 'MX' && r.target && isInZone(r.target, apex))) {
      for (const a of index.at(mx.target!).filter((r) => r.type === 'A')) {
        const d = recordData(a, apex);
        if (!d || d.type !== 'A') continue;
        const ptrName = ipv4ReverseName(d.address)!;
        const revZone = ptrName.split('.').slice(1).join('.');
        const [x, y, z] = d.address.split('.');
        const file = readSibling(workspace, uri, [`db.${x}.${y}.${z}`, `${revZone}zone`, revZone.slice(0, -1), `db.${revZone.slice(0, -1)}`]);
        if (!file) continue;
        const rev = parseZoneText(file.uri, file.text);
        if (!rev.index.hasType(ptrName, 'PTR')) {
          out.push({ code: 'workspace-mx-no-ptr', severity: 'info', ...english(msg('zone.workspace.mx-no-ptr', mx.target!, d.address, file.uri.split('/').pop()!)), source: mx.source, range: targetRange(mx) });
        }
      }
    }
    return;
  }

  // A reverse zone: each PTR's target should have an A record with the address.
  const forwardCache = new Map<string, ParsedZone | undefined>();
  for (const ptr of zone.records.filter((r) => r.type === 'PTR' && r.target)) {
    const address = nameKey(ptr.owner).replace(/\.in-addr\.arpa\.$/, '').split('.').reverse().join('.');
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) continue;
    const labels = ptr.target!.replace(/\.$/, '').split('.');
    let forward: ParsedZone | undefined;
    for (let k = 0; k < labels.length - 1 && !forward; k++) {
      const domain = labels.slice(k).join('.');
      if (!forwardCache.has(domain)) {
        const file = readSibling(workspace, uri, zoneFileNames(domain));
        forwardCache.set(domain, file ? parseZoneText(file.uri, file.text) : undefined);
      }
      forward = forwardCache.get(domain);
    }
    if (!forward) continue;
    const addresses = forward.index
      .at(ptr.target!)
      .map((r) => recordData(r, forward!.zone.origin))
      .flatMap((d) => (d && d.type === 'A' ? [d.address] : []));
    if (!addresses.includes(address)) {
      out.push({
        code: 'ptr-forward-mismatch',
        severity: 'info',
        ...english(addresses.length ? msg('zone.workspace.ptr-other-address', ptr.target!, addresses.join(', '), address) : msg('zone.workspace.ptr-no-address', ptr.target!, address)),
        source: ptr.source,
        range: recordRange(ptr),
      });
    }
  }
}
