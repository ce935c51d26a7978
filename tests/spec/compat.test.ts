/**
 * Compatibility by meaning, on the cases the issue and the spec format name: annotations never
 * matter, integer ⊂ number, outputs a request cannot take, extra properties, and "not proven" with a
 * reason wherever the procedure cannot decide.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaSubset, serves } from "../../src/spec/index.ts";
import { TASKS_DIR, loadTask } from "../support/tasks.ts";

const specs = readdirSync(TASKS_DIR).filter((f) => f.endsWith(".json")).map((f) => loadTask(f.replace(/\.json$/, "")));

/** The schema with a description (and other annotations) added to every subschema. */
function annotate(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(annotate);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "properties" ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, annotate(s)])) : annotate(v);
  return { ...out, description: "words", title: "T", examples: [], $comment: "c", default: null };
}

describe("schemaSubset", () => {
  it("integer is within number, not the reverse", () => {
    expect(schemaSubset({ type: "integer" }, { type: "number" })).toEqual({ ok: true, reasons: [] });
    expect(schemaSubset({ type: "number" }, { type: "integer" })).toMatchObject({ ok: false, reasons: [{ code: "integer", pointer: "" }] });
  });

  it("never changes its answer for annotations, on every development spec", () => {
    expect(specs.length).toBeGreaterThanOrEqual(24);
    for (const spec of specs) {
      for (const key of ["inputSchema", "outputSchema"] as const) {
        expect(schemaSubset(spec[key], annotate(spec[key])).ok, `${spec.capability} ${key}`).toBe(true);
        expect(schemaSubset(annotate(spec[key]), spec[key]).ok, `${spec.capability} ${key}`).toBe(true);
      }
      expect(serves(spec, { inputSchema: annotate(spec["inputSchema"]), outputSchema: annotate(spec["outputSchema"]) }).ok, spec.capability).toBe(true);
    }
  });

  it("names the place of a difference with a JSON pointer", () => {
    const plugin = loadTask("total_cost")["inputSchema"] as { properties: { items: { items: { properties: Record<string, unknown> } } } };
    const request = structuredClone(plugin);
    request.properties.items.items.properties["qty"] = { type: "number" };
    expect(schemaSubset(request, plugin)).toMatchObject({ ok: false, reasons: [{ code: "integer", pointer: "/items/*/qty" }] });
    expect(schemaSubset(plugin, request).ok).toBe(true);
  });

  it("decides enums, consts, small ranges, booleans and nullable by their values", () => {
    expect(schemaSubset({ type: "boolean" }, { enum: [false, true, 3] }).ok).toBe(true);
    expect(schemaSubset({ type: "integer", minimum: 1, maximum: 3 }, { enum: [1, 2, 3] }).ok).toBe(true);
    expect(schemaSubset({ type: "integer", minimum: 1, maximum: 4 }, { enum: [1, 2, 3] })).toMatchObject({ ok: false, reasons: [{ code: "value", message: expect.stringContaining("4") }] });
    expect(schemaSubset({ enum: ["low", "high"] }, { type: "string", maxLength: 4 }).ok).toBe(true);
    expect(schemaSubset({ type: "string" }, { enum: ["low", "high"] })).toMatchObject({ ok: false, reasons: [{ code: "enum" }] });
    expect(schemaSubset({ type: "string", nullable: true }, { type: "string" })).toMatchObject({ ok: false, reasons: [{ code: "type", message: expect.stringContaining("null") }] });
    expect(schemaSubset({ const: "x" }, { type: "string", pattern: "^x$" }).ok).toBe(true);
  });

  it("reads anyOf and type lists as unions, and allOf as an intersection", () => {
    expect(schemaSubset({ anyOf: [{ type: "string" }, { type: "integer" }] }, { type: ["string", "number"] }).ok).toBe(true);
    expect(schemaSubset({ type: ["string", "null"] }, { anyOf: [{ type: "null" }, { type: "string", description: "d" }] }).ok).toBe(true);
    expect(schemaSubset({ allOf: [{ type: "number" }, { minimum: 0 }] }, { type: "number", minimum: 0 }).ok).toBe(true);
    expect(schemaSubset({ type: "number", minimum: 0 }, { allOf: [{ type: "number" }, { minimum: 1 }] })).toMatchObject({ ok: false, reasons: [{ code: "bound" }] });
  });

  it("answers 'not proven' with a reason where it cannot decide, and proves identical constraints", () => {
    expect(schemaSubset({ type: "string", pattern: "^[a-z]+$" }, { type: "string", pattern: "^[a-z]*$" })).toMatchObject({ ok: false, reasons: [{ code: "pattern" }] });
    expect(schemaSubset({ type: "string", pattern: "^[a-z]+$", description: "x" }, { type: "string", pattern: "^[a-z]+$" }).ok).toBe(true);
    expect(schemaSubset({ type: "array" }, { type: "array", uniqueItems: true })).toMatchObject({ ok: false, reasons: [{ code: "keyword" }] });
    expect(schemaSubset({ type: "array", uniqueItems: true, maxItems: 3 }, { type: "array", uniqueItems: true }).ok).toBe(true);
    const defs = { $defs: { n: { type: "number" } } };
    expect(schemaSubset({ type: "number" }, { ...defs, $ref: "#/$defs/n" })).toMatchObject({ ok: false, reasons: [{ code: "undecidable" }] });
    expect(schemaSubset({ ...defs, $ref: "#/$defs/n", type: "integer" }, { type: "number" }).ok).toBe(true);
    expect(schemaSubset({ type: "strin" }, { type: "string" })).toMatchObject({ ok: false, reasons: [{ code: "schema_invalid" }] });
  });

  it("gives up with too_complex on alternatives nested in alternatives, instead of multiplying them out", () => {
    // Every choice of one alternative per allOf member is a branch: 3^4 = 81 of them.
    const choice = (i: number) => ({ anyOf: [{ type: "integer", minimum: -i }, { type: "string", maxLength: i }, { type: "null" }] });
    const nested = { allOf: [choice(1), choice(2), choice(3), choice(4)] };
    expect(schemaSubset(nested, { type: ["integer", "string", "null"] })).toMatchObject({ ok: false, reasons: [{ code: "too_complex" }] });
    expect(schemaSubset({ type: ["integer", "string", "null"] }, nested)).toMatchObject({ ok: false, reasons: [{ code: "too_complex" }] });
  });

  it("over-approximates a schema whose patternProperties widen additionalProperties", () => {
    const a = { type: "object", patternProperties: { "^x": { type: "string" } }, additionalProperties: false };
    expect(schemaSubset(a, { type: "object", additionalProperties: false }).ok).toBe(false);
    expect(schemaSubset(a, { type: "object" }).ok).toBe(true);
  });
});

describe("serves(plugin, request)", () => {
  const plugin = loadTask("total_cost");

  it("serves the request it was built for", () => {
    expect(serves(plugin, plugin)).toEqual({ ok: true, reasons: [] });
  });

  it("does not serve a request expecting a string from a plugin returning a number", () => {
    const r = serves(plugin, { inputSchema: plugin["inputSchema"], outputSchema: { type: "string" } });
    expect(r).toMatchObject({ ok: false, reasons: [{ side: "output", code: "type", pointer: "" }] });
    expect(r.reasons[0]!.message).toContain("the plugin's output may be numbers");
  });

  it("takes an extra optional property in the request's input only when the plugin allows additional properties", () => {
    const request = { inputSchema: { type: "object", properties: { items: { type: "array" }, note: { type: "string" } }, required: ["items"] }, outputSchema: { type: "number" } };
    const open = { inputSchema: { type: "object", properties: { items: { type: "array" } }, required: ["items"] }, outputSchema: { type: "integer" } };
    const closed = { ...open, inputSchema: { ...open.inputSchema, additionalProperties: false } };
    expect(serves(open, request).ok).toBe(true);
    // Closed, it refuses the request's note, and anything else the request's open schema lets through.
    expect(serves(closed, request).reasons.map((r) => [r.side, r.pointer])).toEqual([["input", "/note"], ["input", "/*"]]);
    const closedRequest = { ...request, inputSchema: { ...request.inputSchema, additionalProperties: false } };
    expect(serves(closed, closedRequest).reasons.map((r) => [r.side, r.pointer])).toEqual([["input", "/note"]]);
    expect(serves(open, closedRequest).ok).toBe(true);
  });

  it("refuses a plugin that requires what the request may leave out, or narrows a number", () => {
    const request = { inputSchema: { type: "object", properties: { n: { type: "number" } } }, outputSchema: {} };
    const needsN = { inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] } };
    expect(serves(needsN, request)).toMatchObject({ ok: false, reasons: [{ side: "input", code: "required", pointer: "/n" }] });
    const positive = { inputSchema: { type: "object", properties: { n: { type: "number", minimum: 0 } } } };
    expect(serves(positive, request)).toMatchObject({ ok: false, reasons: [{ side: "input", code: "bound", pointer: "/n" }] });
  });

  it("treats a missing schema as accepting anything", () => {
    expect(serves({ inputSchema: {}, outputSchema: { type: "number" } }, {}).ok).toBe(true);
    expect(serves({ inputSchema: { type: "object" } }, {})).toMatchObject({ ok: false, reasons: [{ side: "input", code: "type" }] });
  });
});
