/** The REPL core's pure parts: parsing, completion, activity lines, schemas, diffs, the editor. */
import { describe, expect, it } from "vitest";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { allCommands } from "../../src/repl/commands/index.ts";
import { createActivityTracker } from "../../src/repl/core/activity.ts";
import { complete } from "../../src/repl/core/completion.ts";
import { schemaOf } from "../../src/spec/index.ts";
import { lineDiff } from "../../src/repl/core/line-diff.ts";
import { extractJson, nameFromWords, withoutModel } from "../../src/repl/core/plain-words.ts";
import { parseLine } from "../../src/repl/core/registry.ts";
import { splitChunk } from "../../src/repl/ui/keys.ts";
import { edit, emptyEditor } from "../../src/repl/ui/line-editor.ts";

let seq = 0;
const ev = (type: string, data: Record<string, unknown>, subject = "capsmith.evt.gap.total_cost"): AnyStoredEvent =>
  ({ type, data, subject, seq: ++seq, id: `e${seq}`, time: "2026-01-01T00:00:00.000Z", actor: "x", correlationId: "c", causationId: null, schemaVersion: 1, prevHash: null, hash: "h" }) as unknown as AnyStoredEvent;

describe("parseLine", () => {
  it("tells commands, words and empty lines apart", () => {
    expect(parseLine("  /Invoke total_cost {\"a\": 1} ")).toEqual({ kind: "command", name: "invoke", args: 'total_cost {"a": 1}' });
    expect(parseLine("sum the prices")).toEqual({ kind: "words", name: "", args: "sum the prices" });
    expect(parseLine("   ")).toMatchObject({ kind: "empty" });
  });
  it("takes bare help, exit and quit for what they say, as a shell does", () => {
    expect(parseLine("help")).toEqual({ kind: "command", name: "help", args: "" });
    expect(parseLine(" Exit ")).toEqual({ kind: "command", name: "quit", args: "" });
    expect(parseLine("quit")).toEqual({ kind: "command", name: "quit", args: "" });
    // More words are a request, not a command.
    expect(parseLine("help me sum the prices")).toMatchObject({ kind: "words" });
    expect(parseLine("exit codes of a process")).toMatchObject({ kind: "words" });
  });
});

describe("completion", () => {
  const sources = { commands: allCommands, capabilities: ["total_cost", "total_tax"], pluginIds: ["total_cost@1.0.0"] };
  it("completes command names, then the argument each command expects", () => {
    expect(complete("/ne", sources)).toEqual({ line: "/need ", candidates: ["/need"] });
    expect(complete("/r", sources).candidates).toEqual(["/reject", "/replay", "/revert", "/rollback", "/run"]);
    expect(complete("/invoke total_c", sources)).toEqual({ line: "/invoke total_cost ", candidates: ["total_cost"] });
    expect(complete("/invoke tot", sources)).toEqual({ line: "/invoke total_", candidates: ["total_cost", "total_tax"] });
    expect(complete("/show total_cost@", sources)).toEqual({ line: "/show total_cost@1.0.0 ", candidates: ["total_cost@1.0.0"] });
    expect(complete("plain words", sources).candidates).toEqual([]);
  });
});

describe("activity", () => {
  it("says which agent works on what, with one progress line per install, and the outcome", () => {
    const t = createActivityTracker();
    const lines = [
      ev("CapabilityRequested", { requestId: "r", capability: "total_cost", spec: null, source: "repl", runId: null, stepId: null, backend: "auto" }),
      ev("CapabilityGapDetected", { gapId: "g", capability: "total_cost", spec: {}, specHash: "s", version: "1.0.0", backend: "auto" }),
      ev("PluginDrafted", { gapId: "g", draftId: "d", capability: "total_cost", version: "1.0.0", code: "x", backend: "example", model: null, size: 3, candidates: 10, elapsedMs: 12 }),
      ev("PluginTested", { gapId: "g", draftId: "d", capability: "total_cost", report: { id: "r", passed: 4, failed: 0, deterministic: true, cases: [] } }),
      ev("InstallStarted", { txId: "t", kind: "install", pluginId: "total_cost@1.0.0", capability: "total_cost", version: "1.0.0", package: {}, previousActive: null, source: "gap:g" }, "capsmith.evt.plugin.total_cost"),
      ev("InstallPhaseCompleted", { txId: "t", phase: "download", index: 1 }, "capsmith.evt.plugin.total_cost"),
      ev("InstallPhaseCompleted", { txId: "t", phase: "verify", index: 2 }, "capsmith.evt.plugin.total_cost"),
      ev("GapClosed", { gapId: "g", capability: "total_cost", ok: false, pluginId: null, outcome: "rejected", reason: "1 of 4 golden cases failed" }),
    ].flatMap((e) => t.apply(e));
    const texts = lines.map((a) => ("agent" in a ? `${a.agent}: ` : "") + ("text" in a ? a.text : ""));
    expect(texts).toContain("synthesizer: writing total_cost 1.0.0 (backend auto)");
    expect(texts).toContain("governor: applying policy to total_cost: 4/4 cases passed, deterministic");
    expect(texts).toContain("Installing total_cost 1.0.0 — phase 3/5 dependency-prepare");
    expect(lines[lines.length - 1]).toMatchObject({ type: "outcome", ok: false, text: "total_cost: rejected: 1 of 4 golden cases failed" });
  });
});

describe("schemas from examples", () => {
  it("infers types, properties and items", () => {
    expect(schemaOf([{ n: 1, tags: ["a"] }, { n: 2.5, tags: [] }])).toEqual({
      type: "object",
      properties: { n: { type: "number" }, tags: { type: "array", items: { type: "string" } } },
      required: ["n", "tags"],
    });
    expect(schemaOf([1, "a"])).toEqual({});
  });
});

describe("diff", () => {
  it("marks removed and added lines", () => {
    expect(lineDiff("a\nb\nc\n", "a\nx\nc\n")).toEqual(["  a", "- b", "+ x", "  c"]);
  });
});

describe("plain words", () => {
  it("pulls the spec JSON out of a model's answer", () => {
    expect(extractJson('Sure!\n```json\n{"capability": "x"}\n```')).toEqual({ capability: "x" });
    expect(() => extractJson("no idea")).toThrow(/no JSON/);
  });
  it("without a model, points at the ways to say it (never a dead end)", () => {
    const none = withoutModel("sum the prices", { capabilities: {}, plugins: {}, pendingApprovals: {} });
    expect(none).toMatchObject({ type: "prompt", suggestion: "/need sum_prices" });
    const needy = withoutModel("I need something that sums the prices…", { capabilities: {}, plugins: {}, pendingApprovals: {} });
    expect(needy).toMatchObject({ type: "prompt", suggestion: "/need sum_prices" });
    const known = withoutModel("what is the total cost", { capabilities: { total_cost: { active: "total_cost@1.0.0", versions: [], history: [] } }, plugins: {}, pendingApprovals: {} });
    expect(known).toMatchObject({ type: "prompt", suggestion: "/invoke total_cost {}" });
  });
});

describe("a capability name from plain words", () => {
  it.each([
    ["I need something that sums the prices…", "sum_prices"],
    ["sum the prices", "sum_prices"],
    ["what is the total cost", "total_cost"],
    ["count the words in a text", "count_words"],
    ["I want a function that returns the largest number in a list", "largest_number"],
    ["please reverse a string", "reverse_string"],
    ["Could you tell me", "my_capability"],
  ])("%j → %s", (words, name) => {
    expect(nameFromWords(words)).toBe(name);
  });
});

describe("the input line", () => {
  it("edits, and walks history keeping the draft", () => {
    let s = edit(emptyEditor, { type: "insert", text: "/hep" });
    s = edit(edit(s, { type: "left" }), { type: "insert", text: "l" });
    expect(s).toMatchObject({ text: "/help", cursor: 4 });
    const history = ["/plugins", "/slo"];
    s = edit(s, { type: "up", history });
    expect(s.text).toBe("/slo");
    s = edit(s, { type: "up", history });
    expect(s.text).toBe("/plugins");
    s = edit(edit(s, { type: "down", history }), { type: "down", history });
    expect(s.text).toBe("/help");
    expect(edit(edit(s, { type: "end" }), { type: "kill_word" }).text).toBe("");
  });
  it("splits a chunk with Enter and Tab in it", () => {
    expect(splitChunk("/ne\tx\r")).toEqual([{ type: "text", text: "/ne" }, { type: "tab" }, { type: "text", text: "x" }, { type: "enter" }]);
  });
});
