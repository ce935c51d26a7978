import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { need, parseExample } from "./need.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"] })));
afterAll(() => h.close());

describe("/need", () => {
  it("reads examples written INPUT => OUTPUT", () => {
    expect(parseExample('{"n": 2} => 4')).toEqual({ input: { n: 2 }, output: 4 });
    expect(parseExample('{"s": "a"} -> "A"')).toEqual({ input: { s: "a" }, output: "A" });
    expect(parseExample("n=2 gives 4")).toBeUndefined();
  });

  it("asks for a description and examples, and the agents publish the capability", async () => {
    const ctx = h.ctx(["twice n", '{"n": 2} => 4', "not an example", '{"n": -3} => -6', '{"n": 0} => 0', ""]);
    const result = await need.run(ctx, "twice");
    expect(result).toMatchObject({ type: "prompt", text: expect.stringContaining("twice@1.0.0 published"), suggestion: '/invoke twice {"n":2}' });
    expect(ctx.asked[0]!.text).toContain("What should twice do?");
    expect(ctx.shown).toContainEqual(expect.objectContaining({ type: "message", text: expect.stringContaining("Not an example") }));
    const plugin = (await h.runtime.hub.state()).plugins["twice@1.0.0"]!;
    expect(plugin.spec).toMatchObject({ inputSchema: { type: "object", properties: { n: { type: "integer" } } }, outputSchema: { type: "integer" } });
    expect(await h.runtime.invoker.invoke(plugin, { n: 21 })).toMatchObject({ ok: true, output: 42 });
  });

  it("stops when the person cancels, and refuses bad names and -p", async () => {
    expect(await need.run(h.ctx(["x", null]), "halve")).toMatchObject({ type: "message", text: expect.stringContaining("Cancelled") });
    expect(await need.run(h.ctx(), "Bad-Name")).toMatchObject({ type: "error", code: "usage" });
    expect(await need.run(h.ctx([], { interactive: false }), "halve")).toMatchObject({ type: "error", code: "needs_person" });
  });
});
