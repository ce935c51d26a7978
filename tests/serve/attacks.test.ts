/**
 * What an attacker tries against the server: files outside the dashboard by path traversal, streams
 * opened until the server falls over, a cross-site form posting an approval, a stolen viewer token
 * writing; and what a client relies on: an event stream that resumes without loss or repeats.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import { readSse, startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ roles: [], limits: { maxStreams: 5, maxStreamsPerToken: 3, heartbeatMs: 200 } });
});
afterAll(async () => {
  await t.dispose();
});

/** A raw request line, so the client does not normalise `..` away as fetch would. */
function raw(path: string): Promise<string> {
  const u = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(u.port), u.hostname, () => socket.end(`GET ${path} HTTP/1.1\r\nHost: ${u.host}\r\nConnection: close\r\n\r\n`));
    let text = "";
    socket.on("data", (d: Buffer) => (text += d.toString()));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

/** Waits (bounded) until the server has seen clients leave. */
async function streamsOpen(n: number): Promise<void> {
  for (let i = 0; i < 250 && t.server.context.streams.count() > n; i++) await new Promise((r) => setTimeout(r, 20));
  expect(t.server.context.streams.count()).toBe(n);
}

async function note(text: string): Promise<number> {
  return (await t.capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("note", "attack"), data: { text } }])).seq;
}

describe("stolen tokens", () => {
  it("gives each role exactly its permissions on every writing operation, whatever the body", async () => {
    const { API_ROLES, may } = await import("../../src/serve/index.ts");
    const operations = [
      { permission: "request", method: "POST", path: "/v1/requests", body: { capability: "Bad Name" } },
      { permission: "invoke", method: "POST", path: "/v1/capabilities/x_y/invoke", body: { input: 1 } },
      { permission: "approve", method: "POST", path: "/v1/approvals/x_y@1.0.0/approve", body: {} },
      { permission: "approve", method: "POST", path: "/v1/approvals/x_y@1.0.0/reject", body: { reason: "r" } },
      { permission: "rollback", method: "POST", path: "/v1/capabilities/x_y/rollback", body: {} },
    ] as const;
    const before = await t.capsmith.log.lastSeq();
    for (const role of API_ROLES) {
      for (const op of operations) {
        const res = await t.call(op.method, op.path, { role, body: op.body });
        expect(res.status === 403, `${role} ${op.path} → ${res.status}`).toBe(!may(role, op.permission));
      }
    }
    // Every call above was refused (403, or 400/404 for the allowed roles' bad or unknown targets): nothing was appended.
    expect(await t.capsmith.log.lastSeq()).toBe(before);
  });
});

describe("static files", () => {
  it("serves the dashboard with a strict CSP and nothing outside its table, however the path is spelled", async () => {
    const index = await fetch(`${t.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(index.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/vendor/../../package.json", "/vendor/..%2f..%2fpackage.json", "/app.js/../../../etc/passwd", "//etc/passwd", "/dashboard/index.html", "/src/serve/tokens.ts", "/%2fetc%2fpasswd"]) {
      const answer = await raw(path);
      expect(answer, path).toMatch(/^HTTP\/1\.1 (404|400)/);
      expect(answer).not.toContain('"name": "capsmith"');
      expect(answer).not.toContain("root:");
    }
  });
});

describe("the dashboard's code", () => {
  it("never turns a string into markup or code (the browser test checks a hostile description stays text)", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const dir = new URL("../../src/serve/dashboard/", import.meta.url);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".js"))) {
      const code = (await readFile(new URL(file, dir), "utf8")).replace(/^\s*\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    }
  });
});

describe("cross-site requests", () => {
  it("sets no cookie and grants no other origin: a form another site posts carries no token and is refused", async () => {
    const index = await fetch(`${t.url}/`);
    expect(index.headers.get("set-cookie")).toBeNull();
    const res = await fetch(`${t.url}/v1/approvals/x@1.0.0/approve`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "note=pwned",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${t.url}/v1/plugins`, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("event streams", () => {
  it("caps streams per token and in all with 429, and frees a slot when a client leaves", async () => {
    const open = async (role: "viewer" | "runner" | "operator"): Promise<Response> => fetch(`${t.url}/v1/events/stream`, { headers: { authorization: `Bearer ${t.tokens[role]}` } });
    const mine = [await open("viewer"), await open("viewer"), await open("viewer")];
    expect(mine.map((r) => r.status)).toEqual([200, 200, 200]);
    const fourth = await open("viewer");
    expect(fourth.status).toBe(429);
    expect(((await fourth.json()) as { error: { code: string } }).error.code).toBe("too_many_streams");
    const others = [await open("runner"), await open("runner"), await open("runner")];
    expect(others.map((r) => r.status)).toEqual([200, 200, 429]);
    await mine[0]!.body!.cancel();
    await streamsOpen(4);
    const again = await open("operator");
    expect(again.status).toBe(200);
    for (const r of [...mine.slice(1), ...others.slice(0, 2), again]) await r.body!.cancel();
    await streamsOpen(0);
  });

  it("resumes from Last-Event-ID: every record after it, none twice", async () => {
    const first = await note("one");
    await note("two");
    const res = await fetch(`${t.url}/v1/events/stream?from=${first}&filter=capsmith.evt.note.>`, { headers: { authorization: `Bearer ${t.tokens.viewer}` } });
    const seen = await readSse(res, (es) => es.length >= 2);
    expect(seen.map((e) => (e.data as { data: { text: string } }).data.text)).toEqual(["one", "two"]);
    const lastId = seen[1]!.id!;
    await note("three");
    await note("four");
    const resumed = await fetch(`${t.url}/v1/events/stream?filter=capsmith.evt.note.>`, { headers: { authorization: `Bearer ${t.tokens.viewer}`, "last-event-id": lastId } });
    const rest = readSse(resumed, (es) => es.length >= 3);
    await note("five");
    expect((await rest).map((e) => (e.data as { data: { text: string } }).data.text)).toEqual(["three", "four", "five"]);
  });

  it("pages the log by whole records and says where to go on", async () => {
    const page = await t.call("GET", "/v1/events?filter=capsmith.evt.note.>&limit=2", { role: "viewer" });
    expect((page.json["events"] as unknown[]).length).toBe(2);
    const next = await t.call("GET", `/v1/events?filter=capsmith.evt.note.>&from=${String(page.json["next"])}`, { role: "viewer" });
    expect((next.json["events"] as { data: { text: string } }[])[0]!.data.text).toBe("three");
    expect((await t.call("GET", "/v1/events?filter=not.a.subject", { role: "viewer" })).status).toBe(400);
  });
});
