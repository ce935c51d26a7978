/**
 * Versions and lifecycle: a version that breaks a dependent's range is refused (`dependents_broken`,
 * naming it) unless forced, and forcing sends the dependents to T0; a second rollback walks further
 * back (never forward); uninstalling the active version activates the newest remaining good one;
 * `suggest` records the spec and stops, `dry-run` drafts and tests and stops, and `plugin promote`
 * installs a dry-run draft through governance.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestCapability } from "../../src/agents/index.ts";
import { promoteDraft } from "../../src/agents/promote-draft.ts";
import { ALL_EVENTS } from "../../src/events/index.ts";
import { checkDependents, guardDependents, parsePolicy } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";
import { loadTask } from "../support/tasks.ts";
import { wcDouble, wordCount } from "./packages.ts";

async function typesOf(capsmith: TestCapsmith): Promise<string[]> {
  const out: string[] = [];
  for await (const e of capsmith.log.read(ALL_EVENTS)) out.push(e.type);
  return out;
}

describe("dependents", () => {
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
    for (const pkg of [wordCount("1.0.0"), wcDouble()]) expect((await capsmith.runtime.hub.install(pkg, { source: "test" })).ok).toBe(true);
  });
  afterAll(() => capsmith.dispose());

  it("refuses word_count 2.0.0 with dependents_broken naming wc_double; 1.5.0 breaks nothing", async () => {
    const hub = capsmith.runtime.hub;
    expect(checkDependents(await hub.state(), { capability: "word_count", version: "1.5.0" })).toBeUndefined();
    const refused = guardDependents(hub, { capability: "word_count", version: "2.0.0" }, false, () => hub.install(wordCount("2.0.0"), { source: "test" }));
    await expect(refused).rejects.toMatchObject({ code: "dependents_broken", message: expect.stringContaining("wc_double@1.0.0 (needs word_count ^1.0.0)") });
    expect((await hub.state()).plugins["word_count@2.0.0"]).toBeUndefined();
  });

  it("installs it when an operator forces it, and the dependents go to T0", async () => {
    const hub = capsmith.runtime.hub;
    const outcome = await guardDependents(hub, { capability: "word_count", version: "2.0.0" }, true, () => hub.install(wordCount("2.0.0"), { source: "test" }));
    expect(outcome).toMatchObject({ ok: true, pluginId: "word_count@2.0.0", demoted: ["wc_double@1.0.0"] });
    const state = await hub.state();
    expect(state.capabilities["word_count"]!.active).toBe("word_count@2.0.0");
    expect(state.plugins["wc_double@1.0.0"]!.tier).toBe("T0");
  });
});

describe("rollback and uninstall", () => {
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
  });
  afterAll(() => capsmith.dispose());

  it("walks back through the good versions on each rollback, never forward", async () => {
    const hub = capsmith.runtime.hub;
    for (const pkg of [makePackage("1.0.0"), makePackage("1.1.0", GOOD_CODE_V2), makePackage("1.2.0", "export default (i) => i.n * 2 + 0;\n")]) {
      expect((await hub.install(pkg, { source: "test" })).ok).toBe(true);
    }
    expect(await hub.switchTo("double_it", { kind: "rollback" })).toMatchObject({ ok: true, pluginId: "double_it@1.1.0" });
    expect(await hub.switchTo("double_it", { kind: "rollback" })).toMatchObject({ ok: true, pluginId: "double_it@1.0.0" });
    await expect(hub.switchTo("double_it", { kind: "rollback" })).rejects.toMatchObject({ code: "nothing_to_roll_back" });
    expect((await hub.state()).capabilities["double_it"]!.active).toBe("double_it@1.0.0");
  });

  it("activates the newest remaining good version when the active one is uninstalled (never one rolled back from), and says when none is left", async () => {
    const hub = capsmith.runtime.hub;
    expect(await hub.switchTo("double_it", { kind: "update", version: "1.2.0" })).toMatchObject({ ok: true });
    // 1.1.0 was rolled back from (1.0.0 activated after it): not good, so 1.0.0 takes over.
    expect(await hub.uninstall("double_it@1.2.0")).toMatchObject({ wasActive: true, restored: "double_it@1.0.0" });
    expect((await hub.state()).capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    expect(await hub.uninstall("double_it@1.1.0")).toMatchObject({ wasActive: false, restored: null });
    expect(await hub.uninstall("double_it@1.0.0")).toMatchObject({ wasActive: true, restored: null });
    expect((await hub.state()).capabilities["double_it"]!.active).toBeNull();
  });
});

describe("suggest, dry-run and promote", () => {
  const roles = ["gap", "synthesizer", "tester", "governor"] as const;

  it("suggest records the spec and stops: nothing is drafted or tested", async () => {
    const capsmith = await openTestCapsmith({ policy: parsePolicy({ mode: "suggest" }), roles });
    try {
      const answer = await requestCapability(capsmith.readModel, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
      expect(answer).toMatchObject({ ok: false, outcome: "suggested" });
      const types = await typesOf(capsmith);
      expect(types).toContain("CapabilityGapDetected");
      expect(types).not.toContain("PluginDrafted");
      expect(types).not.toContain("PluginTested");
    } finally {
      await capsmith.dispose();
    }
  });

  it("dry-run drafts and tests and stops; plugin promote installs the draft through governance", async () => {
    const capsmith = await openTestCapsmith({ policy: parsePolicy({ mode: "dry-run" }), roles });
    try {
      const answer = await requestCapability(capsmith.readModel, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
      expect(answer).toMatchObject({ ok: false, outcome: "dry_run" });
      expect(await typesOf(capsmith)).not.toContain("InstallStarted");
      const gap = Object.values((await capsmith.readModel.state("gaps")).gaps).find((g) => g.capability === "max_price")!;
      const { hub, policy } = capsmith.runtime;
      const deps = { readModel: capsmith.readModel, hub, policy, hostVersion: "0.1.0" };
      await expect(promoteDraft(deps, "no-such-draft", (pkg, source) => hub.install(pkg, { source }))).rejects.toMatchObject({ code: "draft_not_found" });
      const outcome = await promoteDraft(deps, gap.draftId!, (pkg, source) => hub.install(pkg, { source }));
      expect(outcome).toMatchObject({ ok: true, pluginId: "max_price@1.0.0" });
      expect((await hub.state()).capabilities["max_price"]!.active).toBe("max_price@1.0.0");
    } finally {
      await capsmith.dispose();
    }
  });
});
