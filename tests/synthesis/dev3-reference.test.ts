/**
 * The dev3 development set (tests/fixtures/specs/dev3, written by scripts/make-dev3-specs.ts) is
 * honest: every spec parses, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's
 * schemas, and the reference program written from the description (dev3.reference.mjs) gives
 * exactly the expected output on every example and test. The synthesizer is not run here.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../support/reference-specs.ts";
import type { Reference } from "../support/reference-specs.ts";

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");
const DIR = join(SPECS, "dev3");
const { reference } = (await import(pathToFileURL(join(SPECS, "dev3.reference.mjs")).href)) as { reference: Record<string, Reference> };

const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

describe("specs/dev3", () => {
  it("holds one reference program for each spec and none left over", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(reference).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")));
  });

  it.each(files.map((f) => [f]))("%s: parses, fits its schemas and sizes, and its reference gives every expected output", (file) => {
    expect(checkSpec(file, JSON.parse(readFileSync(join(DIR, file), "utf8")), reference)).toEqual([]);
  });

  it("catches a wrong expected output", () => {
    const raw = JSON.parse(readFileSync(join(DIR, "order_subtotal.json"), "utf8")) as { tests: { output: number }[] };
    (raw.tests[0] as { output: number }).output += 1;
    expect(checkSpec("order_subtotal.json", raw, reference).join("\n")).toMatch(/golden_1: expected .*, the reference gives/);
  });
});
