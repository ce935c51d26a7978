/**
 * The activate step judges the hub and the trust store as they are (eligibility of a `whileEligible`
 * target, the tier from the keys), then appends the activation. Another writer lands a change on
 * ANOTHER subject exactly between that read and the append (the hub's log wrapped so the change is
 * appended as the activation record is handed to the log): the key that approved the target revoked
 * (the key's subject), a dependent re-trusted (the dependent's capability). The activation must not
 * land on the judgement that change made stale. On main the append was conditional on the
 * capability's subject only, so it landed: the target activated while ineligible, or at the tier a
 * revoked key gave it. Each case on the embedded file log and on a real nats-server, with a second
 * connection as the other writer.
 */
import { describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import type { HubService } from "../../src/hub/index.ts";
import { racingLog } from "../support/hub-race.ts";
import { fileFactory, natsFactory } from "../support/log-factories.ts";
import { CAP, DEPENDENT, NEWER, TARGET, call, revoke, tierOf, useTwoVersionsBed } from "../support/two-versions-bed.ts";
import { makePackage } from "../support/plugin-packages.ts";

const note = (text: string): NewEvent => ({ type: "OperatorNote", subject: subjectFor("note", "ops"), actor: "operator", data: { text } }) as NewEvent;
/** The activation record of the switch to 1.0.0 (not the installs before it). */
const activatesTarget = (e: NewEvent): boolean => e.type === "PluginActivated" && (e.data as { pluginId: string; reason: string }).pluginId === TARGET && (e.data as { reason: string }).reason === "rollback";

describe.each([fileFactory(), natsFactory()])("a change on another subject between the activate step's read and its append ($name log)", (factory) => {
  const bed = useTwoVersionsBed(factory);
  const { hubOn, hubNow } = bed;

  /** The hub service whose activation of 1.0.0 another writer races with `change` (once, or at every attempt). */
  function racedHub(change: () => NewEvent, once = true): { hub: HubService; fired: () => number } {
    let fired = 0;
    const raced = racingLog(bed.log, { at: activatesTarget, when: "before", once, interfere: async () => void (fired++, await bed.other.append([change()])) });
    return { hub: hubOn(raced, "switch"), fired: () => fired };
  }

  it("the key that approved 1.0.0 is revoked: a switch that holds only while 1.0.0 is eligible is refused (superseded), 2.0.0 keeps serving", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    const { hub, fired } = racedHub(() => revoke(bed.approver));
    const outcome = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true });
    expect(fired()).toBe(1);
    expect(outcome.ok, `${TARGET} was activated though the key it rested on was revoked before the activation landed`).toBe(false);
    expect(outcome.failure).toMatchObject({ phase: "activate", code: "superseded", restored: NEWER });
    const { hub: state, installs } = await hubNow();
    expect(state.capabilities[CAP]?.active).toBe(NEWER);
    expect(state.plugins[TARGET]?.tier).toBe("T0");
    expect(installs.transactions[outcome.txId]?.outcome).toBe("rolled_back");
  }, 60_000);

  it("the key that approved 1.0.0 is revoked: a plain rollback to it commits at the tier the trust store gives now (T1), not the revoked key's T2", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    const { hub, fired } = racedHub(() => revoke(bed.approver));
    const outcome = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0" });
    expect(fired()).toBe(1);
    expect(outcome.ok, JSON.stringify(outcome.failure)).toBe(true);
    expect(outcome.tier).toBe("T1");
    const { hub: state } = await hubNow();
    expect(state.capabilities[CAP]?.active).toBe(TARGET);
    expect(state.plugins[TARGET]?.tier).toBe("T1");
  }, 60_000);

  it("a dependent whose range excludes 1.0.0 is re-trusted (its own capability's subject): the eligible-only switch is refused (superseded)", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    const { hub, fired } = racedHub(() => tierOf(DEPENDENT, "T1", "quad_it"));
    const outcome = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true });
    expect(fired()).toBe(1);
    expect(outcome.ok, `${TARGET} was activated outside ${DEPENDENT}'s range ^2.0.0`).toBe(false);
    expect(outcome.failure).toMatchObject({ phase: "activate", code: "superseded" });
    expect(outcome.failure?.message).toContain(DEPENDENT);
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(NEWER);
  }, 60_000);

  it("an unrelated record lands there (a note): the activation lands after it, at its T2", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    const { hub, fired } = racedHub(() => note("unrelated"));
    const outcome = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true });
    expect(fired()).toBe(1);
    expect(outcome.ok, JSON.stringify(outcome.failure)).toBe(true);
    expect(outcome.tier).toBe("T2");
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(TARGET);
  }, 60_000);

  // The CI run of 2026-12-04 saw an update fail `log_busy` while another process kept invoking the
  // capability: each of its calls appends a usage record, and the activation, conditional on the whole
  // log, lost eight races in a row to them on a loaded machine. Calls change nothing a decision rests on.
  it("another process's calls land before each of the activation's first 20 tries (more than its 8 judgements): it lands, at its T2", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    let fired = 0;
    const raced = racingLog(bed.log, { at: activatesTarget, when: "before", interfere: async () => void (++fired <= 20 && (await bed.other.append([call(fired)]))) });
    const outcome = await hubOn(raced, "switch").switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true });
    expect(outcome.ok, JSON.stringify(outcome.failure)).toBe(true);
    expect(fired).toBe(21);
    expect(outcome.tier).toBe("T2");
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(TARGET);
  }, 60_000);

  it.each([1, 5, 40])("calls land before each try, and the approver's key is revoked among them at try %i: refused (superseded), nothing activated", async (at) => {
    await bed.hubWithTwoVersions({ dependent: true });
    let fired = 0;
    const raced = racingLog(bed.log, {
      at: activatesTarget,
      when: "before",
      interfere: async () => {
        await bed.other.append([call(++fired)]);
        if (fired !== at) return;
        await bed.other.append([revoke(bed.approver)]);
        await bed.other.append([call(fired)]);
      },
    });
    const outcome = await hubOn(raced, "switch").switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true });
    expect(outcome.failure).toMatchObject({ phase: "activate", code: "superseded" });
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(NEWER);
  }, 60_000);

  it("six installs of different capabilities at once from one process (each activation racing the others' records): all commit", async () => {
    const hub = hubOn(bed.log, "parallel");
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => {
      const pkg = makePackage("1.0.0", undefined, { id: `cap_${i}@1.0.0`, capability: `cap_${i}` });
      return hub.install({ ...pkg, spec: { ...pkg.spec, capability: `cap_${i}` } }, { source: "test" });
    }));
    expect(outcomes.map((o) => o.failure ?? o.ok)).toEqual(Array(6).fill(true));
    const state = (await hubNow()).hub;
    for (let i = 0; i < 6; i++) expect(state.capabilities[`cap_${i}`]?.active).toBe(`cap_${i}@1.0.0`);
  }, 60_000);

  // As its own attacker: the revocation at every other step of the eligible-only switch. Each lands
  // on another subject than the transaction's, just before the step's record is handed to the log.
  const steps: [string, (e: NewEvent) => boolean][] = [
    ["its start (after the switch judged the hub)", (e) => e.type === "InstallStarted" && (e.data as { pluginId: string }).pluginId === TARGET],
    ...["download", "verify", "dependency-prepare", "health-check"].map((p): [string, (e: NewEvent) => boolean] => [`its ${p} record`, (e) => e.type === "InstallPhaseCompleted" && (e.data as { phase: string }).phase === p]),
  ];
  it.each(steps)("the key that approved 1.0.0 is revoked just before %s: refused at activation (superseded), nothing activated", async (_step, at) => {
    await bed.hubWithTwoVersions({ dependent: true });
    let fired = 0;
    const raced = racingLog(bed.log, { at, when: "before", once: true, interfere: async () => void (fired++, await bed.other.append([revoke(bed.approver)])) });
    const outcome = await hubOn(raced, "switch").switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true });
    expect(fired).toBe(1);
    expect(outcome.failure).toMatchObject({ phase: "activate", code: "superseded" });
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(NEWER);
  }, 60_000);

  it("a refused switch redelivered (same transaction id): its outcome again, no second transaction, nothing activated", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    const { hub } = racedHub(() => revoke(bed.approver));
    const first = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true, txId: "refused-once" });
    expect(first.failure?.code).toBe("superseded");
    const again = await hubOn(bed.log, "redelivery").switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true, txId: "refused-once" });
    expect(again).toMatchObject({ ok: false, txId: "refused-once", failure: { code: "superseded" } });
    const { hub: state, installs } = await hubNow();
    expect(Object.values(installs.transactions).filter((t) => t.kind === "rollback")).toHaveLength(1);
    expect(state.capabilities[CAP]?.active).toBe(NEWER);
  }, 60_000);

  it("the log kept busy (log_busy), then the key revoked while the transaction waits open: its redelivery refuses it (superseded)", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    let n = 0;
    const { hub } = racedHub(() => note(`busy ${++n}`), false);
    await expect(hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true, txId: "busy-then-revoked" })).rejects.toMatchObject({ code: "log_busy" });
    await bed.other.append([revoke(bed.approver)]);
    const outcome = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true, txId: "busy-then-revoked" });
    expect(outcome).toMatchObject({ ok: false, txId: "busy-then-revoked", failure: { phase: "activate", code: "superseded" } });
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(NEWER);
  }, 60_000);

  it("the log moves at every attempt: nothing is activated, the transaction stays open (retryable), and settling it later commits it", async () => {
    await bed.hubWithTwoVersions({ dependent: true });
    let n = 0;
    const { hub, fired } = racedHub(() => note(`busy ${++n}`), false);
    const failed = await hub.switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true, txId: "busy-rollback" }).then(() => undefined, (err: unknown) => err);
    expect(failed).toMatchObject({ code: "log_busy", retryable: true });
    expect(fired()).toBeGreaterThan(1);
    const before = await hubNow();
    expect(before.hub.capabilities[CAP]?.active).toBe(NEWER);
    expect(before.installs.transactions["busy-rollback"]?.outcome).toBe("in_progress");
    // The redelivery, once the log is quiet: the same transaction finishes (no second one).
    const done = await hubOn(bed.log, "again").switchTo(CAP, { kind: "rollback", version: "1.0.0", whileEligible: true, txId: "busy-rollback" });
    expect(done).toMatchObject({ ok: true, txId: "busy-rollback" });
    expect((await hubNow()).hub.capabilities[CAP]?.active).toBe(TARGET);
  }, 60_000);
});
