/**
 * Bad input at every edge that parses a document: plans, capability specs, policy files, plugin
 * manifests and packages (preflight, and install on a real file log). Each malformed input must be
 * refused with a coded error a person can act on — never a crash or an uncoded exception — and an
 * install refused that way writes nothing to the log.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlan } from "../../src/agents/index.ts";
import { parseSpec } from "../../src/spec/index.ts";
import { openFileLog } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { DEFAULT_POLICY, createHubService, manifestSchema, parsePolicy, pluginPackageSchema, preflight } from "../../src/hub/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { hub, keys } from "../../projections/index.ts";
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { checksumVerify, makePackage } from "../support/plugin-packages.ts";
import { loadTask } from "../support/tasks.ts";
import { FUZZ_SEED, acceptsOrExplains, acceptsOrExplainsAsync, badInputs, runs } from "./fuzz-support.ts";

const plan = JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/budget-review/plan.json"), "utf8")) as unknown;
const spec = loadTask("total_cost");
const policy = {
  mode: "auto",
  minTier: { node: "T1", quality_gate: "T1", integration: "T2", agent: "T3" },
  allowedProfiles: ["node", "integration"],
  approvalRequired: { permissions: ["net"], profiles: ["agent"] },
  trustedPublishersOnly: false,
  slo: { availability: 0.99, latencyMs: 200, budgets: { "*": { latencyP95Ms: 50, memoryMB: 32 } }, onBreach: { action: "rollback", consecutiveWindows: 2 } },
};
const pkg = { ...makePackage("1.0.0", undefined, { permissions: { net: ["api.example.com"] }, dependencies: { total_cost: "^1.0.0" }, signature: { keyId: "0123456789abcdef", value: "c2ln" } }), testReport: { id: "r1", passed: 3, failed: 0, cases: [{ name: "golden_1", ok: true, latencyMs: 1 }] } };

/** Counts accepted and refused inputs so a suite that refuses nothing (or everything) is noticed. */
function tally(): { accepted: number; refused: number; note(ok: boolean): void } {
  return { accepted: 0, refused: 0, note(ok) { if (ok) this.accepted++; else this.refused++; } };
}

describe("documents people write", () => {
  it("plans: every malformed plan is refused with a coded error", () => {
    const t = tally();
    fc.assert(fc.property(badInputs(plan), (value) => t.note(acceptsOrExplains(() => parsePlan(value)))), { seed: FUZZ_SEED, numRuns: runs(400) });
    expect(t.refused).toBeGreaterThan(0);
  });

  it("capability specs: every malformed spec is refused with a coded error", () => {
    const t = tally();
    fc.assert(fc.property(badInputs(spec), (value) => t.note(acceptsOrExplains(() => parseSpec(value)))), { seed: FUZZ_SEED, numRuns: runs(400) });
    expect(t.refused).toBeGreaterThan(0);
  });

  it("policy files: every malformed policy is refused with a coded error; what is accepted is a whole policy", () => {
    const t = tally();
    fc.assert(fc.property(badInputs(policy), (value) => {
      let parsed: ReturnType<typeof parsePolicy> | undefined;
      t.note(acceptsOrExplains(() => (parsed = parsePolicy(value, "policy.json"))));
      if (parsed) expect(Object.keys(parsed).sort()).toEqual(expect.arrayContaining(Object.keys(DEFAULT_POLICY).filter((k) => k !== "$schema").sort()));
    }), { seed: FUZZ_SEED, numRuns: runs(400) });
    expect(t.refused).toBeGreaterThan(0);
  });
});

describe("plugin manifests and packages", () => {
  const ctx = { hub: hub.initial(), keys: keys.initial(), hostVersion: "0.1.0", policy: DEFAULT_POLICY };

  it("preflight never throws: a bad package or manifest is a failed report whose every error has a code, field and next step", () => {
    const t = tally();
    fc.assert(fc.property(badInputs(pkg), (value) => {
      const report = preflight(value, ctx);
      t.note(report.ok);
      expect(report.ok).toBe(report.findings.every((f) => f.severity !== "error"));
      for (const f of report.findings) {
        expect(f.code).toMatch(/^[a-z_]+$/);
        expect(typeof f.field).toBe("string");
        expect(f.message.trim()).not.toBe("");
        expect(f.nextStep.trim()).not.toBe("");
      }
      // The schema is the gate: a package preflight could read is one the hub's schema accepts.
      if (report.findings.every((f) => f.code !== "schema_invalid")) expect(pluginPackageSchema.safeParse(value).success).toBe(true);
    }), { seed: FUZZ_SEED, numRuns: runs(400) });
    expect(t.refused).toBeGreaterThan(0);
  });

  it("the manifest schema alone refuses near-misses without throwing", () => {
    fc.assert(fc.property(badInputs(pkg.manifest), (value) => {
      expect(() => manifestSchema.safeParse(value)).not.toThrow();
    }), { seed: FUZZ_SEED, numRuns: runs(400) });
  });

  describe("install on a real file log", () => {
    let dir: string;
    let log: EventLog;
    let sandbox: PluginHost;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "capsmith-fuzz-install-"));
      log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("fz"), actor: "governor" });
      sandbox = createPluginHost({ workers: 1 });
    });
    afterAll(async () => {
      await sandbox.close();
      await log.close();
      await rm(dir, { recursive: true, force: true });
    });

    it("a refused package is refused with a coded error and writes nothing; an accepted one ends committed or rolled back", async () => {
      const service = createHubService({ log, readModel: await readModelOf(log), sandbox, newId: counterIds("tx"), verify: (p) => checksumVerify(p), tierFor: () => ({ tier: "T1", reasons: [] }) });
      const t = tally();
      await fc.assert(fc.asyncProperty(badInputs(pkg), async (value) => {
        const before = { seq: await log.lastSeq(), size: (await stat(join(dir, "events.log"))).size };
        let outcome: Awaited<ReturnType<typeof service.install>> | undefined;
        const accepted = await acceptsOrExplainsAsync(async () => (outcome = await service.install(value, { source: "fuzz" })));
        t.note(accepted);
        if (!accepted) {
          expect(await log.lastSeq()).toBe(before.seq);
          expect((await stat(join(dir, "events.log"))).size).toBe(before.size);
        } else if (outcome && !outcome.unchanged) {
          const tx = (await service.transactions()).transactions[outcome.txId];
          expect(tx?.outcome).toBe(outcome.ok ? "committed" : "rolled_back");
        }
      }), { seed: FUZZ_SEED, numRuns: runs(60) });
      expect(t.refused).toBeGreaterThan(0);
    }, 120_000);
  });
});
