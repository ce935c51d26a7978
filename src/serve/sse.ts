/**
 * Server-sent event streams, bounded: at most `maxStreams` open at once and `maxStreamsPerToken` per
 * token (429 beyond), a heartbeat comment so idle streams stay visibly alive, and backpressure: a
 * writer waits for the socket to drain, and a client that stops reading for `stallMs` is cut off
 * rather than buffered without end.
 */
import type { ServerResponse } from "node:http";
import { ServeError } from "./errors.ts";

export interface SseMessage {
  id?: string;
  event?: string;
  data: unknown;
}

export interface SseStream {
  /** Writes one message; resolves once the socket took it (false when the stream is closed). */
  send(message: SseMessage): Promise<boolean>;
  readonly closed: boolean;
  /** Aborts when the client goes away or the stream is closed. */
  readonly signal: AbortSignal;
  close(): void;
}

export interface StreamRegistry {
  /** Opens a stream for a token, or throws `too_many_streams`. */
  open(res: ServerResponse, tokenId: string): SseStream;
  /** Streams open now (all, or one token's). */
  count(tokenId?: string): number;
  /** The tokens that have streams open. */
  tokenIds(): Set<string>;
  /** Ends every stream of a token (it was revoked); says how many. */
  closeFor(tokenId: string): number;
  /** Ends every stream (the server is stopping). */
  closeAll(): void;
}

export interface StreamLimits {
  maxStreams: number;
  maxStreamsPerToken: number;
  heartbeatMs: number;
  /** A client that has not taken a write for this long is disconnected. */
  stallMs?: number;
}

export function createStreamRegistry(limits: StreamLimits): StreamRegistry {
  const open = new Map<SseStream, string>();
  const stallMs = limits.stallMs ?? 30_000;

  const registry: StreamRegistry = {
    open(res, tokenId) {
      if (open.size >= limits.maxStreams) {
        throw new ServeError("too_many_streams", `the server has ${open.size} event streams open, its limit`, { retryable: true, nextStep: "Close a stream you no longer read, or retry later." });
      }
      if (registry.count(tokenId) >= limits.maxStreamsPerToken) {
        throw new ServeError("too_many_streams", `this token has ${limits.maxStreamsPerToken} event streams open, its limit`, { retryable: true, nextStep: "Close a stream you no longer read (each browser tab holds one)." });
      }
      const controller = new AbortController();
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.flushHeaders();
      let closed = false;
      const close = (): void => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        open.delete(stream);
        controller.abort();
        res.end();
      };
      const heartbeat = setInterval(() => void write(": ping\n\n"), limits.heartbeatMs);
      heartbeat.unref();
      res.on("close", close);

      async function write(text: string): Promise<boolean> {
        if (closed) return false;
        if (res.write(text)) return true;
        // The client is behind: wait for it, but not for ever.
        return new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            res.off("drain", drained);
            close();
            res.destroy();
            resolve(false);
          }, stallMs);
          const drained = (): void => {
            clearTimeout(timer);
            resolve(!closed);
          };
          res.once("drain", drained);
        });
      }

      const stream: SseStream = {
        send(message) {
          let text = "";
          if (message.event) text += `event: ${oneLine(message.event)}\n`;
          text += `data: ${JSON.stringify(message.data)}\n`;
          if (message.id !== undefined) text += `id: ${oneLine(message.id)}\n`;
          return write(text + "\n");
        },
        get closed() {
          return closed;
        },
        signal: controller.signal,
        close,
      };
      open.set(stream, tokenId);
      // Tell the client how long to wait before reconnecting.
      void write("retry: 2000\n\n");
      return stream;
    },
    count(tokenId) {
      if (tokenId === undefined) return open.size;
      let n = 0;
      for (const t of open.values()) if (t === tokenId) n++;
      return n;
    },
    tokenIds() {
      return new Set(open.values());
    },
    closeFor(tokenId) {
      const theirs = [...open].filter(([, t]) => t === tokenId).map(([s]) => s);
      for (const s of theirs) s.close();
      return theirs.length;
    },
    closeAll() {
      for (const s of [...open.keys()]) s.close();
    },
  };
  return registry;
}

/** Field values never carry a line break (JSON data never does: JSON.stringify escapes them). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]/g, " ");
}
