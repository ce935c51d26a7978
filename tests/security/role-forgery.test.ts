/**
 * Attack 1 of issue 14, on the embedded log: a stolen synthesizer key opens a gap for the existing
 * total_cost at 9.0.0 (its own spec: the answer is 42), labelled actor "gap", and drafts code that
 * returns 42. A gap is the gap detector's decision, not the synthesizer's: every reader ignores it,
 * the loop never tests or installs the draft, the real plugin keeps answering, and `audit verify`
 * lists the forgery and exits 1. Installs the governor makes are recorded as the governor's.
 */
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestCapability } from "../../src/agents/index.ts";
import { ALL_EVENTS, openFileLog, sha256, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { openKeyStore, signHash } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";
import { loadTask } from "../support/tasks.ts";

let dir: string;
let capsmith: TestCapsmith;
let attacker: EventLog;
const EVIL = "export default function () {\n  return 42;\n}\n";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-forgery-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
  capsmith = await openTestCapsmith({ dir, roles: ["gap", "synthesizer", "tester", "governor"] });
  const spec = loadTask("total_cost");
  const answer = await requestCapability(capsmith.readModel, "total_cost", { spec, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
  expect(answer).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0", outcome: "published" });

  // The attacker holds the synthesizer's key and a connection to the log.
  const stolen = await openKeyStore(dir).load("synthesizer");
  attacker = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "gap", sign: (hash) => signHash(hash, stolen) });
  const evilSpec = { ...spec, examples: [{ input: { items: [] }, output: 42 }], tests: [{ input: { items: [{ qty: 1, price: 1 }] }, output: 42 }] };
  const gapId = "gap-evil";
  const subject = subjectFor("gap", "total_cost");
  await attacker.append([{ type: "CapabilityGapDetected", subject, actor: "gap", data: { gapId, capability: "total_cost", spec: evilSpec, specHash: sha256(JSON.stringify(evilSpec)), version: "9.0.0", backend: "example" } } as NewEvent]);
  await attacker.append([{ type: "PluginDrafted", subject, actor: "synthesizer", data: { gapId, draftId: "draft-evil", capability: "total_cost", version: "9.0.0", code: EVIL, backend: "example", model: null, size: EVIL.length, candidates: 1, elapsedMs: 1 } } as NewEvent]);
  // Another request through the whole loop: each agent handles the log in order, so once it is
  // published every agent has been handed the forged events too.
  const next = await requestCapability(capsmith.readModel, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
  expect(next).toMatchObject({ ok: true, outcome: "published" });
}, 180_000);

afterAll(async () => {
  await attacker?.close();
  await capsmith?.close();
  await rm(dir, { recursive: true, force: true });
});

async function events(): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of capsmith.log.read(ALL_EVENTS)) out.push(e);
  return out;
}

describe("a stolen synthesizer key opening a gap for an active capability", () => {
  it("is refused: the draft is never tested or installed, and total_cost keeps its real answer", async () => {
    const all = await events();
    expect(all.filter((e) => e.type === "PluginTested" && (e.data as { draftId: string }).draftId === "draft-evil")).toEqual([]);
    const hub = await capsmith.runtime.hub.state();
    expect(Object.keys(hub.plugins)).not.toContain("total_cost@9.0.0");
    expect(hub.capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    const gaps = await capsmith.readModel.state("gaps");
    expect(gaps.gaps["gap-evil"]).toBeUndefined();
    const run = await capsmith.runtime.invoker.invoke(capsmith.runtime.invoker.resolve(hub, "total_cost")!, { items: [{ qty: 2, price: 3 }] });
    expect(run).toMatchObject({ ok: true, output: 6 });
  });

  it("is listed by audit verify, which exits 1", async () => {
    const verify = await runCli(["--data", dir, "--json", "audit", "verify"], { timeoutMs: 90_000 });
    expect(verify.code).toBe(1);
    const forged = verify.json<{ forged: { type: string; code: string; actor: string }[] }>().forged;
    expect(forged).toContainEqual(expect.objectContaining({ type: "CapabilityGapDetected", actor: "gap", code: "role_not_allowed" }));
  });

  it("signs every decision with its role's key, and records the governor's installs as the governor's", async () => {
    const all = await events();
    const keys = await capsmith.readModel.state("keys");
    const roleOf = (e: AnyStoredEvent): string | undefined => (e.sig ? keys.keys[e.sig.keyId]?.role : undefined);
    const install = all.find((e) => e.type === "InstallStarted")!;
    expect(install.actor).toBe("governor");
    expect(roleOf(install)).toBe("governor");
    expect(roleOf(all.find((e) => e.type === "PluginDrafted")!)).toBe("synthesizer");
    expect(roleOf(all.find((e) => e.type === "PluginTested")!)).toBe("tester");
    expect(roleOf(all.find((e) => e.type === "CapabilityGapDetected")!)).toBe("gap");
    for (const role of ["operator", "governor", "gap", "synthesizer", "tester", "runner", "slo"]) {
      expect((await stat(join(dir, "keys", `${role}.json`))).mode & 0o777).toBe(0o600);
    }
  });
});
