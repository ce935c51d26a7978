/**
 * The synthesis bench's watchdog (bench/_synthesis-watchdog.ts): a spec whose person (the set's
 * reference program) never returns is stopped at its deadline and counted as a timeout in the
 * "person" stage, and the bench still prints its summary instead of running forever.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../bench/synthesis.ts";
import { makeSpec } from "../synthesizer/fixtures.ts";

let dir: string | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("synthesis bench watchdog", () => {
  it("stops a spec whose person loops forever and counts it as a timeout in the person stage", async () => {
    dir = await mkdtemp(join(tmpdir(), "capsmith-bench-"));
    const set = join(dir, "loops");
    await mkdir(set);
    // Two examples that say nothing of the input: the backend asks about it (ambiguity.test.ts).
    const spec = makeSpec("always", "Whether the order can ship.", [[{ qty: 3, country: "it" }, true], [{ qty: 1, country: "fr" }, true]]);
    await writeFile(join(set, "always.json"), JSON.stringify(spec));
    await writeFile(`${set}.reference.mjs`, "export const reference = { always: () => { for (;;) {} } };\n");
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    const rows = await run([set, "--answer", "1", "--budget-ms", "1000", "--deadline-ms", "20000"]);
    expect(rows.map((r) => [r.task, r.status, r.stage])).toEqual([["always", "timeout", "person"]]);
    expect(lines.find((l) => l.startsWith("solved"))).toContain("timeouts 1 (search 0, person 1, plugin 0)");
  }, 60_000);
});
