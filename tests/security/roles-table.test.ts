/**
 * The write rules and the NATS permissions say the same thing: each role's user in
 * deploy/nats/accounts.conf publishes exactly the event subjects ROLE_SUBJECTS gives it, and every
 * role allowed to make a hub decision may publish on plugin subjects. A change to one without the
 * other fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DECISION_RULES, ROLE_SUBJECTS, subjectMatches } from "../../src/events/index.ts";

const conf = readFileSync(join(import.meta.dirname, "../../deploy/nats/accounts.conf"), "utf8");

/** The capsmith.evt subjects a user's publish list allows (comments and the namespace example skipped). */
function eventSubjects(user: string): string[] {
  const lines = conf.split("\n").filter((l) => !l.trimStart().startsWith("#"));
  const start = lines.findIndex((l) => l.includes(`{ user: ${user},`));
  if (start < 0) throw new Error(`no user ${user} in accounts.conf`);
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > start && line.includes("{ user:")) break;
    if (line.includes("deny:")) break;
    for (const m of line.matchAll(/"(capsmith\.evt\.[^"]*)"/g)) out.push(m[1]!);
  }
  return out;
}

describe("who may write what", () => {
  it.each(Object.entries(ROLE_SUBJECTS))("the NATS user %s publishes exactly its role's subjects", (role, subjects) => {
    expect(eventSubjects(role).sort()).toEqual([...subjects].sort());
  });

  it("lets every role that may make a hub decision publish on plugin subjects, and no other agent", () => {
    const plugin = "capsmith.evt.plugin.total_cost";
    for (const [type, roles] of Object.entries(DECISION_RULES)) {
      if (!["InstallStarted", "PluginActivated", "InstallCommitted", "PluginQuarantined", "PluginTierAssigned"].includes(type)) continue;
      for (const role of roles!) {
        if (role === "publisher") continue;
        expect(ROLE_SUBJECTS[role].some((f) => subjectMatches(f, plugin)), `${role} writes ${type}`).toBe(true);
      }
    }
    for (const role of ["gap", "synthesizer", "tester", "runner"] as const) {
      expect(ROLE_SUBJECTS[role].some((f) => subjectMatches(f, plugin)), role).toBe(false);
    }
  });

  it("gives the loop's decisions to one role each: a request is not a gap, a gap not a draft, a draft not a test report, a test report not an install", () => {
    expect(DECISION_RULES.CapabilityGapDetected).toEqual(["gap"]);
    expect(DECISION_RULES.PluginDrafted).toEqual(["synthesizer"]);
    expect(DECISION_RULES.PluginTested).toEqual(["tester"]);
    expect(DECISION_RULES.InstallStarted).toEqual(["governor", "operator"]);
    expect(DECISION_RULES.PluginActivated).toEqual(["governor", "operator"]);
  });
});
