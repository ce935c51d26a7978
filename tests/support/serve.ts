/**
 * capsmith serve for tests: a real HTTP server on a free port of 127.0.0.1, over a test capsmith
 * (temporary data directory, the agents the test asks for), one token per role, and answers checked
 * against their documented schemas.
 */
import type { SigningKey } from "../../src/hub/index.ts";
import { API_ROLES, openTokenStore, startServer } from "../../src/serve/index.ts";
import type { ApiRole, RunningServer, ServeLimits } from "../../src/serve/index.ts";
import { openTestCapsmith } from "./capsmith.ts";
import type { TestCapsmith, TestOptions } from "./capsmith.ts";

export interface TestServer {
  capsmith: TestCapsmith;
  server: RunningServer;
  url: string;
  tokens: Record<ApiRole, string>;
  call(method: string, path: string, options?: { role?: ApiRole | null; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }>;
  dispose(): Promise<void>;
}

export async function startTestServer(options: TestOptions & { approveKey?: SigningKey; limits?: Partial<ServeLimits> } = {}): Promise<TestServer> {
  const { approveKey, limits, ...capsmithOptions } = options;
  const capsmith = await openTestCapsmith({ roles: ["gap", "synthesizer", "tester", "governor"], ...capsmithOptions });
  const store = openTokenStore(capsmith.dir);
  const tokens = {} as Record<ApiRole, string>;
  for (const role of API_ROLES) tokens[role] = (await store.create(role, `test ${role}`)).token;
  const server = await startServer({ capsmith, tokens: store, version: "0.1.0", checkResponses: true, ...(approveKey ? { approveKey } : {}), ...(limits ? { limits } : {}) });
  return {
    capsmith,
    server,
    url: server.url,
    tokens,
    async call(method, path, o = {}) {
      const token = o.token ?? (o.role === null ? undefined : tokens[o.role ?? "operator"]);
      const res = await fetch(server.url + path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(o.body !== undefined ? { "content-type": "application/json" } : {}), ...o.headers },
        ...(o.body !== undefined ? { body: typeof o.body === "string" ? o.body : JSON.stringify(o.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
    async dispose() {
      await server.close();
      await capsmith.dispose();
    },
  };
}

/** Reads server-sent events from a fetch response until `stop` says so; returns what it read. */
export async function readSse(res: Response, stop: (events: { event: string; id?: string; data: unknown }[]) => boolean, timeoutMs = 20_000): Promise<{ event: string; id?: string; data: unknown }[]> {
  const events: { event: string; id?: string; data: unknown }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  let buffer = "";
  try {
    while (!stop(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const e: { event: string; id?: string; data: unknown } = { event: "message", data: undefined };
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("data: ")) data += line.slice(6);
          else if (line.startsWith("event: ")) e.event = line.slice(7);
          else if (line.startsWith("id: ")) e.id = line.slice(4);
        }
        if (data) {
          e.data = JSON.parse(data);
          events.push(e);
        }
      }
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return events;
}
