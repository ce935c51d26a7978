/**
 * Capability requests kept by the server while the agents work: each is held in memory until it is
 * settled (up to a day when no agent answers, e.g. `serve --no-agents` with no daemon up), and the
 * server kept every one, so one token posting in a loop grew the process without bound. Unsettled
 * requests are now capped in all and per token (429 `too_many_requests` beyond), like streams.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServeLimits } from "../../src/serve/index.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  // No agents: nothing ever settles a request, as with serve --no-agents and no daemon running.
  t = await startTestServer({ roles: [], limits: { maxPendingRequests: 5, maxPendingRequestsPerToken: 3 } as Partial<ServeLimits> });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

const ask = (role: "runner" | "operator" | "governor", i: number) =>
  t.call("POST", "/v1/requests", { role, body: { capability: `flood_${role}_${i}`, description: "x", examples: [{ input: i, output: i }] } });

describe("unsettled capability requests", () => {
  it("caps them per token and in all with 429, leaving other tokens their share", async () => {
    const runner = [];
    for (let i = 0; i < 4; i++) runner.push(await ask("runner", i));
    expect(runner.map((r) => r.status)).toEqual([202, 202, 202, 429]);
    expect((runner[3]!.json["error"] as { code: string }).code).toBe("too_many_requests");
    const operator = [await ask("operator", 0), await ask("operator", 1)];
    expect(operator.map((r) => r.status)).toEqual([202, 202]);
    const governor = await ask("governor", 0);
    expect(governor.status).toBe(429);
  });
});
