/**
 * A local HTTP server for tests whose plugins wait on `host.fetch`: the test decides when each
 * request is answered (never a timed guess), so "X happened while Y still waited" is a fact of
 * the test's own making, not a race against the machine's speed.
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HoldServer {
  url: string;
  /** The plugin manifest's `permissions.net` entry for this server. */
  net: string[];
  /** Requests received so far. */
  requests: () => number;
  /** Requests received and not answered yet. */
  inFlight: () => number;
  /** Answers every request held now. */
  release: () => void;
  /** From now on, answers end `|finished` instead of `|delayed` (a plugin polling with `delayMs` stops on it). */
  finish: () => void;
  close: () => Promise<void>;
}

/**
 * With `delayMs` it answers each request that long after it came (`<path>|delayed`, or
 * `<path>|finished` once `finish()` was called); otherwise it holds every request until
 * `release()` or until `together` are in flight at once, and gives up (answers "gave up") after
 * `giveUpMs`. A body names the request's path and why it was answered.
 */
export async function holdServer(opts: { delayMs?: number; together?: number; giveUpMs?: number } = {}): Promise<HoldServer> {
  let held: { res: ServerResponse; path: string }[] = [];
  let received = 0;
  let finished = false;
  const timers = new Set<NodeJS.Timeout>();
  const answer = (why: string): void => {
    for (const { res, path } of held.splice(0)) res.end(`${path}|${why}`);
  };
  const giveUp = setTimeout(() => answer("gave up"), opts.giveUpMs ?? 15_000);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    received++;
    const path = req.url ?? "/";
    if (opts.delayMs !== undefined) {
      const t = setTimeout(() => {
        timers.delete(t);
        res.end(`${path}|${finished ? "finished" : "delayed"}`);
      }, opts.delayMs);
      timers.add(t);
      return;
    }
    held.push({ res, path });
    if (held.length >= (opts.together ?? Infinity)) answer(`released with ${held.length} in flight`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    net: [`127.0.0.1:${port}`],
    requests: () => received,
    inFlight: () => held.length,
    release: () => answer("released"),
    finish: () => void (finished = true),
    close: async () => {
      clearTimeout(giveUp);
      for (const t of timers) clearTimeout(t);
      answer("closing");
      held = [];
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
