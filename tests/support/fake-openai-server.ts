/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: `POST /v1/chat/completions` answers
 * with the scripted replies in order and records every request. Once the script is used up it
 * answers 500 (`script_exhausted`), so a test that asks more often than it meant to fails loudly.
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedReply =
  /** A 200 chat completion whose first choice's message has this content. */
  | { readonly content: string; readonly finishReason?: string; readonly delayMs?: number }
  /** Any status and body (an object is sent as JSON, a string as is). */
  | { readonly status: number; readonly body: unknown; readonly headers?: Record<string, string>; readonly delayMs?: number };

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when it was not JSON). */
  readonly body: { model?: string; messages?: { role: string; content: string }[]; response_format?: unknown } | undefined;
}

export interface FakeOpenAi {
  /** e.g. http://127.0.0.1:40123/v1 — what OPENAI_BASE_URL is set to. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Appends replies to the script. */
  push(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** A chat answer carrying `{code, explanation}` as the structured output asks. */
export function codeReply(code: string, explanation = "scripted"): ScriptedReply {
  return { content: JSON.stringify({ code, explanation }) };
}

export function errorReply(status: number, message: string, type = "server_error"): ScriptedReply {
  return { status, body: { error: { message, type, param: null, code: null } } };
}

export async function startFakeOpenAi(script: readonly ScriptedReply[] = []): Promise<FakeOpenAi> {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  let served = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: RecordedRequest["body"];
      try {
        body = text ? (JSON.parse(text) as RecordedRequest["body"]) : undefined;
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const reply = req.method === "POST" && req.url === "/v1/chat/completions" ? queue.shift() : undefined;
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        const data = typeof payload === "string" ? payload : JSON.stringify(payload);
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(data);
      };
      const answer = (): void => {
        if (!reply) return send(500, { error: { message: `no scripted reply for ${req.method} ${req.url}`, type: "script_exhausted", param: null, code: null } }, { "x-should-retry": "false" });
        if ("status" in reply) return send(reply.status, reply.body, reply.headers);
        served++;
        send(200, {
          id: `chatcmpl-fake-${served}`,
          object: "chat.completion",
          created: 1_700_000_000 + served,
          model: body?.model ?? "fake",
          choices: [{ index: 0, message: { role: "assistant", content: reply.content, refusal: null }, finish_reason: reply.finishReason ?? "stop", logprobs: null }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        });
      };
      if (reply?.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...replies) => void queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
