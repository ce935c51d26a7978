/**
 * The rules of a plugin's net allowlist (manifest `permissions.net`):
 * - an entry is `host` or `host:port`; without a port it allows only the URL scheme's default
 *   port (80 for http, 443 for https); `*.example.com` matches subdomains (not example.com);
 *   an IPv6 address is written in brackets, `[2001:db8::1]:8443`, in any of its spellings;
 * - a URL is allowed when its host and port match an entry;
 * - the address actually connected to must be public unless an entry names that very address (and
 *   port): a name that resolves to a loopback, private, link-local or otherwise non-public address
 *   is refused, which is what stops DNS rebinding from reaching internal services.
 */
import { BlockList, isIP } from "node:net";

export interface NetRule {
  /** Lower case, without a trailing dot; IPv6 in brackets; without the `*.` of a wildcard. */
  host: string;
  wildcard: boolean;
  /** undefined: the scheme's default port only. */
  port: number | undefined;
}

/** Parses one allowlist entry, or says what is wrong with it. */
export function parseNetRule(entry: string): NetRule | string {
  const text = entry.trim().toLowerCase();
  const m = /^(\*\.)?(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return `"${entry}" is not host or host:port (e.g. api.example.com, api.example.com:8443, *.example.com)`;
  const port = m[3] === undefined ? undefined : Number(m[3]);
  if (port !== undefined && (port < 1 || port > 65_535)) return `"${entry}": the port must be 1 to 65535`;
  const host = m[2]!.replace(/\.$/, "");
  if (host.startsWith("[") && isIP(host.slice(1, -1)) !== 6) return `"${entry}": ${host} is not an IPv6 address`;
  if (m[1] && (host.startsWith("[") || isIP(host) !== 0)) return `"${entry}": a wildcard needs a domain name`;
  return { host: host.startsWith("[") ? bracketedV6(host.slice(1, -1)) : host, wildcard: Boolean(m[1]), port };
}

/**
 * An IPv6 address in brackets, spelled as a URL's hostname spells it (`[0:0:0:0:0:0:0:1]` is
 * `[::1]`), so an entry, a URL and a resolved address name the same address the same way.
 */
function bracketedV6(address: string): string {
  return new URL(`http://[${address}]/`).hostname;
}

function rulesOf(allowlist: readonly string[]): NetRule[] {
  const rules: NetRule[] = [];
  for (const entry of allowlist) {
    const rule = parseNetRule(entry);
    if (typeof rule !== "string") rules.push(rule);
  }
  return rules;
}

/** The port a URL connects to. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

function portMatches(rule: NetRule, url: URL): boolean {
  if (rule.port !== undefined) return rule.port === portOf(url);
  return url.port === "";
}

/** Whether a URL's host and port are on the allowlist. */
export function urlAllowed(url: URL, allowlist: readonly string[]): boolean {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  for (const rule of rulesOf(allowlist)) {
    if (!portMatches(rule, url)) continue;
    // A wildcard names subdomains: an IP literal (`93.184.216.34` for `*.184.216.34`) is none.
    if (rule.wildcard ? isIP(host) === 0 && !host.startsWith("[") && host.endsWith(`.${rule.host}`) : host === rule.host) return true;
  }
  return false;
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8], ["2001:db8::", 32], ["3fff::", 20], ["2001:2::", 48], ["100::", 64], ["64:ff9b:1::", 48],
] as const) blocked.addSubnet(net, prefix, "ipv6");

/** An IPv6 address's eight 16-bit groups, from its canonical text (hex groups, one `::`). */
function groupsOf(canonical: string): number[] {
  const [head = "", tail] = canonical.split("::");
  const part = (text: string): number[] => (text === "" ? [] : text.split(":").map((g) => parseInt(g, 16)));
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const dotted = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 address an IPv6 address carries, if any: IPv4-mapped (::ffff:0:0/96), IPv4-compatible
 * (::/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16, the IPv4
 * address in groups 1-2) and Teredo (2001::/32, the client's address inverted in groups 6-7). Read
 * from the eight groups, so no spelling (a compressed zero group included) hides one.
 */
function embeddedV4(g: number[]): string | undefined {
  const zero = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return dotted(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return dotted(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return dotted(g[6]!, g[7]!);
  if (g[0] === 0x2002) return dotted(g[1]!, g[2]!);
  if (g[0] === 0x2001 && g[1] === 0) return dotted(g[6]! ^ 0xffff, g[7]! ^ 0xffff);
  return undefined;
}

/** False for loopback, private, link-local, unspecified, multicast, documentation and other non-public addresses. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(bare, "ipv4");
  // One spelling per address (`64:ff9b:0:0:0:0:7f00:1` is `64:ff9b::7f00:1`): the URL serializer's.
  const canonical = bracketedV6(bare).slice(1, -1);
  const v4 = embeddedV4(groupsOf(canonical));
  if (v4 !== undefined) return !blocked.check(v4, "ipv4");
  return !blocked.check(canonical, "ipv6");
}

/** May a connection for `url` go to `address`? Public addresses may; others only when an entry names that address and port. */
export function addressAllowed(address: string, url: URL, allowlist: readonly string[]): boolean {
  if (isPublicAddress(address)) return true;
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  // No entry can name a zone (`fe80::1%eth0`): such an address is never named.
  if (bare.includes("%")) return false;
  const named = isIP(bare) === 6 ? bracketedV6(bare) : bare;
  return rulesOf(allowlist).some((rule) => !rule.wildcard && rule.host === named && portMatches(rule, url));
}
