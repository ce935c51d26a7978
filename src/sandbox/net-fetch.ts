/**
 * The host side of `host.fetch` (integration profile). The URL's host and port must be on the
 * plugin's allowlist; the name is resolved once, every address it resolves to must be allowed
 * (public, or named by the allowlist), and the connection goes to exactly that checked address
 * (no second lookup an attacker's DNS could answer differently). The connected socket's address is
 * checked again. Redirects are returned, never followed; the body is capped; the call's end aborts
 * the request.
 */
import { request as httpRequest } from "node:http";
import type { IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import type { LookupFunction, Socket } from "node:net";
import { lookup as dnsLookup } from "node:dns/promises";
import { eventText } from "../events/index.ts";
import { addressAllowed, urlAllowed } from "./net-allowlist.ts";
import { errOutcome, okOutcome } from "./outcome.ts";
import type { DenialKind } from "./protocol.ts";

/** Resolves a host name to its addresses (default: the system resolver). Injected in tests. */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface FetchContext {
  allowlist: readonly string[];
  signal: AbortSignal;
  resolve: Resolver;
  maxBytes: number;
  /** Called when the fetch is refused, with why (for the audit trail). */
  onDenied: (kind: DenialKind, target: string, reason: string) => void;
}

/** Request headers a plugin may not set: the host decides framing and where the request goes. */
const FORBIDDEN_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "upgrade", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection"]);

export async function performFetch(args: string, ctx: FetchContext): Promise<string> {
  const req = JSON.parse(args) as { url: string; method: string; headers: unknown; body: string | null };
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return errOutcome("invalid_argument", "fetch: not a valid URL");
  }
  const deny = (kind: DenialKind, reason: string): string => {
    ctx.onDenied(kind, url.href, reason);
    return errOutcome("permission_denied", `fetch denied: ${reason}`);
  };
  if (url.protocol !== "http:" && url.protocol !== "https:") return deny("scheme", "only http and https URLs may be fetched");
  if (!urlAllowed(url, ctx.allowlist)) return deny("allowlist", `${url.host} is not in the plugin's net allowlist (host and port)`);

  const name = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(name) !== 0) addresses = [{ address: name, family: isIP(name) }];
  else {
    try {
      addresses = await ctx.resolve(name);
    } catch (e) {
      return errOutcome("fetch_failed", eventText(`fetch: cannot resolve ${name}: ${(e as Error).message}`, 500));
    }
  }
  if (addresses.length === 0) return errOutcome("fetch_failed", `fetch: ${name} resolves to no address`);
  const refused = addresses.find((a) => !addressAllowed(a.address, url, ctx.allowlist));
  if (refused) return deny("address", `${url.host} resolves to ${refused.address}, a loopback, private or link-local address the allowlist does not name`);
  const target = addresses[0]!;

  const headers: Record<string, string> = {};
  if (typeof req.headers === "object" && req.headers !== null && !Array.isArray(req.headers)) {
    for (const [k, v] of Object.entries(req.headers).slice(0, 64)) if (typeof v === "string" && !FORBIDDEN_HEADERS.has(k.toLowerCase())) headers[k] = v;
  }
  // The connection goes to the address checked above, whatever a second lookup would say.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  try {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, { method: req.method, headers, lookup: pinned, agent: false, signal: ctx.signal }, resolve);
      request.on("error", reject);
      request.on("socket", (socket: Socket) => {
        const check = (): void => {
          const remote = socket.remoteAddress;
          if (!remote || !addressAllowed(remote, url, ctx.allowlist)) request.destroy(new Error(`connected to ${remote ?? "an unknown address"}, which the allowlist does not allow`));
        };
        if (socket.connecting) socket.once("connect", check);
        else check();
      });
      request.end(req.body ?? undefined);
    });
    const body = await readCapped(res, ctx.maxBytes);
    if (body === undefined) return errOutcome("fetch_failed", `fetch: the response body is over ${ctx.maxBytes} bytes`);
    const status = res.statusCode ?? 0;
    const responseHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) responseHeaders[k] = Array.isArray(v) ? v.join(", ") : v;
    return okOutcome({ ok: status >= 200 && status < 300, status, statusText: res.statusMessage ?? "", url: url.href, headers: responseHeaders, body });
  } catch (e) {
    return errOutcome("fetch_failed", eventText(`fetch ${url.origin} failed: ${(e as Error).message}`, 1_000));
  }
}

async function readCapped(res: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res) {
    total += (chunk as Buffer).byteLength;
    if (total > maxBytes) {
      res.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
