/**
 * Attack round 3 on "no event can hold a lone surrogate" at serve's edge: a JSON body may carry a
 * `\ud800` escape, which JSON.parse turns into a lone surrogate. The request must be refused as the
 * caller's error (4xx with a code), not reach an append and fail there as the server's. Real HTTP
 * server over a signed test capsmith; fails on the main it was written against.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ roles: [] });
}, 60_000);
afterAll(() => t.dispose());

const LONE = String.fromCharCode(0xd800);
const spec = {
  description: `Sum of qty * price ${LONE}`,
  inputSchema: { type: "object", properties: { items: { type: "array" } }, required: ["items"] },
  outputSchema: { type: "number" },
  examples: [{ input: { items: [{ qty: 2, price: 3 }] }, output: 6 }],
};

describe("break: serve passes a lone surrogate from a request body on to the log", () => {
  it("a capability request whose spec holds a lone surrogate is the caller's error", async () => {
    const asked = await t.call("POST", "/v1/requests", { role: "runner", body: { capability: "total_cost", spec } });
    // Minor: accepted (202, pending) though no CapabilityRequested can hold it; the request then shows
    // `failed` with outcome invalid_event, the caller's bad text reported as the server's failure.
    const self = ((asked.json["links"] ?? {}) as { self?: string }).self;
    const later = self ? await t.call("GET", `${self}?wait=2`, { role: "runner" }) : undefined;
    const requested: string[] = [];
    for await (const e of t.capsmith.log.read("capsmith.evt.>")) if (e.type === "CapabilityRequested") requested.push(e.id);
    const seen = { status: asked.status, later: later && { status: later.status, state: later.json["status"], outcome: later.json["outcome"], reason: String(later.json["reason"]).slice(0, 160) }, requested: requested.length };
    expect(seen, JSON.stringify(seen)).toMatchObject({ status: 400, requested: 0 });
    expect(asked.json).toMatchObject({ error: { code: "invalid_input", message: expect.stringContaining("body.spec.description") } });
  });
});
