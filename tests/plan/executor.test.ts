import { describe, expect, it } from "vitest";
import { PlanError, executePlan } from "../../src/agents/plan/index.ts";
import type { PlanRunEvent, StepFailedEvent } from "../../src/agents/plan/index.ts";
import { controlledInvoke, plan, recorder, settle, tableInvoke } from "./support.ts";

const ok = (output: unknown) => ({ ok: true as const, output });
const fail = (code: string, message = "boom") => ({ ok: false as const, code, message });

describe("executePlan scheduling", () => {
  it("starts independent steps together and a dependent step only after its dependency finishes", async () => {
    const p = plan(
      [
        { id: "a", capability: "cap_a", input: {} },
        { id: "b", capability: "cap_b", input: {} },
        { id: "c", capability: "cap_c", input: { v: "$steps.a" } },
      ],
      { a: "$steps.a", b: "$steps.b", c: "$steps.c" },
    );
    const ctl = controlledInvoke();
    const rec = recorder();
    const run = executePlan(p, {}, { invoke: ctl.invoke, onEvent: rec.onEvent });
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["a", "b"]);
    expect(rec.log).toEqual(["started:a", "started:b"]);

    ctl.call("b").resolve(ok(2));
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["a", "b"]); // c still waits for a

    ctl.call("a").resolve(ok(1));
    await settle();
    expect(ctl.call("c").step.input).toEqual({ v: 1 });
    ctl.call("c").resolve(ok(3));
    expect(await run).toEqual({ ok: true, output: { a: 1, b: 2, c: 3 }, steps: { a: 1, b: 2, c: 3 } });
    expect(rec.log).toEqual(["started:a", "started:b", "finished:b", "finished:a", "started:c", "finished:c", "run:ok"]);
  });

  it("waits for steps referenced in when and forEach too, even when they come later in the plan", async () => {
    const p = plan([
      { id: "each", capability: "cap", input: { v: "$item" }, forEach: "$steps.list" },
      { id: "gate", capability: "cap", input: {}, when: "$steps.flag" },
      { id: "list", capability: "cap", input: {} },
      { id: "flag", capability: "cap", input: {} },
    ]);
    const ctl = controlledInvoke();
    const run = executePlan(p, {}, { invoke: ctl.invoke });
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["list", "flag"]);
    ctl.call("flag").resolve(ok(true));
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["list", "flag", "gate"]);
    ctl.call("list").resolve(ok(["x"]));
    await settle();
    expect(ctl.call("each[0]").step.input).toEqual({ v: "x" });
    ctl.call("each[0]").resolve(ok(1));
    ctl.call("gate").resolve(ok(2));
    expect((await run).ok).toBe(true);
  });

  it("never has more invocations in flight than concurrency", async () => {
    const p = plan([
      { id: "a", capability: "cap", input: {} },
      { id: "b", capability: "cap", input: {} },
      { id: "many", capability: "cap", input: "$item", forEach: "$input.list" },
    ], "$steps.many");
    const ctl = controlledInvoke();
    const run = executePlan(p, { list: [0, 1, 2, 3, 4] }, { invoke: ctl.invoke, concurrency: 2 });
    const done = new Set<string>();
    for (let round = 0; round < 7; round++) {
      await settle();
      const pending = ctl.calls.filter((c) => !done.has(c.step.path));
      expect(pending.length).toBeLessThanOrEqual(2);
      expect(pending.length).toBeGreaterThan(0);
      const next = pending[0]!;
      done.add(next.step.path);
      next.resolve(ok(next.step.input));
    }
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["a", "b", "many[0]", "many[1]", "many[2]", "many[3]", "many[4]"]);
    expect(await run).toMatchObject({ ok: true, output: [0, 1, 2, 3, 4] });
  });

  it("defaults to four invocations in flight and rejects a bad concurrency", async () => {
    const p = plan([{ id: "many", capability: "cap", input: "$item", forEach: "$input.list" }]);
    const ctl = controlledInvoke();
    const run = executePlan(p, { list: [0, 1, 2, 3, 4, 5] }, { invoke: ctl.invoke });
    await settle();
    expect(ctl.calls).toHaveLength(4);
    for (let i = 0; i < 6; i++) {
      await settle();
      ctl.calls[i]!.resolve(ok(i));
    }
    expect((await run).ok).toBe(true);
    await expect(executePlan(p, {}, { invoke: ctl.invoke, concurrency: 0 })).rejects.toMatchObject({ code: "invalid_options" });
  });
});

describe("when", () => {
  it("skips a step whose when is falsy or missing; dependents see null", async () => {
    const p = plan(
      [
        { id: "off", capability: "cap", input: {}, when: "$input.flag" },
        { id: "absent", capability: "cap", input: {}, when: "$input.notThere.deep" },
        { id: "on", capability: "cap", input: {}, when: "$input.go" },
        { id: "after", capability: "echo", input: { off: "$steps.off", total: "$steps.off.total" } },
      ],
      { off: "$steps.off", absent: "$steps.absent", on: "$steps.on", after: "$steps.after" },
    );
    const rec = recorder();
    const result = await executePlan(p, { flag: false, go: 1 }, { invoke: tableInvoke({ cap: () => "ran", echo: (i) => i }), onEvent: rec.onEvent });
    expect(result).toEqual({
      ok: true,
      output: { off: null, absent: null, on: "ran", after: { off: null, total: null } },
      steps: { off: null, absent: null, on: "ran", after: { off: null, total: null } },
    });
    expect(rec.log.filter((l) => l.startsWith("skipped"))).toEqual(["skipped:off", "skipped:absent"]);
    expect(rec.events.find((e) => e.type === "step_skipped")).toMatchObject({ reason: "when_false", capability: "cap", stepId: "off" });
  });
});

describe("forEach", () => {
  it("invokes once per element in parallel and keeps the order under out-of-order completion", async () => {
    const p = plan([{ id: "enrich", capability: "lookup", input: { name: "$item.name", n: 1 }, forEach: "$input.people" }], "$steps.enrich");
    const ctl = controlledInvoke();
    const rec = recorder();
    const run = executePlan(p, { people: [{ name: "a" }, { name: "b" }, { name: "c" }] }, { invoke: ctl.invoke, onEvent: rec.onEvent });
    await settle();
    expect(ctl.calls.map((c) => [c.step.path, c.step.input])).toEqual([
      ["enrich[0]", { name: "a", n: 1 }],
      ["enrich[1]", { name: "b", n: 1 }],
      ["enrich[2]", { name: "c", n: 1 }],
    ]);
    expect(new Set(ctl.calls.map((c) => c.step.stepKey)).size).toBe(3);
    ctl.call("enrich[2]").resolve(ok("C"));
    await settle();
    ctl.call("enrich[0]").resolve(ok("A"));
    await settle();
    ctl.call("enrich[1]").resolve(ok("B"));
    expect(await run).toMatchObject({ ok: true, output: ["A", "B", "C"] });
    expect(rec.log).toEqual(["started:enrich", "started:enrich[0]", "started:enrich[1]", "started:enrich[2]", "finished:enrich[2]", "finished:enrich[0]", "finished:enrich[1]", "finished:enrich", "run:ok"]);
    expect(rec.events[0]).toMatchObject({ type: "step_started", path: "enrich", items: 3 });
  });

  it("gives [] for an empty list and fails the run with foreach_not_list for a non-list", async () => {
    const p = plan([{ id: "each", capability: "cap", input: "$item", forEach: "$input.list" }], "$steps.each");
    expect(await executePlan(p, { list: [] }, { invoke: tableInvoke({}) })).toMatchObject({ ok: true, output: [] });
    const result = await executePlan(p, { list: { a: 1 } }, { invoke: tableInvoke({}) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("foreach_not_list");
      expect(result.error.details).toMatchObject({ stepId: "each", capability: "cap", reference: "$input.list" });
    }
  });
});

describe("onError", () => {
  it("continue: the failed step's output is null and the run goes on", async () => {
    const p = plan(
      [
        { id: "flaky", capability: "broken", input: {}, onError: "continue" },
        { id: "next", capability: "echo", input: { got: "$steps.flaky" } },
      ],
      { flaky: "$steps.flaky", next: "$steps.next" },
    );
    const rec = recorder();
    const result = await executePlan(p, {}, { invoke: tableInvoke({ echo: (i) => i }), onEvent: rec.onEvent });
    expect(result).toMatchObject({ ok: true, output: { flaky: null, next: { got: null } } });
    const failed = rec.events.find((e) => e.type === "step_failed") as StepFailedEvent;
    expect(failed).toMatchObject({ stepId: "flaky", code: "capability_not_found", handled: "continue" });
  });

  it("continue on a forEach step applies per element", async () => {
    const p = plan([{ id: "each", capability: "half", input: "$item", forEach: "$input.list", onError: "continue" }], "$steps.each");
    const invoke = tableInvoke({ half: (n) => {
      if ((n as number) % 2) throw new Error("odd");
      return (n as number) / 2;
    } });
    expect(await executePlan(p, { list: [2, 3, 4] }, { invoke })).toMatchObject({ ok: true, output: [1, null, 2] });
  });

  it("fallback: runs in the failed step's place, its output becomes the step's output, and never runs on its own", async () => {
    const p = plan(
      [
        { id: "primary", capability: "broken", input: {}, onError: "backup" },
        { id: "fine", capability: "echo", input: { v: 1 }, onError: "backup" },
        { id: "backup", capability: "echo", input: { from: "backup", x: "$input.x" } },
        { id: "after", capability: "echo", input: { p: "$steps.primary" } },
      ],
      { primary: "$steps.primary", fine: "$steps.fine", after: "$steps.after" },
    );
    const rec = recorder();
    const calls: string[] = [];
    const echo = tableInvoke({ echo: (i) => i });
    const result = await executePlan(p, { x: 9 }, { invoke: (s, sig) => (calls.push(s.path), echo(s, sig)), onEvent: rec.onEvent });
    expect(result).toEqual({
      ok: true,
      output: { primary: { from: "backup", x: 9 }, fine: { v: 1 }, after: { p: { from: "backup", x: 9 } } },
      steps: { primary: { from: "backup", x: 9 }, fine: { v: 1 }, after: { p: { from: "backup", x: 9 } } },
    });
    expect(calls).toEqual(["primary", "fine", "primary/backup", "after"]);
    expect(rec.events.find((e) => e.type === "step_failed")).toMatchObject({ path: "primary", handled: "fallback", fallback: "backup" });
    expect(rec.events.find((e) => e.type === "step_started" && e.path === "primary/backup")).toMatchObject({ stepId: "backup", capability: "echo" });
  });

  it("fallback waits for the steps it references only once it is needed", async () => {
    const p = plan(
      [
        { id: "slow", capability: "cap", input: {} },
        { id: "primary", capability: "cap", input: {}, onError: "backup" },
        { id: "backup", capability: "cap", input: { s: "$steps.slow" } },
      ],
      "$steps.primary",
    );
    const ctl = controlledInvoke();
    const run = executePlan(p, {}, { invoke: ctl.invoke });
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["slow", "primary"]); // primary did not wait for slow
    ctl.call("primary").resolve(fail("nope"));
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["slow", "primary"]); // backup waits for slow
    ctl.call("slow").resolve(ok("S"));
    await settle();
    expect(ctl.call("primary/backup").step.input).toEqual({ s: "S" });
    ctl.call("primary/backup").resolve(ok("B"));
    expect(await run).toMatchObject({ ok: true, output: "B" });
  });

  it("fallback of a forEach step runs per failed element with that element as $item", async () => {
    const p = plan(
      [
        { id: "each", capability: "strict", input: "$item", forEach: "$input.list", onError: "loose" },
        { id: "loose", capability: "echo", input: { fixed: "$item" } },
      ],
      "$steps.each",
    );
    const calls: string[] = [];
    const table = tableInvoke({ strict: (n) => {
      if (n === "bad") throw new Error("bad");
      return n;
    }, echo: (i) => i });
    const result = await executePlan(p, { list: ["a", "bad", "c"] }, { invoke: (s, sig) => (calls.push(s.path), table(s, sig)) });
    expect(result).toMatchObject({ ok: true, output: ["a", { fixed: "bad" }, "c"] });
    expect(calls).toEqual(["each[0]", "each[1]", "each[2]", "each[1]/loose"]);
  });

  it("a failing fallback without onError fails the run, naming the fallback and where it stood in", async () => {
    const p = plan([{ id: "primary", capability: "broken", input: {}, onError: "backup" }, { id: "backup", capability: "also_broken", input: {} }]);
    const result = await executePlan(p, {}, { invoke: tableInvoke({}) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("step_failed");
      expect(result.error.message).toBe('step "backup" at primary/backup (capability also_broken) failed: capability_not_found: no plugin for also_broken');
    }
  });
});

describe("failures", () => {
  it("a failing step without onError fails the run, names step and capability, starts nothing new and aborts what is in flight", async () => {
    const p = plan(
      [
        { id: "busy", capability: "slow", input: {} },
        { id: "cost", capability: "total_cost", input: {} },
        { id: "later", capability: "x_y", input: { c: "$steps.cost" } },
        { id: "queued", capability: "x_y", input: {} },
      ],
    );
    const ctl = controlledInvoke();
    const rec = recorder();
    let settled = false;
    const run = executePlan(p, {}, { invoke: ctl.invoke, onEvent: rec.onEvent, concurrency: 2 }).then((r) => ((settled = true), r));
    await settle();
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["busy", "cost"]);
    ctl.call("cost").resolve({ ok: false, code: "synthesis_failed", message: "no candidate passed the tests", retryable: true });
    await settle();
    expect(ctl.call("busy").signal.aborted).toBe(true);
    expect(settled).toBe(false); // waits for the in-flight invocation to settle
    ctl.call("busy").resolve(fail("aborted", "stopped"));
    const result = await run;
    expect(ctl.calls.map((c) => c.step.path)).toEqual(["busy", "cost"]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(PlanError);
    expect(result.error.code).toBe("step_failed");
    expect(result.error.retryable).toBe(true);
    expect(result.error.message).toBe('step "cost" (capability total_cost) failed: synthesis_failed: no candidate passed the tests');
    expect(result.error.details).toMatchObject({ stepId: "cost", capability: "total_cost", cause: { code: "synthesis_failed" } });
    expect(rec.log).toEqual(["started:busy", "started:cost", "failed:cost:fatal", "failed:busy:cancelled", "run:failed"]);
    expect(rec.events.at(-1)).toMatchObject({ type: "run_finished", ok: false, error: { code: "step_failed" } });
  });

  it("an element failing in a forEach without onError fails the run", async () => {
    const p = plan([{ id: "each", capability: "half", input: "$item", forEach: "$input.list" }]);
    const rec = recorder();
    const result = await executePlan(p, { list: [1, 2] }, { invoke: tableInvoke({ half: (n) => {
      if (n === 2) throw new Error("even");
      return n;
    } }), onEvent: rec.onEvent, concurrency: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('step "each" at each[1] (capability half) failed: plugin_error: even');
    expect(rec.log).toEqual(["started:each", "started:each[0]", "finished:each[0]", "started:each[1]", "failed:each[1]:fatal", "failed:each:fatal", "run:failed"]);
  });

  it("an invoke that rejects is a step failure with the error's code", async () => {
    const p = plan([{ id: "a", capability: "cap", input: {}, onError: "continue" }, { id: "b", capability: "cap", input: {} }]);
    const result = await executePlan(p, {}, { invoke: async (s) => {
      if (s.id === "a") throw new Error("kaput");
      throw Object.assign(new Error("typed"), { code: "sandbox_crashed" });
    } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toMatchObject({ stepId: "b", cause: { code: "sandbox_crashed", message: "typed" } });
  });

  it("an unresolved reference in a step's input fails the run with reference_unresolved naming the step", async () => {
    const p = plan([{ id: "a", capability: "cap", input: { v: "$input.items.3" } }]);
    const result = await executePlan(p, { items: [] }, { invoke: tableInvoke({ cap: () => 1 }) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("reference_unresolved");
    expect(result.error.message).toMatch(/reference "\$input.items.3" in step "a" \(input\) did not resolve/);
    expect(result.error.details).toMatchObject({ stepId: "a", capability: "cap", reference: "$input.items.3" });
  });

  it("an unresolved reference in the plan output fails the run", async () => {
    const p = plan([{ id: "a", capability: "cap", input: {} }], { v: "$steps.a.missing" });
    const result = await executePlan(p, {}, { invoke: tableInvoke({ cap: () => ({}) }) });
    expect(result).toMatchObject({ ok: false, steps: { a: {} } });
    if (!result.ok) expect(result.error.message).toMatch(/in the plan output did not resolve: \$steps.a has no key "missing"/);
  });

  it("the caller's abort signal stops the run with run_aborted", async () => {
    const p = plan([{ id: "a", capability: "cap", input: {} }, { id: "b", capability: "cap", input: { a: "$steps.a" } }]);
    const ctl = controlledInvoke();
    const abort = new AbortController();
    const run = executePlan(p, {}, { invoke: ctl.invoke, signal: abort.signal });
    await settle();
    abort.abort();
    expect(ctl.call("a").signal.aborted).toBe(true);
    ctl.call("a").resolve(ok(1));
    const result = await run;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("run_aborted");
    expect(ctl.calls).toHaveLength(1);
    const already = await executePlan(p, {}, { invoke: ctl.invoke, signal: AbortSignal.abort() });
    expect(already.ok).toBe(false);
  });

  it("an onEvent that throws stops the run with event_handler_failed", async () => {
    const p = plan([{ id: "a", capability: "cap", input: {} }, { id: "b", capability: "cap", input: { a: "$steps.a" } }]);
    const result = await executePlan(p, {}, { invoke: tableInvoke({ cap: () => 1 }), onEvent: (e) => {
      if (e.type === "step_finished") throw new Error("ui broke");
    } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("event_handler_failed");
  });
});

describe("determinism", () => {
  it("the same invoke results give the same outputs, step keys and events", async () => {
    const p = plan(
      [
        { id: "a", capability: "cap", input: { n: "$input.n" } },
        { id: "b", capability: "cap", input: "$item", forEach: "$input.list", onError: "continue" },
        { id: "c", capability: "cap", input: { a: "$steps.a", b: "$steps.b" }, when: "$steps.a" },
      ],
      { c: "$steps.c" },
    );
    const runOnce = async (): Promise<PlanRunEvent[]> => {
      const rec = recorder();
      await executePlan(p, { n: 1, list: [1, 2, 3] }, { invoke: tableInvoke({ cap: (i) => {
        if (i === 2) throw new Error("two");
        return i;
      } }), onEvent: rec.onEvent });
      return rec.events;
    };
    const first = await runOnce();
    expect(await runOnce()).toEqual(first);
    expect(first.at(-1)).toEqual({ type: "run_finished", ok: true, output: { c: { a: { n: 1 }, b: [1, null, 3] } } });
  });
});
