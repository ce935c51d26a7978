/**
 * The MCP transport over stdio: one JSON-RPC message a line, as the SDK's, but every line is
 * answered or logged. The SDK's transport dropped, unanswered and unlogged, whatever failed its
 * message schema (an extra key, a batch, a bad id) before capsmith saw it, and closed the session
 * on a line past its 10 MiB buffer. Here, in order:
 *
 * - a line longer than `maxLineBytes` is discarded as it arrives (never buffered whole) and refused
 *   `payload_too_large`; the session goes on with the next line;
 * - a line that is not JSON is the JSON-RPC parse error (-32700), with no id;
 * - a batch (an array) is its messages one by one: MCP has no batches since 2025-06-18, and an
 *   answer to each id is more use to a client than one refusal of them all;
 * - a message no event could record (a lone surrogate, nested too deep) is invalid params (-32602)
 *   for its id, as over HTTP (json-rpc-refusal.ts);
 * - a message that is not a JSON-RPC request, notification or response is invalid request
 *   (-32600), for its id when it has a usable one.
 *
 * A refusal is answered unless the message was a notification or a response (JSON-RPC answers
 * neither); either way it is reported through `onRefused`, which logs it.
 */
import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { JSONRPCMessageSchema } from "@modelcontextprotocol/sdk/types.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { refuseUnrecordable } from "../body.ts";
import { ServeError } from "../errors.ts";
import { INVALID_PARAMS, INVALID_REQUEST, jsonRpcError, PARSE_ERROR, requestId } from "./json-rpc-refusal.ts";

export interface StdioTransportOptions {
  /** The longest line taken, in bytes; a longer one is refused whole. */
  maxLineBytes: number;
  /** Every refused message, answered or not. */
  onRefused(refused: ServeError): void;
}

const NEWLINE = 0x0a;

export class StdioLineTransport implements Transport {
  onmessage?: Transport["onmessage"];
  onerror?: Transport["onerror"];
  onclose?: Transport["onclose"];

  private readonly stdin: Readable;
  private readonly stdout: Writable;
  private readonly options: StdioTransportOptions;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while the rest of an over-long line is being skipped. */
  private skipping = false;
  private closed = false;

  constructor(stdin: Readable, stdout: Writable, options: StdioTransportOptions) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.options = options;
  }

  start(): Promise<void> {
    this.stdin.on("data", this.onData);
    this.stdin.on("error", this.onStreamError);
    this.stdin.on("end", this.onEnd);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once("drain", resolve);
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.stdin.off("data", this.onData).off("error", this.onStreamError).off("end", this.onEnd);
    if (this.stdin.listenerCount("data") === 0) this.stdin.pause();
    this.pending = [];
    this.pendingBytes = 0;
    this.onclose?.();
    return Promise.resolve();
  }

  private readonly onData = (chunk: Buffer | string): void => {
    let rest = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    for (let nl = rest.indexOf(NEWLINE); nl >= 0; nl = rest.indexOf(NEWLINE)) {
      this.take(rest.subarray(0, nl));
      const line = this.endLine();
      if (line !== undefined) this.handleLine(line);
      if (this.closed) return;
      rest = rest.subarray(nl + 1);
    }
    this.take(rest);
  };

  private readonly onStreamError = (err: Error): void => this.onerror?.(err);
  private readonly onEnd = (): void => void this.close();

  /** Keeps a piece of the current line, or starts skipping it once it is too long. */
  private take(piece: Buffer): void {
    if (this.skipping || piece.length === 0) return;
    this.pendingBytes += piece.length;
    if (this.pendingBytes > this.options.maxLineBytes) {
      this.skipping = true;
      this.pending = [];
      return;
    }
    this.pending.push(piece);
  }

  /** The finished line as text, or undefined when it was skipped (and now refused). */
  private endLine(): string | undefined {
    const { pending, pendingBytes, skipping } = this;
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
    if (skipping) {
      this.refuse(undefined, PARSE_ERROR, new ServeError("payload_too_large", `a message is longer than ${this.options.maxLineBytes} bytes, this server's limit; it was not read`, {
        nextStep: "Send smaller messages: a tool's input that large belongs in a file the plugin is given, not in one call.",
      }), true);
      return undefined;
    }
    return Buffer.concat(pending, pendingBytes).toString("utf8").replace(/\r$/, "");
  }

  private handleLine(line: string): void {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      this.refuse(undefined, PARSE_ERROR, new ServeError("invalid_json", `a message is not valid JSON: ${(cause as Error).message}`, { nextStep: "Send one JSON-RPC message per line." }), true);
      return;
    }
    if (!Array.isArray(value)) return this.handleMessage(value);
    if (value.length === 0) {
      this.refuse(value, INVALID_REQUEST, new ServeError("invalid_input", "an empty batch is no JSON-RPC request", { nextStep: "Send one JSON-RPC message per line." }), true);
    }
    for (const message of value) this.handleMessage(message);
  }

  private handleMessage(message: unknown): void {
    try {
      refuseUnrecordable(message, "message");
    } catch (err) {
      if (!(err instanceof ServeError)) throw err;
      return this.refuse(message, INVALID_PARAMS, err, answerable(message));
    }
    const parsed = JSONRPCMessageSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
      return this.refuse(message, INVALID_REQUEST, new ServeError("invalid_input", `the message is no JSON-RPC 2.0 request, notification or response${where}: ${issue?.message ?? "invalid"}`, {
        nextStep: "Send JSON-RPC 2.0 messages as the MCP specification writes them (jsonrpc, an integer or string id, method, params).",
      }), answerable(message));
    }
    this.onmessage?.(parsed.data);
  }

  private refuse(message: unknown, code: number, refused: ServeError, answer: boolean): void {
    this.options.onRefused(refused);
    if (!answer) return;
    void this.send(jsonRpcError(refused, requestId(message), code) as JSONRPCMessage).catch(() => undefined);
  }
}

/** Whether JSON-RPC answers a message refused: not a notification (a method, no id) nor a response (no method). */
function answerable(message: unknown): boolean {
  if (message === null || typeof message !== "object" || Array.isArray(message)) return true;
  if ("method" in message) return "id" in message;
  return !("result" in message || "error" in message);
}
