/**
 * Contract attacks, round 2: each test is an attack on a promise in docs/compatibility.md — that
 * `serves`/`requiredBump` are sound (a claimed "compatible" is a proof, checked here against the
 * validator itself), that every edge validates input before plugin code runs, that ranges resolve
 * the newest eligible version, and that host.invoke honours the caller's declared range.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSchema, requiredBump, serves } from "../../src/spec/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";
import { guardedUninstall, resolveCapability } from "../../src/hub/index.ts";
import { packageOf, totalCost, wcDouble, wordCount } from "./packages.ts";

/** The validator's own verdict (what the invoker enforces). */
const valid = (schema: unknown, value: unknown) => compileSchema(schema).issues(value).length === 0;

describe("serves and requiredBump stay sound at the edges of floating point", () => {
  // Integers past 2^53 are spaced by 2 or more: `exclusiveMaximum: 2^54` rounded "inward" by
  // subtracting 1 lands back on 2^54 (ties to even), and the bound silently became inclusive.
  const big = 2 ** 54;

  it("does not let an integer exclusiveMaximum of 2^54 accept 2^54", () => {
    const plugin = { outputSchema: { type: "integer", maximum: big } };
    const request = { outputSchema: { type: "integer", exclusiveMaximum: big } };
    expect(valid(plugin.outputSchema, big)).toBe(true);
    expect(valid(request.outputSchema, big)).toBe(false);
    expect(serves(plugin, request).ok).toBe(false);
  });

  it("does not let an integer exclusiveMinimum of -2^54 accept -2^54 (inputs)", () => {
    const request = { inputSchema: { type: "integer", minimum: -big } };
    const plugin = { inputSchema: { type: "integer", exclusiveMinimum: -big } };
    expect(valid(request.inputSchema, -big)).toBe(true);
    expect(valid(plugin.inputSchema, -big)).toBe(false);
    expect(serves(plugin, request).ok).toBe(false);
  });

  it("asks for a major when the output's exclusive bound past 2^53 becomes inclusive", () => {
    const previous = { outputSchema: { type: "integer", exclusiveMaximum: big } };
    const next = { outputSchema: { type: "integer", maximum: big } };
    expect(requiredBump(previous, next).bump).toBe("major");
  });

  it("still rounds exclusive integer bounds inward where that is exact", () => {
    expect(serves({ outputSchema: { type: "integer", maximum: 9 } }, { outputSchema: { type: "integer", exclusiveMaximum: 10 } }).ok).toBe(true);
    expect(serves({ outputSchema: { type: "integer", exclusiveMinimum: -10 } }, { outputSchema: { type: "integer", minimum: -9 } }).ok).toBe(true);
  });
});

describe("multipleOf implied by a larger multiple is only proven where division is exact", () => {
  // 12467066984761808 / 21 rounds to an integer, so ajv's float test accepts it as a multiple of 21;
  // / 3 does not. The bounds were "small" by the quotient (hi / 3 is a safe integer) but the value
  // itself is past 2^53, where a float quotient can round onto an integer.
  const v = 12467066984761808;

  it("does not claim multipleOf 21 within multipleOf 3 when values pass 2^53", () => {
    const request = { inputSchema: { type: "number", multipleOf: 21, minimum: 0, maximum: 1.3e16 } };
    const plugin = { inputSchema: { type: "number", multipleOf: 3 } };
    expect(valid(request.inputSchema, v)).toBe(true);
    expect(valid(plugin.inputSchema, v)).toBe(false);
    expect(serves(plugin, request).ok).toBe(false);
  });

  it("still proves it below 2^53 for integers", () => {
    expect(serves({ inputSchema: { type: "number", multipleOf: 3 } }, { inputSchema: { type: "integer", multipleOf: 21, minimum: 0, maximum: Number.MAX_SAFE_INTEGER } }).ok).toBe(true);
  });

  it("does not prove it for numbers that may be fractions: a tiny one's quotient by 21 underflows to 0", () => {
    // 5e-323 / 21 rounds to 0, an integer, so ajv takes it as a multiple of 21; 5e-323 / 3 does not round to 0.
    const request = { inputSchema: { type: "number", multipleOf: 21, minimum: 0, maximum: Number.MAX_SAFE_INTEGER } };
    const plugin = { inputSchema: { type: "number", multipleOf: 3 } };
    expect(valid(request.inputSchema, 5e-323)).toBe(true);
    expect(valid(plugin.inputSchema, 5e-323)).toBe(false);
    expect(serves(plugin, request).ok).toBe(false);
  });
});

describe("a schema the validator cannot use never lets a call through unchecked", () => {
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
  }, 60_000);
  afterAll(() => capsmith?.dispose());

  // Reports the type of `s` it was given: proof of what plugin code saw.
  const typeOfS = "export default (i) => typeof i.s;\n";
  // A lookaround pattern is past the validator's limits (schema_unsupported): before the fix the hub
  // installed it, and the invoker skipped validation, so `{"s": 5}` reached a plugin that declared strings.
  const lookaround = { type: "object", properties: { s: { type: "string", pattern: "(?=a)a" } }, required: ["s"] };

  it("refuses to install a plugin whose input schema is past the validator's limits (schema_unsupported)", async () => {
    const outcome = await capsmith.runtime.hub.install(packageOf({ capability: "look", code: typeOfS, inputSchema: lookaround, outputSchema: { type: "string" }, examples: [{ input: { s: "a" }, output: "string" }] }), { source: "test" });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).toContain("schema_unsupported");
    expect((await capsmith.runtime.hub.state()).capabilities["look"]?.active ?? null).toBeNull();
  }, 60_000);

  it("refuses to install a plugin whose output schema is not JSON Schema (schema_invalid)", async () => {
    const outcome = await capsmith.runtime.hub.install(packageOf({ capability: "badout", code: "export default (i) => (i.n === 1 ? 1 : \"many\");\n", inputSchema: { type: "object" }, outputSchema: { type: "number", minimum: "zero" }, examples: [{ input: { n: 1 }, output: 1 }] }), { source: "test" });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).toContain("schema_invalid");
  }, 60_000);

  it("fails a call closed, without running plugin code, when an installed plugin's schema cannot be used", async () => {
    // A plugin installed before a limit existed: the same record with a schema now past the limits.
    const code = typeOfS;
    expect((await capsmith.runtime.hub.install(packageOf({ capability: "typer", code, inputSchema: { type: "object", properties: { s: { type: "string" } }, required: ["s"] }, outputSchema: { type: "string" }, examples: [{ input: { s: "a" }, output: "string" }] }), { source: "test" })).ok).toBe(true);
    const installed = capsmith.runtime.invoker.resolve(await capsmith.runtime.hub.state(), "typer")!;
    const legacyIn = { ...installed, spec: { ...installed.spec, inputSchema: lookaround } };
    const inResult = await capsmith.runtime.invoker.invoke(legacyIn, { s: 5 });
    expect(inResult.ok).toBe(false);
    expect(inResult.output).toBeUndefined();
    expect(inResult.error?.code).toBe("schema_unsupported");
    const legacyOut = { ...installed, spec: { ...installed.spec, outputSchema: { type: "number", minimum: "zero" } } };
    const outResult = await capsmith.runtime.invoker.invoke(legacyOut, { s: "a" });
    expect(outResult).toMatchObject({ ok: false, error: { code: "schema_invalid" } });
    // The well-formed record still works.
    expect(await invokeCapability(capsmith.runtime, "typer", { s: "a" })).toMatchObject({ ok: true, output: "string" });
  }, 60_000);
});

describe("a number JSON cannot carry never passes as a number", () => {
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
    // Tells what plugin code saw in `n`.
    const seer = packageOf({ capability: "seer", code: "export default (i) => (i.n === null ? \"null\" : typeof i.n);\n", inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] }, outputSchema: { type: "string" }, examples: [{ input: { n: 1 }, output: "number" }] });
    expect((await capsmith.runtime.hub.install(seer, { source: "test" })).ok).toBe(true);
  }, 60_000);
  afterAll(() => capsmith?.dispose());

  // `--input '{"n": 1e400}'` (CLI), an HTTP body or a plan input: JSON.parse makes it Infinity. ajv
  // with strict: false had strictNumbers off, so Infinity passed `type: number`, and the plugin got
  // `n: null` — a value its own schema refuses.
  it("refuses {\"n\": 1e400} as input_invalid at /n; the plugin never sees null", async () => {
    const result = await invokeCapability(capsmith.runtime, "seer", JSON.parse("{\"n\": 1e400}"));
    expect(result).toMatchObject({ ok: false, rejected: true, error: { code: "input_invalid" } });
    expect((result.error!.details!["issues"] as { pointer: string }[])[0]!.pointer).toBe("/n");
    expect(result.output).toBeUndefined();
  }, 60_000);

  it("refuses NaN and -Infinity even where the schema says nothing about numbers", () => {
    expect(valid({ type: "number" }, NaN)).toBe(false);
    expect(valid({ type: "integer" }, -Infinity)).toBe(false);
    expect(valid({ not: { type: "null" } }, Infinity)).toBe(false);
    expect(compileSchema(true).issues({ a: [1, Infinity] })[0]).toMatchObject({ pointer: "/a/1", keyword: "type" });
    expect(valid({ type: "number" }, 1e308)).toBe(true);
  });
});

describe("capsmith plugin uninstall keeps dependents' ranges", () => {
  // Uninstalling the active version activates the next good one: a version becoming active like any
  // rollback. It skipped the dependents check, so word_count@1.0.0 came back under wc2_user, which
  // declares ^2.0.0, with no refusal and no T0 — wc2_user's host.invoke then found no version at all.
  let work: string;
  let data: string;
  const cli = (...args: string[]) => runCli(["--data", data, "--json", ...args], { timeoutMs: 120_000 });
  const wc2User = packageOf({
    capability: "wc2_user",
    code: "export default async (i, host) => String(await host.invoke(\"word_count\", { text: i.text })).length;\n",
    inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }, outputSchema: { type: "integer" },
    examples: [{ input: { text: "a b" }, output: 1 }], dependencies: { word_count: "^2.0.0" },
  });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "capsmith-attack-uninstall-"));
    data = join(work, "data");
    for (const [name, pkg] of [["wc1.json", wordCount("1.0.0")], ["wc2.json", wordCount("2.0.0")], ["user.json", wc2User]] as const) {
      const path = join(work, name);
      await writeFile(path, JSON.stringify(pkg));
      expect((await cli("plugin", "install", path)).json()).toMatchObject({ ok: true });
    }
  }, 600_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("refuses to uninstall the active version when its successor breaks a dependent (dependents_broken)", async () => {
    const run = await cli("plugin", "uninstall", "word_count@2.0.0");
    expect(run.code).not.toBe(0);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "dependents_broken", message: expect.stringContaining("wc2_user@1.0.0") } });
    expect((await cli("invoke", "wc2_user", "--input", "{\"text\":\"a b\"}")).json()).toMatchObject({ ok: true, output: 1 });
  }, 300_000);

  it("uninstalls it with --force, and the dependent goes to T0", async () => {
    const run = await cli("plugin", "uninstall", "word_count@2.0.0", "--force");
    expect(run.json()).toMatchObject({ ok: true, restored: "word_count@1.0.0", demoted: ["wc2_user@1.0.0"] });
    const shown = await cli("plugin", "show", "wc2_user@1.0.0");
    expect(JSON.stringify(shown.json())).toMatch(/"tier":"T0"/);
  }, 300_000);
});

describe("uninstalling an inactive version keeps dependents' ranges", () => {
  // wc_double (^1.0.0) keeps calling word_count@1.0.0 after 2.0.0 becomes active (docs: "as long as a
  // 1.x version is still eligible"). Uninstalling 1.0.0 — not the active version, so nothing was
  // checked — left wc_double with no version in its range.
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
    for (const pkg of [wordCount("1.0.0"), wcDouble(), wordCount("2.0.0")]) expect((await capsmith.runtime.hub.install(pkg, { source: "test" })).ok).toBe(true);
  }, 60_000);
  afterAll(() => capsmith?.dispose());

  it("refuses to take away the last eligible version a dependent's range admits, and --force sends it to T0", async () => {
    const hub = capsmith.runtime.hub;
    expect(await invokeCapability(capsmith.runtime, "wc_double", { text: "a b" })).toMatchObject({ ok: true, output: 4 });
    await expect(guardedUninstall(hub, "word_count@1.0.0")).rejects.toMatchObject({ code: "dependents_broken", message: expect.stringContaining("wc_double@1.0.0 (needs word_count ^1.0.0)") });
    expect((await hub.state()).plugins["word_count@1.0.0"]!.status).not.toBe("uninstalled");
    expect(resolveCapability(await hub.state(), { capability: "word_count", range: "^1.0.0" })).toMatchObject({ ok: true });
    const forced = await guardedUninstall(hub, "word_count@1.0.0", { force: true });
    expect(forced.demoted).toEqual(["wc_double@1.0.0"]);
    expect((await hub.state()).plugins["wc_double@1.0.0"]!.tier).toBe("T0");
  }, 60_000);

  it("lets an uninstall through that leaves every dependent a version", async () => {
    expect((await capsmith.runtime.hub.install(wordCount("2.1.0"), { source: "test" })).ok).toBe(true);
    const done = await guardedUninstall(capsmith.runtime.hub, "word_count@2.0.0");
    expect(done).toMatchObject({ wasActive: false });
    expect(done.demoted).toBeUndefined();
  }, 60_000);
});

describe("a version rolled back from is never resolved by a range that admits only it", () => {
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
  }, 60_000);
  afterAll(() => capsmith?.dispose());

  it("word_count 1.0.0 → 1.1.0 → rollback → 1.2.0: ~1.1.0 finds nothing, ^1.0.0 finds the active 1.2.0", async () => {
    const hub = capsmith.runtime.hub;
    for (const v of ["1.0.0", "1.1.0"]) expect((await hub.install(wordCount(v), { source: "test" })).ok).toBe(true);
    expect((await hub.switchTo("word_count", { kind: "rollback" })).ok).toBe(true);
    expect((await hub.install(wordCount("1.2.0"), { source: "test" })).ok).toBe(true);
    const state = await hub.state();
    const only11 = resolveCapability(state, { capability: "word_count", range: "~1.1.0" });
    expect(only11.ok).toBe(false);
    expect(only11.candidates.find((c) => c.pluginId === "word_count@1.1.0")).toMatchObject({ rejected: "not_eligible", reasons: "rolled back from" });
    expect(resolveCapability(state, { capability: "word_count", range: "^1.0.0" })).toMatchObject({ ok: true, plugin: { id: "word_count@1.2.0" } });
    // The uninstall fallback skips it too.
    const done = await guardedUninstall(hub, "word_count@1.2.0");
    expect(done.restored).toBe("word_count@1.0.0");
  }, 60_000);
});

describe("a nested call's refused input is the calling plugin's fault, not the outer caller's", () => {
  let capsmith: TestCapsmith;
  beforeAll(async () => {
    capsmith = await openTestCapsmith();
    expect((await capsmith.runtime.hub.install(totalCost(), { source: "test" })).ok).toBe(true);
    // Sends total_cost a string for `items` unless n is 0, and does not catch the refusal.
    const sloppy = packageOf({ capability: "sloppy", code: "export default async (i, host) => host.invoke(\"total_cost\", { items: i.n === 0 ? [] : \"bad\" });\n", inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] }, outputSchema: { type: "number" }, examples: [{ input: { n: 0 }, output: 0 }], dependencies: { total_cost: "^1.0.0" } });
    expect((await capsmith.runtime.hub.install(sloppy, { source: "test" })).ok).toBe(true);
  }, 60_000);
  afterAll(() => capsmith?.dispose());

  it("fails the outer call as the plugin's error (not input_invalid, not rejected), and records the inner refusal as CallRejected", async () => {
    const result = await invokeCapability(capsmith.runtime, "sloppy", { n: 1 });
    expect(result.ok).toBe(false);
    expect(result.rejected).toBeUndefined();
    expect(result.error!.code).not.toBe("input_invalid");
    expect(result.error!.message).toContain("/items");
    const events: { type: string; ok: unknown }[] = [];
    for await (const e of capsmith.log.read("capsmith.evt.usage.total_cost")) events.push({ type: e.type, ok: (e.data as { ok?: unknown }).ok });
    expect(events.map((e) => e.type)).toContain("CallRejected");
    // total_cost ran only for sloppy's golden example (ok); the refused call is never its failure.
    expect(events.filter((e) => e.type === "PluginInvoked" && e.ok !== true)).toEqual([]);
  }, 60_000);
});
