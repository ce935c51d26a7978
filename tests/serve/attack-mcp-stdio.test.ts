/**
 * Attack on `capsmith mcp` over stdio (docs/serve.md): a JSON-RPC message whose content no event
 * could record (a lone surrogate, nesting too deep) gets the JSON-RPC error -32602 for its id, a
 * notification holding one is dropped and logged, and the server keeps serving. Raw lines are
 * written to the real binary's stdin (the SDK's client would never send most of them); after each
 * attack a ping shows the session still answers. The breaks this file found first (marked "Was
 * open") are fixed by capsmith's own line transport (src/serve/mcp/stdio-transport.ts).
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CAPSMITH_BIN } from "../support/run-cli.ts";

interface Answer {
  id?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: { code?: string; details?: { path?: string } } };
}

/** A `capsmith mcp` child, its stdout read as JSON lines and its stderr kept whole. */
interface McpChild {
  send(bytes: string | Buffer): void;
  /** Resolves with the answer to `id`, or "exited" when the process ends first. */
  answer(id: unknown): Promise<Answer | "exited">;
  /** Every message seen so far (batch answers flattened). */
  seen: Answer[];
  stderr(): string;
  /** Pings with `id` and resolves when answered: every message written before it has been handled. */
  settle(id: number): Promise<Answer | "exited">;
  stop(): Promise<void>;
}

async function startMcp(): Promise<McpChild> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-mcp-attack-"));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [CAPSMITH_BIN, "--data", dir, "mcp"], {
    env: { PATH: process.env["PATH"] ?? "", CAPSMITH_LOG_LEVEL: "warn", CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const seen: Answer[] = [];
  const waiting: { id: unknown; resolve: (a: Answer | "exited") => void }[] = [];
  let exited = false;
  let out = "";
  let err = "";
  const deliver = (m: Answer): void => {
    seen.push(m);
    for (const w of waiting.filter((x) => Object.is(x.id, m.id))) w.resolve(m);
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    let nl: number;
    while ((nl = out.indexOf("\n")) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const parsed = JSON.parse(line) as Answer | Answer[];
      for (const m of Array.isArray(parsed) ? parsed : [parsed]) deliver(m);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  child.stdin.on("error", () => undefined);
  const gone = new Promise<void>((resolve) => child.once("exit", () => {
    exited = true;
    for (const w of waiting) w.resolve("exited");
    resolve();
  }));
  const answer = (id: unknown): Promise<Answer | "exited"> => {
    const had = seen.find((m) => Object.is(m.id, id));
    if (had) return Promise.resolve(had);
    if (exited) return Promise.resolve("exited");
    return new Promise((resolve) => waiting.push({ id, resolve }));
  };
  const send = (bytes: string | Buffer): void => {
    if (!exited) child.stdin.write(bytes);
  };
  const line = (m: unknown): string => `${JSON.stringify(m)}\n`;
  send(line({ jsonrpc: "2.0", id: "init", method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "attack", version: "1.0.0" } } }));
  const init = await answer("init");
  expect(init).toMatchObject({ result: { serverInfo: { name: "capsmith" } } });
  send(line({ jsonrpc: "2.0", method: "notifications/initialized" }));
  return {
    send, answer, seen, stderr: () => err,
    settle: (id) => {
      send(line({ jsonrpc: "2.0", id, method: "ping" }));
      return answer(id);
    },
    async stop() {
      child.stdin.end();
      if (!exited) child.kill("SIGTERM");
      await gone;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Warnings the server logged on stderr (pino JSON lines). */
function warnings(stderr: string): { code?: string; path?: string; msg?: string }[] {
  return stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { code?: string; path?: string; msg?: string });
}

const refusedFor = (id: unknown) => ({ id, error: { code: -32602, data: { code: "invalid_input" } } });

describe("capsmith mcp over stdio: messages no event could record", () => {
  let mcp: McpChild;
  let ping = 1000;
  beforeAll(async () => {
    mcp = await startMcp();
  }, 60_000);
  afterAll(async () => {
    await mcp.stop();
  });

  it("refuses a lone surrogate in a value and in a key of params, escaped as \\ud800 and \\udc00, for the request's id", async () => {
    mcp.send('{"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":"\\ud800"}}\n');
    mcp.send('{"jsonrpc":"2.0","id":3,"method":"ping","params":{"\\udc00":1}}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(await mcp.answer(2)).toMatchObject({ ...refusedFor(2), error: { data: { details: { path: "message.params.x" } } } });
    expect(await mcp.answer(3)).toMatchObject({ ...refusedFor(3), error: { data: { details: { path: "message.params (a key)" } } } });
  });

  it("refuses one in params._meta (progressToken value, and a key), in the method, and in a tool call's arguments", async () => {
    mcp.send('{"jsonrpc":"2.0","id":4,"method":"ping","params":{"_meta":{"progressToken":"\\ud800"}}}\n');
    mcp.send('{"jsonrpc":"2.0","id":5,"method":"ping","params":{"_meta":{"\\ud800":1}}}\n');
    mcp.send('{"jsonrpc":"2.0","id":6,"method":"\\ud800"}\n');
    mcp.send('{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"request_capability","arguments":{"capability":"a_b","description":"\\ud800","examples":[]}}}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    for (const id of [4, 5, 6, 7]) expect(await mcp.answer(id)).toMatchObject(refusedFor(id));
  });

  it("answers a request whose own id is a lone surrogate with the refusal for that id, escaped", async () => {
    mcp.send('{"jsonrpc":"2.0","id":"\\ud800","method":"ping"}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(await mcp.answer(String.fromCharCode(0xd800))).toMatchObject({ error: { code: -32602, data: { details: { path: "message.id" } } } });
  });

  it("refuses params nested 200,000 deep, and _meta nested 100 deep, and goes on", async () => {
    mcp.send(`{"jsonrpc":"2.0","id":8,"method":"ping","params":{"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}}\n`);
    mcp.send(`{"jsonrpc":"2.0","id":9,"method":"ping","params":{"_meta":{"x":${"[".repeat(100)}${"]".repeat(100)}}}}\n`);
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(await mcp.answer(8)).toMatchObject({ ...refusedFor(8), error: { message: expect.stringContaining("nests deeper") } });
    expect(await mcp.answer(9)).toMatchObject(refusedFor(9));
  });

  it("drops a notification holding a lone surrogate, logs it, and answers nothing for it", async () => {
    mcp.send('{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"\\udfff"}}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    // The log goes to stderr, which may reach us after the ping's answer on stdout.
    await vi.waitFor(() => expect(warnings(mcp.stderr())).toContainEqual(expect.objectContaining({ code: "invalid_input", path: "message.params.reason" })));
    expect(mcp.seen.filter((m) => m.error !== undefined && (m.id === undefined || m.id === null))).toEqual([]);
  });

  it("takes invalid UTF-8 bytes (a raw encoded surrogate ED A0 80, a stray FF) as U+FFFD: recordable, so answered", async () => {
    mcp.send(Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":10,"method":"ping","params":{"x":"'), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from('"}}\n')]));
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(await mcp.answer(10)).toMatchObject({ result: {} });
  });

  it("joins a message split across chunks: an escape pair cut in two is answered, a lone escape cut in two refused", async () => {
    const gap = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    for (const part of ['{"jsonrpc":"2.0","id":11,"method":"ping","params":{"x":"\\ud83d', '\\ude00"}}\n']) {
      mcp.send(part);
      await gap();
    }
    for (const part of [Buffer.from('{"jsonrpc":"2.0","id":12,"method":"ping","params":{"x":"'), Buffer.from([0xf0, 0x9f]), Buffer.from([0x98, 0x80]), Buffer.from('"}}\n')]) {
      mcp.send(part);
      await gap();
    }
    for (const part of ['{"jsonrpc":"2.0","id":13,"method":"ping","params":{"x":"\\ud8', '00"}}\n']) {
      mcp.send(part);
      await gap();
    }
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(await mcp.answer(11)).toMatchObject({ result: {} });
    expect(await mcp.answer(12)).toMatchObject({ result: {} });
    expect(await mcp.answer(13)).toMatchObject(refusedFor(13));
  });

  it("refuses each of two messages in one chunk on its own, a CRLF line too", async () => {
    mcp.send('{"jsonrpc":"2.0","id":14,"method":"ping","params":{"x":"\\ud800"}}\r\n{"jsonrpc":"2.0","id":15,"method":"ping"}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(await mcp.answer(14)).toMatchObject(refusedFor(14));
    expect(await mcp.answer(15)).toMatchObject({ result: {} });
  });

  // Was open (the SDK's transport ran its strict schema first): no answer, no log line.
  it("refuses a lone surrogate in an extra top-level key for its id, and answers an unknown key -32600 for its id", async () => {
    mcp.send('{"jsonrpc":"2.0","id":16,"method":"ping","\\ud800":1}\n');
    mcp.send('{"jsonrpc":"2.0","id":19,"method":"ping","extra":1}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(mcp.seen.find((m) => m.id === 16)).toMatchObject(refusedFor(16));
    expect(mcp.seen.find((m) => m.id === 19)).toMatchObject({ id: 19, error: { code: -32600, data: { code: "invalid_input" } } });
  });

  // Was open: a batch failed the SDK's schema whole, no element answered.
  it("takes a batch as its messages one by one: the bad element refused for its id, the good one answered", async () => {
    mcp.send('[{"jsonrpc":"2.0","id":17,"method":"ping","params":{"x":"\\ud800"}},{"jsonrpc":"2.0","id":18,"method":"ping"}]\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    expect(mcp.seen.find((m) => m.id === 17)).toMatchObject(refusedFor(17));
    expect(mcp.seen.find((m) => m.id === 18)).toMatchObject({ result: {} });
  });

  // Was open: dropped with no log line.
  it("logs a message whose id is too deep, answering it with a null id, and refuses one whose id is 1.5 for that id", async () => {
    const before = warnings(mcp.stderr()).length;
    const nulls = mcp.seen.filter((m) => m.id === null).length;
    mcp.send(`{"jsonrpc":"2.0","id":${"[".repeat(100_000)}${"]".repeat(100_000)},"method":"ping"}\n`);
    mcp.send('{"jsonrpc":"2.0","id":1.5,"method":"ping","params":{"x":"\\ud800"}}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    await vi.waitFor(() => expect(warnings(mcp.stderr()).length).toBeGreaterThanOrEqual(before + 2));
    expect(mcp.seen.filter((m) => m.id === null).length).toBe(nulls + 1);
    expect(mcp.seen.find((m) => m.id === 1.5)).toMatchObject(refusedFor(1.5));
  });

  it("answers a line that is not JSON with a parse error (-32700, null id), and no response a client sent, however bad", async () => {
    const nulls = mcp.seen.filter((m) => m.id === null).length;
    mcp.send('{"jsonrpc":"2.0","id":20,"method":\n');
    mcp.send('{"jsonrpc":"2.0","id":21,"result":{"x":"\\ud800"}}\n');
    mcp.send('{"jsonrpc":"2.0","id":22,"error":{"code":1,"message":"\\udfff"}}\n');
    expect(await mcp.settle(ping++)).toMatchObject({ result: {} });
    const answers = mcp.seen.filter((m) => m.id === null);
    expect(answers.length).toBe(nulls + 1);
    expect(answers.at(-1)).toMatchObject({ error: { code: -32700, data: { code: "invalid_json" } } });
    expect(mcp.seen.some((m) => m.id === 21 || m.id === 22)).toBe(false);
  });
});

describe("capsmith mcp over stdio: one line past the transport's buffer", () => {
  let mcp: McpChild;
  beforeAll(async () => {
    mcp = await startMcp();
  }, 60_000);
  afterAll(async () => {
    await mcp.stop();
  });

  // Was open: the SDK's ReadBuffer (10 MiB) threw on a longer line and `capsmith mcp` exited.
  it("refuses a line past the message limit (1 MiB, as the HTTP body) without reading it whole, and goes on", async () => {
    mcp.send(`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":"${"a".repeat(11 * 1024 * 1024)}"}}\n`);
    expect(await mcp.settle(2)).toMatchObject({ result: {} });
    expect(mcp.seen.find((m) => m.id === null)).toMatchObject({ error: { data: { code: "payload_too_large" } } });
    expect(mcp.seen.some((m) => m.id === 1)).toBe(false);
    mcp.send(`{"jsonrpc":"2.0","id":3,"method":"ping","params":{"x":"${"a".repeat(900 * 1024)}"}}\n`);
    expect(await mcp.answer(3)).toMatchObject({ result: {} });
  }, 60_000);
});
