/**
 * The HTTP API against a real server and real agents: the loop (request → ready → invoke → SLO),
 * tokens and roles (401 without, 403 for the wrong role), validation at the edge (400 with issue
 * paths), body limits (413), errors in the CLI's shape, and answers that match the OpenAPI schemas.
 */
import { stat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request as httpRequest } from "node:http";
import { openTokenStore } from "../../src/serve/index.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";
import { loadTask } from "../support/tasks.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.dispose();
});

const totalCost = {
  capability: "total_cost",
  description: "sum of qty times price over the items",
  examples: [
    { input: { items: [{ qty: 2, price: 3 }] }, output: 6 },
    { input: { items: [{ qty: 1, price: 5 }, { qty: 3, price: 1 }] }, output: 8 },
    { input: { items: [] }, output: 0 },
    // Two items again: without it, the one two-item example is all that says "every item" (round 9).
    { input: { items: [{ qty: 4, price: 2 }, { qty: 1, price: 7 }] }, output: 15 },
  ],
};

describe("the loop over HTTP", () => {
  it("requests a capability from examples, waits for it, invokes it and reads its SLO", async () => {
    const asked = await t.call("POST", "/v1/requests?wait=30", { role: "runner", body: totalCost });
    expect(asked.status).toBe(200);
    expect(asked.json).toMatchObject({ status: "ready", pluginId: "total_cost@1.0.0", synthesized: true, links: { invoke: "/v1/capabilities/total_cost/invoke" } });

    const invoked = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: { input: { items: [{ qty: 4, price: 2 }, { qty: 1, price: 2 }] } } });
    expect(invoked.status).toBe(200);
    expect(invoked.json).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0", output: 10 });

    const slo = await t.call("GET", "/v1/slo?window=1h&plugin=total_cost@1.0.0", { role: "viewer" });
    expect(slo.status).toBe(200);
    const row = (slo.json["plugins"] as { id: string; current: { calls: number } }[])[0]!;
    expect(row).toMatchObject({ id: "total_cost@1.0.0", current: { calls: 1 } });

    const trend = await t.call("GET", "/v1/slo/trend?window=24h&id=total_cost@1.0.0", { role: "viewer" });
    expect((trend.json["current"] as { calls: number }[]).reduce((n, p) => n + p.calls, 0)).toBe(1);

    // A second request for the same capability is answered by the plugin that exists.
    const again = await t.call("POST", "/v1/requests?wait=30", { role: "runner", body: { capability: "total_cost" } });
    expect(again.json).toMatchObject({ status: "ready", pluginId: "total_cost@1.0.0", synthesized: false, outcome: "resolved" });
  });

  it("takes examples that carry the outputs offered when they were asked for, and checks that field", async () => {
    // Each answer matched what was offered: no surprise, so the program is published as before.
    // (A name unlike total_cost: the bare-name test below expects total_cost alone near cost_total.)
    const offered = { ...totalCost, capability: "priced_lines", examples: totalCost.examples.map((e) => ({ ...e, offered: [e.output, 0] })) };
    const asked = await t.call("POST", "/v1/requests?wait=30", { role: "runner", body: offered });
    expect(asked.json).toMatchObject({ status: "ready", pluginId: "priced_lines@1.0.0" });
    const bad = await t.call("POST", "/v1/requests", { role: "runner", body: { ...offered, examples: [{ ...totalCost.examples[0], offered: 6 }] } });
    expect(bad.status).toBe(400);
    expect((bad.json["error"] as { details: { issues: { path: string }[] } }).details.issues.map((i) => i.path)).toContain("examples.0.offered");
  });

  it("answers 202 with a Location to poll, and the long-poll returns once the request settles", async () => {
    const asked = await t.call("POST", "/v1/requests", { role: "runner", body: { capability: "max_price", spec: loadTask("max_price") } });
    expect(asked.status).toBe(202);
    expect(asked.json["status"]).toBe("pending");
    const location = asked.headers.get("location")!;
    expect(location).toBe(`/v1/requests/${String(asked.json["requestId"])}`);
    const polled = await t.call("GET", `${location}?wait=30`, { role: "viewer" });
    expect(polled.json).toMatchObject({ status: "ready", pluginId: "max_price@1.0.0", phase: "done" });
  });

  it("follows a request as server-sent events, phase by phase, ending with the settled status", async () => {
    const asked = await t.call("POST", "/v1/requests", { role: "runner", body: { capability: "count_items", spec: loadTask("count_items") } });
    const res = await fetch(`${t.url}/v1/requests/${String(asked.json["requestId"])}/events`, { headers: { authorization: `Bearer ${t.tokens.viewer}` } });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const { readSse } = await import("../support/serve.ts");
    const events = await readSse(res, (es) => es.some((e) => (e.data as { phase: string }).phase === "done"));
    const last = events.at(-1)!.data as { status: string; pluginId: string };
    expect(last).toMatchObject({ status: "ready", pluginId: "count_items@1.0.0" });
    expect(events.every((e) => e.event === "status")).toBe(true);
  });

  it("says a failure plainly: a bare name nobody can write fails with the agents' reason", async () => {
    const asked = await t.call("POST", "/v1/requests?wait=30", { role: "runner", body: { capability: "nothing_like_it" } });
    expect(asked.status).toBe(200);
    expect(asked.json).toMatchObject({ status: "failed", outcome: "synthesis_failed" });
    expect(String(asked.json["reason"])).toMatch(/no spec/);
  });

  it("answers ambiguous for a bare name that could mean an existing capability, asking nothing of the agents", async () => {
    const before = await t.capsmith.log.lastSeq();
    const asked = await t.call("POST", "/v1/requests?wait=5", { role: "runner", body: { capability: "cost_total" } });
    expect(asked.status).toBe(200);
    expect(asked.json).toMatchObject({ status: "ambiguous", candidates: [{ capability: "total_cost", pluginId: "total_cost@1.0.0" }] });
    expect(await t.capsmith.log.lastSeq()).toBe(before);
  });
});

describe("errors at the edge", () => {
  it("refuses bad input with 400 and each issue's path, in the CLI's error shape", async () => {
    const bad = await t.call("POST", "/v1/requests", { role: "runner", body: { capability: "Not A Name", examples: [] } });
    expect(bad.status).toBe(400);
    const error = bad.json["error"] as { code: string; message: string; nextStep: string; details: { issues: { path: string }[] } };
    expect(bad.json["ok"]).toBe(false);
    expect(error.code).toBe("invalid_input");
    expect(error.nextStep).toBeTruthy();
    expect(error.details.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["capability", "examples"]));

    const badSpec = await t.call("POST", "/v1/requests", { role: "runner", body: { capability: "x_y", spec: { description: "no schemas" } } });
    expect(badSpec.status).toBe(400);
    expect((badSpec.json["error"] as { code: string }).code).toBe("invalid_spec");

    const notJson = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: "{not json", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect((notJson.json["error"] as { code: string }).code).toBe("invalid_json");

    const noInput = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: {} });
    expect(noInput.status).toBe(400);

    const wrongType = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: "{}", headers: { "content-type": "text/plain" } });
    expect(wrongType.status).toBe(415);
  });

  it("refuses input the plugin's schema does not accept with 400 input_invalid, before the plugin runs", async () => {
    const calls = async (): Promise<number> => (await t.capsmith.readModel.state("hub")).plugins["total_cost@1.0.0"]!.usage.calls;
    const before = await calls();
    const bad = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: { input: { x: 1 } } });
    expect(bad.status).toBe(400);
    const error = bad.json["error"] as { code: string; nextStep?: string; details: { issues: { pointer: string }[] } };
    expect(error.code).toBe("input_invalid");
    expect(error.details.issues.length).toBeGreaterThan(0);
    const wrongType = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: { input: { items: "three" } } });
    expect(wrongType.status).toBe(400);
    expect((wrongType.json["error"] as { details: { issues: { pointer: string }[] } }).details.issues[0]!.pointer).toBe("/items");
    expect(await calls()).toBe(before);
  });

  it("says 404 for a capability no plugin provides, naming near ones", async () => {
    const missing = await t.call("POST", "/v1/capabilities/total_costs/invoke", { role: "runner", body: { input: {} } });
    expect(missing.status).toBe(404);
    expect(missing.json["error"]).toMatchObject({ code: "capability_not_found" });
    expect(await t.call("GET", "/v1/nope").then((r) => r.status)).toBe(404);
    const wrongMethod = await t.call("DELETE", "/v1/plugins");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("refuses a body over the limit with 413, declared or not", async () => {
    const big = JSON.stringify({ input: "x".repeat(1_100_000) });
    const declared = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "runner", body: big });
    expect(declared.status).toBe(413);
    // Chunked, with no Content-Length to refuse it by: counted while read.
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(`${t.url}/v1/capabilities/total_cost/invoke`);
      const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { authorization: `Bearer ${t.tokens.runner}`, "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", (err) => ((err as NodeJS.ErrnoException).code === "ECONNRESET" || (err as NodeJS.ErrnoException).code === "EPIPE" ? undefined : reject(err)));
      for (let i = 0; i < 40; i++) req.write("x".repeat(64_000));
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe("tokens and roles", () => {
  it("answers 401 without a token or with one it does not hold, and 403 for a role that may not", async () => {
    const none = await t.call("GET", "/v1/plugins", { role: null });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await t.call("GET", "/v1/plugins", { token: "csm_" + "A".repeat(43) })).status).toBe(401);
    expect((await t.call("GET", "/v1/plugins", { token: t.tokens.viewer.slice(0, -1) + (t.tokens.viewer.endsWith("A") ? "B" : "A") })).status).toBe(401);
    expect((await t.call("GET", "/v1/plugins", { role: null, headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` } })).status).toBe(401);

    const viewerInvokes = await t.call("POST", "/v1/capabilities/total_cost/invoke", { role: "viewer", body: { input: { items: [] } } });
    expect(viewerInvokes.status).toBe(403);
    expect(viewerInvokes.json["error"]).toMatchObject({ code: "forbidden" });
    expect((await t.call("POST", "/v1/capabilities/total_cost/rollback", { role: "runner", body: {} })).status).toBe(403);
    expect((await t.call("POST", "/v1/approvals/total_cost@1.0.0/approve", { role: "runner", body: {} })).status).toBe(403);
    expect((await t.call("POST", "/v1/approvals/total_cost@1.0.0/approve", { role: "governor", body: {} })).status).toBe(403);
    expect((await t.call("POST", "/v1/approvals/total_cost@1.0.0/reject", { role: "tester", body: { reason: "no" } })).status).toBe(403);
    expect((await t.call("POST", "/v1/requests", { role: "viewer", body: { capability: "total_cost" } })).status).toBe(403);
    // Nothing a refused call asked for reached the log.
    const me = await t.call("GET", "/v1/me", { role: "runner" });
    expect(me.json).toMatchObject({ role: "runner", permissions: ["read", "request", "invoke"] });
  });

  it("keeps only hashes in a 0600 token file, and a revoked token stops working", async () => {
    const store = openTokenStore(t.capsmith.dir);
    const file = join(t.capsmith.dir, "serve", "tokens.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, "utf8");
    for (const token of Object.values(t.tokens)) expect(text).not.toContain(token);
    const made = await store.create("viewer", "to revoke");
    expect((await t.call("GET", "/v1/me", { token: made.token })).status).toBe(200);
    await store.revoke(made.id);
    // The server re-reads the file at most once a second.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await t.call("GET", "/v1/me", { token: made.token })).status).toBe(401);
  });
});

describe("reading the hub", () => {
  it("lists and shows plugins with their versions and install history, and the audit trail", async () => {
    const list = await t.call("GET", "/v1/plugins", { role: "viewer" });
    expect((list.json["plugins"] as { id: string; active: boolean }[]).find((p) => p.id === "total_cost@1.0.0")).toMatchObject({ active: true });
    const shown = await t.call("GET", "/v1/plugins/total_cost", { role: "viewer" });
    expect(shown.json["plugin"]).toMatchObject({ id: "total_cost@1.0.0", status: "active" });
    const history = shown.json["history"] as { outcome: string; phases: unknown[] }[];
    expect(history[0]).toMatchObject({ outcome: "committed" });
    expect(history[0]!.phases).toHaveLength(5);
    const audit = await t.call("GET", "/v1/audit?plugin=total_cost", { role: "viewer" });
    expect((audit.json["entries"] as { what: string }[]).some((e) => e.what.includes("installed at tier"))).toBe(true);
    const report = await t.call("GET", "/v1/slo/report?format=md", { role: "viewer" });
    expect(String(report.json["markdown"])).toContain("capsmith SLO report");
  });

  it("rolls back for an operator, and the audit trail says so", async () => {
    const none = await t.call("POST", "/v1/capabilities/total_cost/rollback", { role: "operator", body: {} });
    expect(none.status).toBe(409);
    expect(none.json["error"]).toMatchObject({ code: "nothing_to_roll_back" });
    expect((await t.call("POST", "/v1/capabilities/unknown_cap/rollback", { role: "operator", body: {} })).status).toBe(404);
  });

  it("publishes an OpenAPI 3.1 document with every operation, its roles and schemas", async () => {
    const res = await fetch(`${t.url}/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string; "x-capsmith-roles": string[]; responses: Record<string, unknown>; requestBody?: unknown }>> };
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(ops.map((o) => o.operationId)).toEqual(expect.arrayContaining(["requestCapability", "getRequest", "invoke", "listPlugins", "showPlugin", "approve", "reject", "rollback", "auditTrail", "sloView", "sloTrend", "sloReport", "listEvents", "streamEvents"]));
    expect(doc.paths["/v1/approvals/{id}/approve"]!["post"]!["x-capsmith-roles"]).toEqual(["operator"]);
    expect(doc.paths["/v1/capabilities/{capability}/invoke"]!["post"]!["x-capsmith-roles"]).toEqual(["operator", "runner"]);
    expect(doc.paths["/v1/capabilities/{capability}/invoke"]!["post"]!.responses["400"]).toBeDefined();
    expect(JSON.stringify(doc.paths["/v1/requests"]!["post"]!.requestBody)).toContain("examples");
  });
});
