/**
 * What an install, update or rollback decides before its transaction starts (src/hub/decisions.ts),
 * on hubs built by hand: no log, no sandbox. The races around these decisions (a version activated
 * between the look and the start) are tested end to end in tests/hub/install-start-race.test.ts.
 */
import { describe, expect, it } from "vitest";
import { decideInstall, decideSwitch } from "../../src/hub/decisions.ts";
import type { HubState, PluginRecord, PluginStatus } from "../../projections/index.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

function record(version: string, status: PluginStatus, checksum = makePackage(version).manifest.checksum): PluginRecord {
  return {
    id: `double_it@${version}`, capability: "double_it", version, status, tier: "T1", profile: "node", manifest: { checksum }, code: "",
    spec: {}, testReport: null, installedSeq: 1, changedSeq: 1, approvals: [], usage: { calls: 0, failures: 0 },
  };
}

function hub(active: string | null, ...plugins: PluginRecord[]): HubState {
  const ids = plugins.map((p) => p.id);
  return {
    capabilities: { double_it: { active: active ? `double_it@${active}` : null, versions: ids, history: ids.filter((id) => id !== `double_it@${active}`).concat(active ? [`double_it@${active}`] : []) } },
    plugins: Object.fromEntries(plugins.map((p) => [p.id, p])),
    pendingApprovals: {},
  };
}

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe("decideInstall", () => {
  it("is an install on an empty capability and an update over an older active version", () => {
    expect(decideInstall({ capabilities: {}, plugins: {}, pendingApprovals: {} }, makePackage("1.0.0"))).toEqual({ kind: "install" });
    expect(decideInstall(hub("1.0.0", record("1.0.0", "active")), makePackage("1.1.0"))).toEqual({ kind: "update" });
  });

  it("leaves the same code already active as it is, and refuses other code under the same id", () => {
    const state = hub("1.0.0", record("1.0.0", "active"));
    expect(decideInstall(state, makePackage("1.0.0"))).toEqual({ unchanged: state.plugins["double_it@1.0.0"] });
    expect(code(() => decideInstall(state, makePackage("1.0.0", GOOD_CODE_V2)))).toBe("version_exists");
  });

  it("refuses a version older than the active one (going back is a rollback), but not a reinstall of a failed or uninstalled id", () => {
    const state = hub("1.2.0", record("1.2.0", "active"), record("1.1.0", "uninstalled"));
    expect(code(() => decideInstall(state, makePackage("1.1.0")))).toBe("downgrade_needs_rollback");
    expect(decideInstall(hub(null, record("1.1.0", "failed")), makePackage("1.1.0", GOOD_CODE_V2))).toEqual({ kind: "install" });
  });
});

describe("decideSwitch", () => {
  const state = hub("1.1.0", record("1.0.0", "inactive"), record("1.1.0", "active"), record("1.2.0", "inactive"));

  it("targets a named version, or the rollback target when none is named", () => {
    expect(decideSwitch(state, { capability: "double_it", version: "1.2.0", kind: "update" })).toEqual({ target: state.plugins["double_it@1.2.0"] });
    expect(decideSwitch(state, { capability: "double_it", kind: "rollback" })).toEqual({ target: state.plugins["double_it@1.0.0"] });
    expect(decideSwitch(state, { capability: "double_it", version: "1.1.0", kind: "rollback" })).toEqual({ unchanged: state.plugins["double_it@1.1.0"] });
  });

  it("refuses what it cannot do, each with its own code", () => {
    expect(code(() => decideSwitch(state, { capability: "triple_it", kind: "rollback" }))).toBe("unknown_capability");
    expect(code(() => decideSwitch(state, { capability: "double_it", version: "9.0.0", kind: "update" }))).toBe("unknown_plugin");
    expect(code(() => decideSwitch(hub("1.0.0", record("1.0.0", "active")), { capability: "double_it", kind: "rollback" }))).toBe("nothing_to_roll_back");
    expect(code(() => decideSwitch(state, { capability: "double_it", version: "1.0.0", kind: "update" }))).toBe("downgrade_needs_rollback");
  });

  it("keeps a caller's judgement of the hub: only while the version it saw active still is (superseded otherwise)", () => {
    expect(code(() => decideSwitch(state, { capability: "double_it", version: "1.0.0", kind: "rollback", whileActive: null }))).toBe("superseded");
    expect(decideSwitch(state, { capability: "double_it", version: "1.0.0", kind: "rollback", whileActive: "double_it@1.1.0" })).toEqual({ target: state.plugins["double_it@1.0.0"] });
  });

  it("keeps a caller's choice of target: only while the resolver would serve it (superseded once quarantined or at T0)", () => {
    const none = hub(null, record("1.0.0", "inactive"), record("1.1.0", "quarantined"));
    none.capabilities["double_it"]!.history = ["double_it@1.0.0", "double_it@1.1.0"];
    const rollback = { capability: "double_it", version: "1.0.0", kind: "rollback", whileActive: null, whileEligible: true } as const;
    expect(decideSwitch(none, rollback)).toEqual({ target: none.plugins["double_it@1.0.0"] });
    const quarantined = { ...none, plugins: { ...none.plugins, "double_it@1.0.0": record("1.0.0", "quarantined") } };
    expect(code(() => decideSwitch(quarantined, rollback))).toBe("superseded");
    const revoked = { ...none, plugins: { ...none.plugins, "double_it@1.0.0": { ...record("1.0.0", "inactive"), tier: "T0" as const } } };
    expect(code(() => decideSwitch(revoked, rollback))).toBe("superseded");
    // Without the option an operator may still name it on purpose.
    expect(decideSwitch(quarantined, { ...rollback, whileEligible: false })).toEqual({ target: quarantined.plugins["double_it@1.0.0"] });
  });
});
