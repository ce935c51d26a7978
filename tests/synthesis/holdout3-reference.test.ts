/**
 * The fourth held-out set (tests/fixtures/specs/holdout3) is honest: every spec parses with the
 * project's spec parser, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's schemas
 * (validateInput / validateOutput), and the reference program written from the description alone
 * (holdout3.reference.mjs) gives exactly the expected output on every example and test. A wrong
 * expected output, or a description that no longer matches its cases, fails here and not in a
 * benchmark figure. The synthesizer is never run here: the set is measured, not tuned on. The check
 * itself (checkSpec) is shown to catch each kind of fault in holdout2-reference.test.ts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../support/reference-specs.ts";
import type { Reference } from "../support/reference-specs.ts";

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");
const DIR = join(SPECS, "holdout3");
const { reference } = (await import(pathToFileURL(join(SPECS, "holdout3.reference.mjs")).href)) as { reference: Record<string, Reference> };

const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), "utf8"));

describe("specs/holdout3", () => {
  it("holds 66 specs, one reference program for each and none left over", () => {
    expect(files).toHaveLength(66);
    const names = files.map((f) => f.replace(/\.json$/, ""));
    expect(Object.keys(reference).sort()).toEqual(names);
  });

  it("names no capability of an earlier set (dev, dev3, validation, holdout, holdout2)", () => {
    const earlier = ["dev", "dev3", "validation", "holdout", "holdout2"].flatMap((set) =>
      readdirSync(join(SPECS, set)).filter((f) => f.endsWith(".json")),
    );
    expect(files.filter((f) => earlier.includes(f))).toEqual([]);
  });

  it.each(files.map((f) => [f]))("%s: parses, fits its schemas and sizes, and its reference gives every expected output", (file) => {
    expect(checkSpec(file, read(file), reference)).toEqual([]);
  });

  it("is not read by the synthesizer: nothing under src/ names the set, its reference or its cases", () => {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && /holdout3/.test(readFileSync(path, "utf8"))) hits.push(path);
      }
    };
    walk(join(import.meta.dirname, "..", "..", "src"));
    expect(hits).toEqual([]);
  });
});
