/**
 * A rollback whose transaction fails answers an error (409, the CLI's error shape, naming the phase),
 * not a 200 whose body says ok: false; what was active stays active.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openTestCapsmith } from "../support/capsmith.ts";
import { startTestServer } from "../support/serve.ts";
import { pack } from "../hub/fixtures.ts";

const dir = await mkdtemp(join(tmpdir(), "capsmith-rollback-status-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

it("answers 409 with the failed phase when the rollback's transaction fails, and keeps the active version", async () => {
  const setup = await openTestCapsmith({ dir, roles: [] });
  for (const version of ["1.0.0", "1.1.0"]) {
    expect((await setup.runtime.hub.install(pack({ manifest: { version } }), { source: "test" })).ok).toBe(true);
  }
  await setup.close();

  // The same data directory, now with every install transaction failing its health check.
  const t = await startTestServer({ dir, roles: [], config: { fault: "fail:health-check" } });
  try {
    const failed = await t.call("POST", "/v1/capabilities/total_cost/rollback", { role: "operator", body: {} });
    expect(failed.status).toBe(409);
    expect(failed.json).toMatchObject({ ok: false, error: { code: "injected_failure", message: expect.stringContaining("health-check"), nextStep: expect.any(String) } });
    const shown = await t.call("GET", "/v1/plugins/total_cost", { role: "viewer" });
    expect(shown.json).toMatchObject({ ok: true, plugin: { id: "total_cost@1.1.0", status: "active" } });
  } finally {
    await t.dispose();
  }
});
