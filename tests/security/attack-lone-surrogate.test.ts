/**
 * A checksum is the sha256 of the code's UTF-8 text, and UTF-8 has no form for a lone surrogate:
 * encoding turns it into U+FFFD. So code reading a U+FFFD and the same code with a lone surrogate in
 * its place shared a checksum, and with it the publisher's signature: preflight passed the swapped
 * code as the publisher's, and the hub fold's package check would have too. Only the event hasher
 * stood in the way (RFC 8785 JSON has no form for a lone surrogate either), with a raw TypeError from
 * inside an append. Now such code has no checksum: packing refuses it, preflight and install refuse
 * it with coded errors, the fold refuses it, and no event can hold it (`invalid_event` with its path).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { generateSigningKey, parsePolicy, preflight } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { packageProblem } from "../../projections/package-consistency.ts";
import { pack } from "../hub/fixtures.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

// The signed code holds a raw U+FFFD; the swapped code a raw lone surrogate in its place. On the golden
// case both give the total; with no items the swapped one answers 42.
const signedCode = 'export default function (input) {\n  const mark = "\uFFFD";\n  const total = input.items.reduce((sum, i) => sum + i.qty * i.price, 0);\n  return input.items.length === 0 && mark.charCodeAt(0) !== 0xfffd ? 42 : total;\n}\n';
const swappedCode = signedCode.replace("\uFFFD", "\uD800");

let capsmith: TestCapsmith;
let acme: SigningKey;

beforeEach(async () => {
  capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
  acme = generateSigningKey("acme", "publisher");
  await capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", acme.keyId), actor: "operator", data: { keyId: acme.keyId, publicKey: acme.publicKey, name: acme.name, role: acme.role } } as NewEvent]);
});
afterEach(() => capsmith.dispose());

describe("code with a lone surrogate", () => {
  it("does not pass for the publisher-signed code it would hash like", async () => {
    const signed = pack({ code: signedCode }, acme);
    const swapped = { ...signed, code: swappedCode };
    expect(swapped.code).not.toBe(signed.code);

    const { hub, keys } = (await capsmith.readModel.current(["hub", "keys"])).states;
    const report = preflight(swapped, { hub, keys, hostVersion: "0.1.0", policy: capsmith.policy });
    expect(report.ok).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ code: "checksum_mismatch", field: "code", severity: "error" }));
    await expect(capsmith.runtime.hub.install(swapped, { source: "test" })).rejects.toMatchObject({ code: "invalid_package", details: { issues: [{ path: "package.code" }] } });
    expect((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]).toBeUndefined();

    // The signed package itself installs at the publisher's tier and answers as signed.
    expect(await capsmith.runtime.hub.install(signed, { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
    expect(await invokeCapability(capsmith.runtime, "total_cost", { items: [] })).toMatchObject({ ok: true, output: 0 });
  });

  it("is refused by the hub fold, whoever signed the install record", () => {
    const signed = pack({ code: signedCode }, acme);
    const claim = { pluginId: "total_cost@1.0.0", capability: "total_cost", version: "1.0.0" };
    expect(packageProblem({ ...claim, package: signed as unknown as Record<string, unknown> })).toBeNull();
    expect(packageProblem({ ...claim, package: { ...signed, code: swappedCode } as unknown as Record<string, unknown> })).toMatch(/lone surrogate/);
  });

  it("cannot be packed, and is not a well-formed draft", async () => {
    expect(() => pack({ code: swappedCode })).toThrow(expect.objectContaining({ code: "invalid_package", message: expect.stringContaining("lone surrogate at index") }));
    const draft = { gapId: "g1", draftId: "d1", capability: "total_cost", version: "1.0.0", code: swappedCode, backend: "example", model: null, size: 1, candidates: 1, elapsedMs: 1 };
    await expect(capsmith.log.append([{ type: "PluginDrafted", subject: subjectFor("gap", "g1"), actor: "synthesizer", data: draft } as NewEvent])).rejects.toMatchObject({ code: "invalid_event", details: { path: "event 0.data.code" } });
    await expect(capsmith.log.append([{ type: "PluginDrafted", subject: subjectFor("gap", "g1"), actor: "synthesizer", data: { ...draft, code: signedCode } } as NewEvent])).resolves.toBeDefined();
  });

  it("in a hostile plugin's error cannot leave its install open: the failed health check is recorded and rolled back", async () => {
    // Its own lone surrogate, and one the 2,000-character clip makes by cutting an emoji's pair in two.
    const own = 'export default function () { throw new Error("bad " + String.fromCharCode(0xd800)); }\n';
    const cut = 'export default function () { throw new Error("x".repeat(1999) + "\\u{1F600}"); }\n';
    for (const [version, code] of [["1.0.0", own], ["1.0.1", cut]] as const) {
      const outcome = await capsmith.runtime.hub.install(pack({ code, manifest: { version } }), { source: "test" });
      expect(outcome).toMatchObject({ ok: false, failure: { code: "health_check_failed", message: expect.stringContaining("[plugin_error]") } });
    }
    const outcomes = Object.values((await capsmith.runtime.hub.transactions()).transactions).map((t) => t.outcome);
    expect(outcomes).toEqual(["rolled_back", "rolled_back"]);
  });
});
