/**
 * The API's roles hold the NATS credentials' boundaries: for every role that has a NATS user in
 * deploy/nats/accounts.conf, a permission is granted exactly when that user may publish every
 * subject the permission appends to — except approving, which only operators do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { subjectMatches } from "../../src/events/index.ts";
import { API_ROLES, PERMISSIONS, PERMISSION_SUBJECTS, may } from "../../src/serve/index.ts";

/** Each user's publish allow-list of capsmith.evt subjects, from the server config. */
function natsPublishAllows(): Map<string, string[]> {
  const text = readFileSync(join(import.meta.dirname, "../../deploy/nats/accounts.conf"), "utf8").split("\n").filter((l) => !l.trim().startsWith("#")).join("\n");
  const users = new Map<string, string[]>();
  const capsmithAccount = text.slice(0, text.indexOf("SYS {"));
  const blocks = capsmithAccount.split(/\{\s*user:\s*/).slice(1);
  for (const block of blocks) {
    const user = /^(\w+)/.exec(block)![1]!;
    const publish = block.slice(block.indexOf("publish:"), block.indexOf("subscribe:"));
    const allow = publish.includes("allow:") ? publish.slice(publish.indexOf("allow:"), publish.indexOf("deny:") > 0 ? publish.indexOf("deny:") : undefined) : publish;
    users.set(user, [...allow.matchAll(/"(capsmith\.evt[^"]*)"/g)].map((m) => m[1]!));
  }
  return users;
}

describe("roles", () => {
  const nats = natsPublishAllows();

  it("finds the NATS users it checks against", () => {
    expect([...nats.keys()].sort()).toEqual(["gap", "governor", "operator", "runner", "slo", "synthesizer", "tester"]);
  });

  for (const role of API_ROLES.filter((r) => nats.has(r))) {
    it(`grants ${role} what its NATS user may publish`, () => {
      const allowed = nats.get(role)!;
      for (const permission of PERMISSIONS) {
        const publishes = PERMISSION_SUBJECTS[permission].every((s) => allowed.some((f) => subjectMatches(f, s)));
        const expected = permission === "approve" ? role === "operator" && publishes : publishes;
        expect(may(role, permission), `${role} ${permission}`).toBe(expected);
      }
    });
  }

  it("lets a viewer only read", () => {
    expect(PERMISSIONS.filter((p) => may("viewer", p))).toEqual(["read"]);
  });
});
