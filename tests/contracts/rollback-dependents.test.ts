/**
 * Every surface that rolls back checks dependents, as `capsmith plugin rollback` does: the REPL's
 * /rollback and the HTTP API's rollback refuse a version outside a dependent's declared range
 * (`dependents_broken`, naming it; nothing changes) and, forced, activate it with the dependent at T0.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { rollback } from "../../src/repl/commands/rollback.ts";
import { openHarness } from "../repl/harness.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { startTestServer } from "../support/serve.ts";
import { packageOf, wordCount } from "./packages.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** wc_text declares word_count ^2.0.0: rolling word_count back to 1.0.0 would break it. */
const wcText = packageOf({
  capability: "wc_text",
  code: 'export default async (i, host) => "words: " + (await host.invoke("word_count", { text: i.text }));\n',
  inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
  outputSchema: { type: "string" },
  examples: [{ input: { text: "a b" }, output: "words: 2" }],
  dependencies: { word_count: "^2.0.0" },
});

async function seed(hub: TestCapsmith["runtime"]["hub"]): Promise<void> {
  for (const pkg of [wordCount("1.0.0"), wordCount("2.0.0"), wcText]) expect((await hub.install(pkg, { source: "test" })).ok).toBe(true);
}

it("the REPL's /rollback refuses dependents_broken, and --force demotes the dependent", async () => {
  const h = await openHarness({ roles: [] });
  try {
    await seed(h.runtime.hub);
    // A coded error: the session shows it as an error result with its code and next step.
    await expect(rollback.run(h.ctx(), "word_count")).rejects.toMatchObject({ code: "dependents_broken", message: expect.stringContaining("wc_text@1.0.0"), nextStep: expect.any(String) });
    expect((await h.runtime.hub.state()).capabilities["word_count"]!.active).toBe("word_count@2.0.0");
    const forced = await rollback.run(h.ctx(), "word_count --force");
    expect(forced).toMatchObject({ type: "message", text: expect.stringContaining("wc_text@1.0.0 now at T0") });
    const state = await h.runtime.hub.state();
    expect(state.capabilities["word_count"]!.active).toBe("word_count@1.0.0");
    expect(state.plugins["wc_text@1.0.0"]!.tier).toBe("T0");
  } finally {
    await h.close();
  }
}, 60_000);

it("the API's rollback answers 409 dependents_broken, and force demotes the dependent", async () => {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-rollback-dependents-"));
  dirs.push(dir);
  const setup = await openTestCapsmith({ dir, roles: [] });
  await seed(setup.runtime.hub);
  await setup.close();
  const t = await startTestServer({ dir, roles: [] });
  try {
    const refused = await t.call("POST", "/v1/capabilities/word_count/rollback", { role: "operator", body: {} });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ ok: false, error: { code: "dependents_broken", message: expect.stringContaining("wc_text@1.0.0"), nextStep: expect.any(String) } });
    expect((await t.call("GET", "/v1/plugins/word_count", { role: "viewer" })).json).toMatchObject({ plugin: { id: "word_count@2.0.0" } });
    const forced = await t.call("POST", "/v1/capabilities/word_count/rollback", { role: "operator", body: { force: true } });
    expect(forced.status).toBe(200);
    expect(forced.json).toMatchObject({ ok: true, pluginId: "word_count@1.0.0", demoted: ["wc_text@1.0.0"] });
  } finally {
    await t.dispose();
  }
}, 60_000);
