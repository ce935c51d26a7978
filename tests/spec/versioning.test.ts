/** Versions mean something: the bump a contract change needs, whether a version says it, and dependents' ranges. */
import { describe, expect, it } from "vitest";
import { bumpBetween, checkVersion, dependentsBroken, dependentsBrokenError, requiredBump } from "../../src/spec/index.ts";
import type { Dependent } from "../../src/spec/index.ts";
import { loadTask } from "../support/tasks.ts";

const wordCount = { inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }, outputSchema: { type: "integer" } };
const v = (version: string, contract: object) => ({ version, ...contract });

describe("requiredBump", () => {
  it("is a patch for the same contract, annotations included", () => {
    const described = { inputSchema: { ...wordCount.inputSchema, description: "the text" }, outputSchema: { type: "integer", title: "count" } };
    expect(requiredBump(wordCount, described)).toEqual({ bump: "patch", changes: [] });
    const spec = loadTask("total_cost");
    expect(requiredBump(spec, { ...spec, inputSchema: { ...(spec["inputSchema"] as object), description: "added words" } }).bump).toBe("patch");
  });

  it("is a major when the new version accepts less or returns more", () => {
    const narrower = { ...wordCount, inputSchema: { ...wordCount.inputSchema, properties: { text: { type: "string", maxLength: 100 } } } };
    expect(requiredBump(wordCount, narrower)).toMatchObject({ bump: "major", changes: [{ kind: "input_narrowed", reasons: [{ pointer: "/text" }] }] });
    // word_count@2.0.0 of the issue: a string instead of an integer.
    expect(requiredBump(wordCount, { ...wordCount, outputSchema: { type: "string" } })).toMatchObject({ bump: "major", changes: [{ kind: "output_widened" }] });
    expect(requiredBump(wordCount, { ...wordCount, outputSchema: { type: "number" } })).toMatchObject({ bump: "major", changes: [{ kind: "output_widened" }] });
  });

  it("is a minor when the new version accepts more or returns less", () => {
    const wider = { ...wordCount, inputSchema: { type: "object", properties: { text: { type: "string" }, lang: { type: "string" } }, required: ["text"] } };
    expect(requiredBump(wordCount, { ...wordCount, inputSchema: { ...wordCount.inputSchema, required: [] } })).toMatchObject({ bump: "minor", changes: [{ kind: "input_widened" }] });
    expect(requiredBump(wordCount, { ...wordCount, outputSchema: { type: "integer", minimum: 0 } })).toMatchObject({ bump: "minor", changes: [{ kind: "output_narrowed" }] });
    // Listing an optional property the old schema left open narrows it (a `lang: 5` was accepted before).
    expect(requiredBump(wordCount, wider).bump).toBe("major");
  });

  it("asks for a major when it cannot prove the new version keeps the old inputs", () => {
    const patterned = { ...wordCount, inputSchema: { ...wordCount.inputSchema, properties: { text: { type: "string", pattern: "\\S" } } } };
    expect(requiredBump(wordCount, patterned).bump).toBe("major");
  });
});

describe("bumpBetween and checkVersion", () => {
  it("reads versions as caret ranges do", () => {
    expect(bumpBetween("1.2.3", "2.0.0")).toBe("major");
    expect(bumpBetween("1.2.3", "1.3.0")).toBe("minor");
    expect(bumpBetween("1.2.3", "1.2.4")).toBe("patch");
    expect(bumpBetween("0.2.3", "0.3.0")).toBe("major");
    expect(bumpBetween("0.2.3", "0.2.4")).toBe("minor");
    expect(bumpBetween("0.0.3", "0.0.4")).toBe("major");
    expect(bumpBetween("1.2.3", "1.3.0-rc.1")).toBe("minor");
    expect(bumpBetween("1.2.3", "1.2.3")).toBeUndefined();
    expect(bumpBetween("1.2.3", "1.0.0")).toBeUndefined();
  });

  it("refuses a version that under-states its contract change, and says what to publish", () => {
    const broken = checkVersion(v("1.0.0", wordCount), v("1.1.0", { ...wordCount, outputSchema: { type: "string" } }));
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.error.code).toBe("version_bump_too_small");
    expect(broken.error.nextStep).toContain("2.0.0");
    expect(checkVersion(v("1.0.0", wordCount), v("2.0.0", { ...wordCount, outputSchema: { type: "string" } })).ok).toBe(true);
    expect(checkVersion(v("1.0.0", wordCount), v("1.0.1", wordCount))).toMatchObject({ ok: true, bump: "patch" });
    expect(checkVersion(v("1.0.0", wordCount), v("1.0.0", wordCount))).toMatchObject({ ok: false, error: { code: "version_not_greater" } });
    expect(checkVersion(v("1.0.0", wordCount), v("1.0", wordCount))).toMatchObject({ ok: false, error: { code: "invalid_version" } });
    const minor = checkVersion(v("1.4.2", wordCount), v("1.4.3", { ...wordCount, outputSchema: { type: "integer", minimum: 0 } }));
    expect(minor).toMatchObject({ ok: false, error: { code: "version_bump_too_small" } });
  });
});

describe("dependentsBroken", () => {
  const dependents: Dependent[] = [
    { id: "wc_double@1.0.0", dependencies: { word_count: "^1.0.0" } },
    { id: "summary@2.1.0", dependencies: { word_count: ">=1.2.0 <3.0.0", other: "^1.0.0" } },
    { id: "unrelated@1.0.0", dependencies: { other: "^1.0.0" } },
    { id: "none@1.0.0" },
  ];

  it("names the dependents whose range the candidate falls outside of", () => {
    expect(dependentsBroken({ capability: "word_count", version: "2.0.0" }, dependents)).toEqual([{ id: "wc_double@1.0.0", capability: "word_count", range: "^1.0.0" }]);
    expect(dependentsBroken({ capability: "word_count", version: "1.1.0" }, dependents)).toEqual([{ id: "summary@2.1.0", capability: "word_count", range: ">=1.2.0 <3.0.0" }]);
    expect(dependentsBroken({ capability: "word_count", version: "1.5.0" }, dependents)).toEqual([]);
    expect(dependentsBroken({ capability: "word_count", version: "1.6.0-beta.1" }, dependents).map((b) => b.id)).toEqual(["wc_double@1.0.0", "summary@2.1.0"]);
  });

  it("gives the governor a coded error naming them", () => {
    const broken = dependentsBroken({ capability: "word_count", version: "2.0.0" }, dependents);
    const error = dependentsBrokenError({ capability: "word_count", version: "2.0.0" }, broken);
    expect(error.code).toBe("dependents_broken");
    expect(error.message).toContain("wc_double@1.0.0 (needs word_count ^1.0.0)");
    expect(error.details).toMatchObject({ dependents: broken });
  });

  it("ignores a __proto__ capability name rather than reading the prototype", () => {
    expect(dependentsBroken({ capability: "__proto__", version: "1.0.0" }, [{ id: "x@1.0.0", dependencies: {} }])).toEqual([]);
  });
});
