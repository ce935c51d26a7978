/**
 * The host ↔ worker line channel over a real socket pair: JSON text in a raw field travels after
 * the line and comes back the same string; text a line cannot carry as it is (a newline, a lone
 * surrogate) travels escaped inside the JSON; a line split over many reads is put back together.
 */
import { createServer, connect } from "node:net";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { lineChannel } from "../../src/sandbox/line-channel.ts";
import type { Packing } from "../../src/sandbox/line-channel.ts";
import { RAW_FIELDS, WIRE_PACKING } from "../../src/sandbox/protocol.ts";

type Msg = Record<string, unknown>;

const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
});

/** Two ends of a real TCP connection on a free loopback port; what `b` receives is collected, and what reached the wire. */
async function pair(packing?: Packing): Promise<{ send: (m: Msg) => void; next: () => Promise<Msg>; wire: string[] }> {
  const server = createServer();
  const accepted = new Promise<Socket>((resolve) => server.once("connection", resolve));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const a = connect(port, "127.0.0.1");
  const b = await accepted;
  server.close();
  sockets.push(a, b);
  const wire: string[] = [];
  b.on("data", (chunk: string) => wire.push(chunk));
  const out = lineChannel<Msg, Msg>(a, RAW_FIELDS, packing);
  const inbox = lineChannel<Msg, Msg>(b, RAW_FIELDS, packing);
  const got: Msg[] = [];
  const waiters: ((m: Msg) => void)[] = [];
  inbox.onMessage((m) => {
    const w = waiters.shift();
    if (w) w(m);
    else got.push(m);
  });
  return {
    send: (m) => out.send(m),
    next: () => (got.length > 0 ? Promise.resolve(got.shift()!) : new Promise((resolve) => waiters.push(resolve))),
    wire,
  };
}

describe("line channel", () => {
  it("carries JSON text in a raw field after the line, unescaped, and back as the same string", async () => {
    const { send, next, wire } = await pair();
    const input = JSON.stringify({ s: 'quote " backslash \\ tab \t', n: [1, 2] });
    send({ t: "call", cid: 1, input, now: 5 });
    const m = await next();
    expect(m["input"]).toBe(input);
    expect(m["cid"]).toBe(1);
    expect(m["now"]).toBe(5);
    // On the wire the text follows the JSON as it is: not escaped a second time.
    expect(wire.join("")).toContain(`\t${input}\n`);
  });

  it("sends text with a newline or a lone surrogate inside the JSON, so it arrives unchanged", async () => {
    const { send, next, wire } = await pair();
    const withNewline = "line one\nline two";
    const loneSurrogate = "a\ud800b";
    send({ t: "result", cid: 2, outcome: withNewline, logs: [] });
    send({ t: "result", cid: 3, outcome: loneSurrogate, logs: ["x"] });
    expect((await next())["outcome"]).toBe(withNewline);
    expect((await next())["outcome"]).toBe(loneSurrogate);
    expect(wire.join("").split("\n").filter(Boolean)).toHaveLength(2);
  });

  it("puts a long raw line split over many reads back together, between short ones", async () => {
    const { send, next } = await pair();
    const big = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i, s: `"${i}"` })));
    send({ t: "op", cid: 4, opId: 1, op: "fetch", args: "{}" });
    send({ t: "op-result", cid: 4, opId: 1, outcome: "O" + big });
    send({ t: "cancel", cid: 4 });
    expect((await next())["args"]).toBe("{}");
    expect((await next())["outcome"]).toBe("O" + big);
    expect(await next()).toEqual({ t: "cancel", cid: 4 });
  });

  it("packs a call and its result (protocol.ts) and reads them back as the same messages", async () => {
    const { send, next, wire } = await pair(WIRE_PACKING);
    const input = JSON.stringify({ s: 'quote " tab \t', n: [1, 2.5] });
    const call = { t: "call", cid: 7, key: "3:total\tcost", input, now: 1_700_000_000_123, seed: "s\"1", timeoutMs: 250 };
    const usage = { wallMs: 0.0213, cpuMs: 0.011, heapUsedBytes: 123_456, heapPeakBytes: 234_567 };
    const result = { t: "result", cid: 7, outcome: 'O{"total":42.5}', usage, logs: ["a\tb", "c"] };
    const denials = [{ operation: "fetch", kind: "allowlist", target: "x.test", reason: "not allowed", count: 3 }];
    send(call);
    send(result);
    send({ ...result, cid: 8, denials });
    expect(await next()).toEqual(call);
    expect(await next()).toEqual(result);
    expect(await next()).toEqual({ ...result, cid: 8, denials });
    const lines = wire.join("").split("\n").filter(Boolean);
    expect(lines.map((l) => l[0])).toEqual(["C", "R", "R"]);
    // The raw text follows the packed values as it is.
    expect(lines[0]).toContain(`\t${input}`);
  });

  it("sends a call or result whose text cannot travel raw as JSON, and other messages as before", async () => {
    const { send, next, wire } = await pair(WIRE_PACKING);
    const usage = { wallMs: 1, cpuMs: 1, heapUsedBytes: 1, heapPeakBytes: 1 };
    const result = { t: "result", cid: 1, outcome: "E\n\ud800", usage, logs: [] };
    const call = { t: "call", cid: 2, key: "k", input: '"a\nb"', now: 0, seed: "0", timeoutMs: 5 };
    send(result);
    send(call);
    send({ t: "op", cid: 2, opId: 1, op: "fetch", args: "{}" });
    expect(await next()).toEqual(result);
    expect(await next()).toEqual(call);
    expect((await next())["args"]).toBe("{}");
    expect(wire.join("").split("\n").filter(Boolean).map((l) => l[0])).toEqual(["{", "{", "{"]);
  });
});
