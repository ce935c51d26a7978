/**
 * Bad event payloads at the log's edge: batches, envelopes and `data` for every catalog type,
 * mutated from real events a hub install wrote, plus arbitrary JSON and odd append options. An
 * append is either stored (and then every projection folds it without throwing) or refused with a
 * coded error and nothing written; the log verifies afterwards.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_EVENTS, eventCatalog, openFileLog, subjectFor, verifyLog } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import { allProjections, createProjector } from "../../projections/index.ts";
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { checksumVerify, makePackage } from "../support/plugin-packages.ts";
import { FUZZ_SEED, acceptsOrExplainsAsync, anyJson, badInputs, runs } from "./fuzz-support.ts";

let dir: string;
let log: EventLog;
/** Real events (as appended: type, subject, data) from an install, plus a note. */
const samples: { type: string; subject: string; data: unknown }[] = [];

beforeAll(async () => {
  const source = await mkdtemp(join(tmpdir(), "capsmith-fuzz-src-"));
  const sourceLog = await openFileLog({ dir: source, clock: steppingClock(), newId: counterIds("src"), actor: "governor" });
  const sandbox = createPluginHost({ workers: 1 });
  await createHubService({ log: sourceLog, readModel: await readModelOf(sourceLog), sandbox, newId: counterIds("tx"), verify: (p) => checksumVerify(p), tierFor: () => ({ tier: "T1", reasons: [] }) }).install(makePackage("1.0.0"), { source: "fuzz" });
  await sandbox.close();
  for await (const e of sourceLog.read(ALL_EVENTS)) samples.push({ type: e.type, subject: e.subject, data: e.data });
  await sourceLog.close();
  await rm(source, { recursive: true, force: true });
  samples.push({ type: "OperatorNote", subject: subjectFor("note", "fuzz"), data: { text: "hello" } });

  dir = await mkdtemp(join(tmpdir(), "capsmith-fuzz-events-"));
  log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("fz"), actor: "fuzz" });
});
afterAll(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

const TYPES = Object.keys(eventCatalog);

/** A batch: near-misses of one or two real events (sometimes under another catalog type), or junk. */
const batches: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.nat().chain((i) => badInputs([samples[i % samples.length]])) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(...TYPES)).chain(([i, type]) => badInputs([{ ...samples[i % samples.length]!, type }])) },
  { weight: 1, arbitrary: fc.nat().chain((i) => badInputs([samples[i % samples.length], samples[(i + 1) % samples.length]])) },
  { weight: 1, arbitrary: anyJson },
);

const appendOptions: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.record({ msgId: fc.oneof(fc.string(), anyJson) }, { requiredKeys: [] }),
  fc.record({ expectedSubjectSeq: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constantFrom<unknown>(Number.NaN, 1.5, "3", null)) }, { requiredKeys: [] }),
  fc.record({ expectedLastSeq: fc.oneof(fc.integer({ min: -2, max: 400 }), fc.constantFrom<unknown>(Number.NaN, 1.5, "3", null)) }, { requiredKeys: [] }),
  anyJson,
);

function deep(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

async function size(): Promise<number> {
  return (await stat(join(dir, "events.log"))).size;
}

describe("event payloads", () => {
  it("every append is stored whole or refused with a coded error, writing nothing", async () => {
    let stored = 0;
    let refused = 0;
    await fc.assert(fc.asyncProperty(batches, appendOptions, async (batch, options) => {
      const before = { seq: await log.lastSeq(), size: await size() };
      const ok = await acceptsOrExplainsAsync(() => log.append(batch as NewEvent[], options as undefined));
      if (ok) stored++;
      else {
        refused++;
        expect(await log.lastSeq()).toBe(before.seq);
        expect(await size()).toBe(before.size);
      }
    }), { seed: FUZZ_SEED, numRuns: runs(300) });
    expect(refused).toBeGreaterThan(0);
    expect(stored).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    ["not an array", "note" as unknown, undefined],
    ["a null event", [null], undefined],
    ["a subject that is not a string", [{ type: "OperatorNote", subject: 7, data: { text: "x" } }], undefined],
    ["an id that is not a string", [{ type: "OperatorNote", subject: "capsmith.evt.note.x", id: 7, data: { text: "x" } }], undefined],
    ["data nested 5,000 deep", [{ type: "InstallStarted", subject: "capsmith.evt.plugin.x", data: { ...(samples[0]?.data as object), package: deep(5_000) } }], undefined],
    ["null options", [{ type: "OperatorNote", subject: "capsmith.evt.note.x", data: { text: "x" } }], null],
    ["a numeric msgId", [{ type: "OperatorNote", subject: "capsmith.evt.note.x", data: { text: "x" } }], { msgId: 5 }],
    ["a negative expectedSubjectSeq", [{ type: "OperatorNote", subject: "capsmith.evt.note.x", data: { text: "x" } }], { expectedSubjectSeq: -1 }],
    ["a fractional expectedLastSeq", [{ type: "OperatorNote", subject: "capsmith.evt.note.x", data: { text: "x" } }], { expectedLastSeq: 1.5 }],
  ])("refuses %s with invalid_event", async (_name, batch, options) => {
    const before = await size();
    await expect(log.append(batch as NewEvent[], options as undefined)).rejects.toMatchObject({ code: "invalid_event", nextStep: expect.any(String) });
    expect(await size()).toBe(before);
  });

  it("events naming a plugin, transaction or gap after an Object.prototype member fold like any other name", async () => {
    const names = ["toString", "__proto__", "constructor", "hasOwnProperty"];
    const subject = "capsmith.evt.plugin.proto_names";
    const started = samples.find((e) => e.type === "InstallStarted")!.data as Record<string, unknown>;
    for (const name of names) {
      await log.append([
        { type: "InstallStarted", subject, data: { ...started, txId: name, pluginId: name, capability: name, previousActive: name } },
        { type: "InstallPhaseCompleted", subject, data: { txId: name, phase: "download", index: 1 } },
        { type: "PluginActivated", subject, data: { pluginId: name, capability: name, version: "1.0.0", txId: name, reason: "install" } },
        { type: "InstallRolledBack", subject, data: { txId: name, pluginId: name, phase: "verify", code: "x", message: "x", restored: name } },
        { type: "PluginApproved", subject, data: { pluginId: `${name}`, keyId: "0123456789abcdef", signature: "c2ln" } },
      ] as NewEvent[]);
    }
    const view = await createProjector({ log, projections: allProjections }).catchUp();
    const installs = view.states.installs as { transactions: Record<string, { outcome: string }> };
    for (const name of names) expect(Object.getOwnPropertyDescriptor(installs.transactions, name)?.value).toMatchObject({ outcome: "rolled_back" });
    expect(Object.getPrototypeOf(installs.transactions)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["status"]).toBeUndefined();
    expect((Function.prototype.toString as unknown as Record<string, unknown>)["status"]).toBeUndefined();
  });

  it("what was stored verifies, and every projection folds it from scratch without throwing", async () => {
    const report = await verifyLog(log);
    expect(report).toMatchObject({ ok: true });
    const view = await createProjector({ log, projections: allProjections }).catchUp();
    expect(view.seq).toBe(await log.lastSeq());
    const reopened = await (async () => {
      await log.close();
      log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("fz2"), actor: "fuzz" });
      return createProjector({ log, projections: allProjections }).catchUp();
    })();
    for (const name of Object.keys(allProjections) as (keyof typeof allProjections)[]) expect(reopened.hash(name)).toBe(view.hash(name));
  }, 60_000);
});
