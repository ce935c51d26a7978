/**
 * An older capsmith's harness/ (compat-matrix.json without its `format`, written before commit
 * 7054519) is told for capsmith's by its exact shape, never by its name (src/cli/old-harness-matrix.ts):
 * the bare report as JSON.stringify(report, null, 2) wrote it, with the Markdown the harness made of
 * it beside it. Reports are made with the live writer's types and its harnessMarkdown (unchanged since).
 */
import { describe, expect, it } from "vitest";
import { harnessMarkdown } from "../../src/app/index.ts";
import type { HarnessReport } from "../../src/app/index.ts";
import { isOldHarnessMatrix } from "../../src/cli/old-harness-matrix.ts";

const EMPTY: HarnessReport = { ok: true, hostVersion: "0.4.2", plugins: [], matrix: [] };
const ONE: HarnessReport = {
  ok: false,
  hostVersion: "1.2.0-rc.1",
  plugins: [{
    pluginId: "word_count@1.0.0",
    ok: false,
    checks: [
      { step: "install", ok: true, detail: "word_count@1.0.0 at T1" },
      { step: "execute", ok: false, detail: "example_1: wrong output | twice\nagain" },
      { step: "fault:dependency-prepare", ok: true, detail: "failed at dependency-prepare; word_count@1.0.0 kept serving" },
    ],
  }],
  matrix: [
    { plugin: "word_count", version: "1.0.0", host: "1.2.0-rc.1", api: "1", compatible: true, errors: [] },
    { plugin: "word_count", version: "1.0.0", host: "2.0.0", api: "2", compatible: false, errors: ["api_unsupported", "host_range"] },
  ],
};

const written = (report: unknown): string => JSON.stringify(report, null, 2) + "\n";

describe("isOldHarnessMatrix", () => {
  it("takes what the older harness wrote, empty hub or not", () => {
    for (const report of [EMPTY, ONE]) expect(isOldHarnessMatrix(written(report), harnessMarkdown(report))).toBe(true);
  });

  it("refuses anything else bearing the same names: a key more, fewer or reordered, another type, other spacing, another Markdown", () => {
    const refused: [string, string, string][] = [
      ["a key more", written({ ...ONE, generatedBy: "our CI" }), harnessMarkdown(ONE)],
      ["a key fewer", written({ ok: true, plugins: [], matrix: [] }), harnessMarkdown(EMPTY)],
      ["keys reordered", written({ hostVersion: "0.4.2", ok: true, plugins: [], matrix: [] }), harnessMarkdown(EMPTY)],
      ["a check's step no harness step", written({ ...ONE, plugins: [{ ...ONE.plugins[0]!, checks: [{ step: "lint", ok: false, detail: "x" }] }] }), harnessMarkdown(ONE)],
      ["a cell's errors not strings", written({ ...ONE, matrix: [{ ...ONE.matrix[0]!, errors: [1] }] }), harnessMarkdown(ONE)],
      ["ok disagreeing with the plugins'", written({ ...ONE, ok: true }), harnessMarkdown({ ...ONE, ok: true })],
      ["a host version no version", written({ ...EMPTY, hostVersion: "latest" }), harnessMarkdown({ ...EMPTY, hostVersion: "latest" })],
      ["compact JSON", JSON.stringify(EMPTY), harnessMarkdown(EMPTY)],
      ["no final newline", JSON.stringify(EMPTY, null, 2), harnessMarkdown(EMPTY)],
      ["the team's own Markdown", written(EMPTY), "# compatibility notes\n"],
      ["another report's Markdown", written(ONE), harnessMarkdown(EMPTY)],
      ["not JSON", "ok: true\n", harnessMarkdown(EMPTY)],
    ];
    for (const [what, json, markdown] of refused) expect({ what, taken: isOldHarnessMatrix(json, markdown) }).toEqual({ what, taken: false });
  });
});
