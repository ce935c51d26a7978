/**
 * The install service's two rules, without a log: which transaction id an install runs under
 * (src/hub/transaction-ids.ts) and which events on the subject a running step may step over
 * (src/hub/side-events.ts). The attacks they answer are tested end to end in tests/security.
 */
import { describe, expect, it } from "vitest";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { packageDigestOf } from "../../src/hub/signature.ts";
import { unrelatedHead } from "../../src/hub/side-events.ts";
import { idAfterStartedMeanwhile, isMine, transactionIdFor } from "../../src/hub/transaction-ids.ts";
import type { Transaction } from "../../projections/index.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const pkg = makePackage("1.1.0");
const other = makePackage("1.1.0", GOOD_CODE_V2);

function tx(txId: string, digest: string | null, pluginId = pkg.manifest.id): Transaction {
  return { txId, kind: "update", pluginId, capability: "double_it", version: "1.1.0", previousActive: "double_it@1.0.0", startedSeq: 1, startedAt: "2026-01-01T00:00:00.000Z", packageDigest: digest, phases: [], outcome: "in_progress" };
}

describe("transaction ids", () => {
  it("a held transaction is this install's only for this very package the hub could take", () => {
    expect(isMine(tx("t", packageDigestOf(pkg)), pkg)).toBe(true);
    expect(isMine(tx("t", packageDigestOf(other)), pkg)).toBe(false);
    expect(isMine(tx("t", null), pkg)).toBe(false);
    expect(isMine(tx("t", packageDigestOf(pkg), "double_it@9.0.0"), pkg)).toBe(false);
  });

  it("an id held for another package moves the install to <txId>/<pluginId>, then /2: the same on every delivery", () => {
    expect(transactionIdFor({}, "tx-1", pkg)).toEqual({ txId: "tx-1", held: false });
    const forged = { "tx-1": tx("tx-1", packageDigestOf(other)) };
    expect(transactionIdFor(forged, "tx-1", pkg)).toEqual({ txId: "tx-1/double_it@1.1.0", held: false });
    const twice = { ...forged, "tx-1/double_it@1.1.0": tx("tx-1/double_it@1.1.0", null) };
    expect(transactionIdFor(twice, "tx-1", pkg)).toEqual({ txId: "tx-1/double_it@1.1.0/2", held: false });
    const mine = { ...twice, "tx-1/double_it@1.1.0/2": tx("tx-1/double_it@1.1.0/2", packageDigestOf(pkg)) };
    expect(transactionIdFor(mine, "tx-1", pkg)).toEqual({ txId: "tx-1/double_it@1.1.0/2", held: true });
  });

  it("an id started meanwhile is settled when it is this install's or none was asked for, else the next id", () => {
    const forged = { "tx-1": tx("tx-1", packageDigestOf(other)) };
    expect(idAfterStartedMeanwhile(forged, "tx-1", pkg, undefined)).toEqual({ txId: "tx-1", held: true });
    expect(idAfterStartedMeanwhile({ "tx-1": tx("tx-1", packageDigestOf(pkg)) }, "tx-1", pkg, "tx-1")).toEqual({ txId: "tx-1", held: true });
    expect(idAfterStartedMeanwhile(forged, "tx-1", pkg, "tx-1")).toEqual({ txId: "tx-1/double_it@1.1.0", held: false });
  });
});

describe("side events", () => {
  const running = tx("tx-1", packageDigestOf(pkg));
  const ev = (seq: number, type: string, data: Record<string, unknown>, correlationId?: string): AnyStoredEvent => ({ seq, type, data, ...(correlationId ? { correlationId } : {}) }) as unknown as AnyStoredEvent;
  async function* of(...events: AnyStoredEvent[]): AsyncIterable<AnyStoredEvent> {
    yield* events;
  }

  it("steps over quarantines of other versions and other installs' starts: the new head", async () => {
    expect(await unrelatedHead(of(ev(6, "PluginQuarantined", { pluginId: "double_it@0.9.0" }), ev(7, "InstallStarted", { txId: "tx-2", pluginId: "double_it@1.2.0" }, "tx-2")), running, "double_it@1.0.0", 5)).toBe(7);
  });

  it("conflicts on its own events, on what names its plugin or the version in service, on anything else, and on nothing", async () => {
    expect(await unrelatedHead(of(ev(6, "InstallPhaseCompleted", { txId: "tx-1", phase: "download" })), running, "double_it@1.0.0", 5)).toBeUndefined();
    expect(await unrelatedHead(of(ev(6, "PluginQuarantined", { pluginId: "double_it@1.0.0" })), running, "double_it@1.0.0", 5)).toBeUndefined();
    expect(await unrelatedHead(of(ev(6, "PluginQuarantined", { pluginId: "double_it@1.2.0" })), running, "double_it@1.2.0", 5)).toBeUndefined();
    expect(await unrelatedHead(of(ev(6, "InstallCommitted", { txId: "tx-2", pluginId: "double_it@1.2.0" })), running, "double_it@1.0.0", 5)).toBeUndefined();
    expect(await unrelatedHead(of(), running, "double_it@1.0.0", 5)).toBeUndefined();
  });
});
