/** The Ink UI with ink-testing-library: it renders what the session emits, and sends keys back. */
import React from "react";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import type { Session } from "../../src/repl/core/session.ts";
import type { ReplEvent } from "../../src/repl/core/types.ts";
import { App } from "../../src/repl/ui/App.ts";

function fakeSession(): Session & { emit(e: ReplEvent): void; submitted: string[]; interrupts: number } {
  let listener: ((e: ReplEvent) => void) | undefined;
  const fake = {
    id: "s1",
    submitted: [] as string[],
    interrupts: 0,
    emit: (e: ReplEvent) => listener?.(e),
    subscribe(l: (e: ReplEvent) => void) {
      listener = l;
      return () => (listener = undefined);
    },
    start: async () => undefined,
    submit: (line: string) => void fake.submitted.push(line),
    interrupt: () => void fake.interrupts++,
    complete: (line: string) => (line === "/ne" ? { line: "/need ", candidates: ["/need"] } : { line, candidates: [] }),
    history: () => ["/plugins", "/slo"],
    execute: async () => ({ type: "quit" as const }),
    close: async () => undefined,
    ended: new Promise<never>(() => undefined),
  };
  return fake;
}

const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits (generously) until the screen satisfies `test`; renders are asynchronous. */
async function until(frame: () => string | undefined, test: (s: string) => boolean): Promise<string> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    const s = frame() ?? "";
    if (test(s)) return s;
    await tick(20);
  }
  return frame() ?? "";
}

describe("the REPL screen", () => {
  it("shows the banner, what was typed, and each kind of result", async () => {
    const session = fakeSession();
    const { lastFrame, frames } = render(React.createElement(App, { session }));
    session.emit({ type: "started", sessionId: "s1", where: "/tmp/x", llm: false, backend: "auto" });
    session.emit({ type: "input", text: "/plugins", answer: false });
    session.emit({ type: "output", result: { type: "table", title: "Plugins:", columns: ["plugin", "tier"], rows: [["total_cost@1.0.0", "T1"]] } });
    session.emit({ type: "output", result: { type: "error", code: "not_found", message: "no such plugin", nextStep: "See /plugins." } });
    await until(() => frames.join("\n"), (f) => f.includes("next: See /plugins."));
    const all = frames.join("\n");
    expect(all).toContain("capsmith — agents that grow their own capabilities");
    expect(all).toContain("› /plugins");
    expect(all).toMatch(/total_cost@1\.0\.0\s+T1/);
    expect(all).toContain("✗ no such plugin [not_found]");
    expect(all).toContain("next: See /plugins.");
    expect(lastFrame()).toContain("›");
  });

  it("shows live agent lines with a spinner, then moves finished ones into the transcript", async () => {
    const session = fakeSession();
    const { lastFrame, frames } = render(React.createElement(App, { session }));
    session.emit({ type: "busy", label: "/need total_cost" });
    session.emit({ type: "activity", activity: { type: "install", key: "tx:1", text: "Installing total_cost 1.0.0 — phase 3/5 dependency-prepare", phase: 3, state: "working" } });
    await until(lastFrame, (f) => f.includes("phase 3/5"));
    expect(lastFrame()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Installing total_cost 1\.0\.0 — phase 3\/5 dependency-prepare/);
    expect(lastFrame()).toContain("(Ctrl-C cancels)");
    session.emit({ type: "activity", activity: { type: "install", key: "tx:1", text: "Installing total_cost 1.0.0 — done (5/5 phases)", phase: 5, state: "done" } });
    session.emit({ type: "activity", activity: { type: "outcome", key: "o", capability: "total_cost", outcome: "published", ok: true, text: "total_cost@1.0.0 published" } });
    session.emit({ type: "idle" });
    await until(lastFrame, (f) => !f.includes("phase 3/5"));
    expect(frames.join("\n")).toContain("✓ Installing total_cost 1.0.0 — done (5/5 phases)");
    expect(frames.join("\n")).toContain("● total_cost@1.0.0 published");
    expect(lastFrame()).not.toContain("phase 3/5");
  });

  it("sends lines, Tab completion, history and Ctrl-C to the session", async () => {
    const session = fakeSession();
    const { stdin, lastFrame } = render(React.createElement(App, { session }));
    await until(lastFrame, (f) => f.includes("›"));
    await tick(100); // the input handler attaches just after the first frame
    stdin.write("/ne");
    await until(lastFrame, (f) => f.includes("/ne"));
    stdin.write("\t");
    expect(await until(lastFrame, (f) => f.includes("› /need"))).toContain("› /need");
    stdin.write("total_cost\r");
    for (let i = 0; i < 250 && session.submitted.length === 0; i++) await tick(20);
    expect(session.submitted).toEqual(["/need total_cost"]);
    stdin.write("\u001B[A");
    expect(await until(lastFrame, (f) => f.includes("› /slo"))).toContain("› /slo");
    stdin.write("\u0003");
    for (let i = 0; i < 250 && session.interrupts === 0; i++) await tick(20);
    expect(session.interrupts).toBe(1);
  });

  it("asks a question in place of the prompt, and takes a suggested command into the input line", async () => {
    const session = fakeSession();
    const { lastFrame } = render(React.createElement(App, { session }));
    session.emit({ type: "question", question: { text: "Approve total_cost@1.0.0?", choices: ["y", "n", "d"] } });
    expect(await until(lastFrame, (f) => f.includes("? Approve total_cost@1.0.0? [y/n/d]"))).toContain("? Approve total_cost@1.0.0? [y/n/d]");
    session.emit({ type: "question_closed" });
    session.emit({ type: "suggest", text: '/invoke total_cost {"items":[]}' });
    await until(lastFrame, (f) => !f.includes("Approve") && f.includes("› /invoke"));
    expect(lastFrame()).not.toContain("Approve");
    expect(lastFrame()).toContain('› /invoke total_cost {"items":[]}');
  });
});

describe("the REPL screen at 80 columns", () => {
  it("lays /plugins out so no column wraps onto a line of its own", async () => {
    const session = fakeSession();
    const { lastFrame, stdout } = render(React.createElement(App, { session }));
    // ink-testing-library's terminal is 100 columns wide; make it 80, as a new user's is.
    Object.defineProperty(stdout, "columns", { get: () => 80 });
    stdout.emit("resize");
    const { plugins } = await import("../../src/repl/commands/plugins.ts");
    const hub = {
      capabilities: {}, pendingApprovals: {},
      plugins: Object.fromEntries(["total_cost@1.0.0", "within_budget@1.0.0", "milestone_labels_by_quarter@2.10.0"].map((id, i) => [id, {
        id, capability: id.split("@")[0]!, version: id.split("@")[1]!, status: "active", tier: "T1", profile: i === 2 ? "quality_gate" : "node",
        manifest: { provenance: { origin: "synthesized" } }, code: "", spec: {}, testReport: null, installedSeq: i, changedSeq: i, approvals: [], usage: { calls: 1234, failures: 1 },
      }])),
    };
    const ctx = { services: { hub: { state: async () => hub }, readModel: { state: async () => ({ gaps: { g1: { gapId: "0191aaaa-bbbb", status: "awaiting_approval", pluginId: "fetch_exchange_rates@1.0.0", capability: "fetch_exchange_rates" } } }) } } };
    const result = await plugins.run(ctx as never, "");
    session.emit({ type: "output", result });
    const screen = await until(lastFrame, (f) => f.includes("Waiting for you"));
    const lines = screen.split("\n").map((l) => l.replace(/\u001b\[[0-9;]*m/g, ""));
    const table = lines.filter((l) => /^\S+@\d/.test(l));
    expect(table).toHaveLength(4);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    // Each row keeps its id whole and its numbers on the same line; what gives way is cut visibly.
    expect(table.find((l) => l.startsWith("milestone_labels_by_quarter@2.10.0"))).toMatch(/active\s+T1\s+\S+\s+1234\s+1\b/);
    expect(table.find((l) => l.startsWith("fetch_exchange_rates@1.0.0"))).toMatch(/await…/);
  });
});
