/**
 * fast-check generators for the compatibility tests: schemas of the subset capsmith specs use (with
 * annotations sprinkled in), mutations of a schema that widen, narrow or keep its meaning, and values
 * shaped by a schema (most of them valid under it, some not).
 */
import fc from "fast-check";

export type Schema = Record<string, unknown> | boolean;

/** Patterns with generators we trust (fc.stringMatching builds strings that match them). */
export const PATTERNS = ["^[a-c]+$", "^[a-z]*$", "^x", "\\d", "^[0-9]{2,4}$", "^(ab|cd)+$"];
// ajv skips a subschema named __proto__, so the validator refuses those schemas: __proto__ only as a required name and in values.
const NAMES = ["a", "b", "c", "toString"];
const REQUIRED = [...NAMES, "__proto__"];
const small = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, -2.5, 10, 100));
const scalar = fc.oneof(small, fc.constantFrom("", "a", "abc", "x1", "12", null, true, false));
const annotation = fc.record({ description: fc.string({ maxLength: 8 }), title: fc.constant("t"), examples: fc.constant([1]), $comment: fc.constant("c"), default: scalar }, { requiredKeys: [] });

function bounds(keys: [string, string]) {
  return fc.record({ [keys[0]]: fc.integer({ min: 0, max: 4 }), [keys[1]]: fc.integer({ min: 1, max: 8 }) }, { requiredKeys: [] });
}

// Few distinct bounds, so that two schemas often share one (where inclusive vs exclusive matters).
const bound = fc.constantFrom(-1, 0, 0.5, 2, 3);
const numberBounds = fc.oneof(
  fc.constant({}),
  fc.tuple(fc.constantFrom("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"), bound).map(([k, v]) => ({ [k]: v })),
  fc.tuple(bound, bound, fc.boolean(), fc.boolean()).map(([x, y, loEx, hiEx]) => ({ [loEx ? "exclusiveMinimum" : "minimum"]: Math.min(x, y), [hiEx ? "exclusiveMaximum" : "maximum"]: Math.max(x, y) + 1 })),
);
const numberSchema = fc
  .tuple(fc.constantFrom("integer", "number", "integer", "number", ["integer", "null"], ["number", "string"]), numberBounds, fc.option(fc.constantFrom(1, 2, 3, 0.5), { freq: 4 }))
  .map(([type, b, multipleOf]) => ({ type, ...b, ...(multipleOf === null ? {} : { multipleOf }) }));

const stringSchema = fc.tuple(fc.record({ type: fc.constantFrom("string", ["string", "null"]), pattern: fc.constantFrom(...PATTERNS) }, { requiredKeys: ["type"] }), bounds(["minLength", "maxLength"]))
  .map(([s, b]) => ({ ...s, ...b }));

const leaf: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: "null" }),
  fc.constant({ type: "boolean" }),
  numberSchema,
  stringSchema,
  fc.array(scalar, { minLength: 1, maxLength: 4 }).map((e) => ({ enum: e })),
  scalar.map((c) => ({ const: c })),
  fc.constantFrom<Schema>(true, {}, false),
);

export const schemaArb: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc
    .tuple(
      fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.tuple(fc.record({ type: fc.constant("array"), items: tie("schema") }, { requiredKeys: ["type"] }), bounds(["minItems", "maxItems"])).map(([s, b]) => ({ ...s, ...b })),
        fc.record({
          type: fc.constant("object"),
          properties: fc.dictionary(fc.constantFrom(...NAMES), tie("schema"), { maxKeys: 3 }),
          required: fc.uniqueArray(fc.constantFrom(...REQUIRED), { maxLength: 2 }),
          additionalProperties: fc.oneof(fc.boolean(), tie("schema")),
        }, { requiredKeys: ["type", "properties"] }),
        fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
        fc.array(tie("schema"), { minLength: 1, maxLength: 2 }).map((allOf) => ({ allOf })),
      ),
      annotation,
    )
    .chain(([s, notes]) => fc.boolean().map((annotate) => (typeof s === "boolean" || !annotate ? s : { ...s, ...notes }))),
})).schema.map(asJson);

/** Plain JSON (`__proto__` as an own key, as JSON.parse makes it). */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => v)) as T;
}

/** A second schema from a first: the same meaning in other words, or a wider or narrower one, anywhere inside it. */
export function mutate(schema: Schema): fc.Arbitrary<Schema> {
  if (typeof schema === "boolean") return fc.oneof(fc.constant(schema), schemaArb);
  const s = schema as Record<string, unknown>;
  const same: fc.Arbitrary<Schema>[] = [fc.constant(schema), fc.constant({ ...s, description: "changed words" }), fc.constant({ allOf: [schema] })];
  const other: fc.Arbitrary<Schema>[] = [fc.constant(true), fc.constant({ anyOf: [schema, { type: "string" }] }), schemaArb];
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "pattern", "required", "additionalProperties", "enum", "const"]) {
    if (key in s) {
      const { [key]: _dropped, ...rest } = s;
      other.push(fc.constant(rest));
    }
  }
  const swap = (t: unknown): unknown => (t === "integer" ? "number" : t === "number" ? "integer" : t);
  if (s["type"] !== undefined) other.push(fc.constant({ ...s, type: Array.isArray(s["type"]) ? (s["type"] as unknown[]).map(swap) : swap(s["type"]) }));
  if (Array.isArray(s["type"])) other.push(fc.constant({ ...s, type: (s["type"] as unknown[])[0] }));
  const narrow: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    fc.record({ minimum: small }), fc.record({ maximum: small }), fc.record({ exclusiveMinimum: small }), fc.record({ exclusiveMaximum: small }),
    fc.record({ multipleOf: fc.constantFrom(1, 2, 0.5) }), fc.record({ minLength: fc.integer({ min: 0, max: 3 }) }), fc.record({ maxLength: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ pattern: fc.constantFrom(...PATTERNS) }), fc.record({ minItems: fc.integer({ min: 0, max: 2 }) }), fc.record({ maxItems: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ required: fc.uniqueArray(fc.constantFrom(...REQUIRED), { minLength: 1, maxLength: 2 }) }), fc.constant({ additionalProperties: false }),
    fc.record({ type: fc.constantFrom("integer", "number", "string", "object", "array", "null", "boolean") }),
  );
  other.push(narrow.map((extra) => asJson({ ...s, ...extra })));
  if (Array.isArray(s["enum"])) other.push(fc.constant({ ...s, enum: [...(s["enum"] as unknown[]), "extra"] }), fc.constant({ ...s, enum: (s["enum"] as unknown[]).slice(1).length ? (s["enum"] as unknown[]).slice(1) : [null] }));
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]) {
    if (typeof s[key] === "number") other.push(fc.constant({ ...s, [key]: (s[key] as number) - 1 }), fc.constant({ ...s, [key]: (s[key] as number) + 1 }), fc.constant({ ...s, [key]: (s[key] as number) + 0.5 }));
  }
  if (typeof s["maxLength"] === "number") other.push(fc.constant({ ...s, maxLength: (s["maxLength"] as number) + 1 }), fc.constant({ ...s, maxLength: Math.max(0, (s["maxLength"] as number) - 1) }));
  if (s["additionalProperties"] === false) other.push(fc.constant({ ...s, additionalProperties: true }));
  if (s["properties"] && typeof s["properties"] === "object") {
    const props = s["properties"] as Record<string, Schema>;
    for (const [name, sub] of Object.entries(props)) other.push(mutate(sub).map((m) => asJson({ ...s, properties: { ...props, [name]: m } })));
    other.push(fc.constant(asJson({ ...s, properties: { ...props, extra: { type: "string" } } })));
  }
  if (s["additionalProperties"] !== undefined && typeof s["additionalProperties"] === "object") other.push(mutate(s["additionalProperties"] as Schema).map((additionalProperties) => ({ ...s, additionalProperties })));
  if (s["items"] !== undefined) other.push(mutate(s["items"] as Schema).map((items) => ({ ...s, items })));
  for (const key of ["anyOf", "allOf"]) {
    const list = s[key];
    if (!Array.isArray(list)) continue;
    other.push(fc.constant({ ...s, [key]: list.length > 1 ? list.slice(1) : [false] }));
    list.forEach((sub: Schema, i) => other.push(mutate(sub).map((m) => ({ ...s, [key]: list.map((x: Schema, j) => (j === i ? m : x)) }))));
  }
  return fc.oneof({ weight: 1, arbitrary: fc.oneof(...same) }, { weight: 3, arbitrary: fc.oneof(...other) }, { weight: 3, arbitrary: narrow.map((extra) => asJson({ ...s, ...extra })) });
}

/** Values shaped after a schema (valid under it more often than not; callers filter with ajv). */
export function valueOf(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const any = fc.jsonValue({ maxDepth: 2 });
  if (typeof schema === "boolean" || depth > 5) return any;
  const s = schema;
  const alternatives: fc.Arbitrary<unknown>[] = [];
  if (Object.hasOwn(s, "const")) alternatives.push(fc.constant(s["const"]));
  if (Array.isArray(s["enum"])) alternatives.push(fc.constantFrom(...(s["enum"] as unknown[])));
  if (Array.isArray(s["anyOf"])) alternatives.push(...(s["anyOf"] as Schema[]).map((x) => valueOf(x, depth + 1)));
  if (Array.isArray(s["allOf"])) alternatives.push(...(s["allOf"] as Schema[]).map((x) => valueOf(x, depth + 1)));
  const types = s["type"] === undefined ? [] : Array.isArray(s["type"]) ? (s["type"] as string[]) : [s["type"] as string];
  for (const t of types) {
    if (t === "null") alternatives.push(fc.constant(null));
    if (t === "boolean") alternatives.push(fc.boolean());
    if (t === "integer" || t === "number") {
      const lo = Math.max(typeof s["minimum"] === "number" ? s["minimum"] : -20, typeof s["exclusiveMinimum"] === "number" ? s["exclusiveMinimum"] : -20);
      const hi = Math.min(typeof s["maximum"] === "number" ? s["maximum"] : 20, typeof s["exclusiveMaximum"] === "number" ? s["exclusiveMaximum"] : 20);
      const [l, h] = [Math.ceil(Math.min(lo, hi)), Math.floor(Math.max(lo, hi))];
      const ints = l <= h ? fc.integer({ min: l, max: h }) : fc.constant(l);
      alternatives.push(t === "integer" ? ints : fc.oneof(ints, ints.map((i) => i + 0.5), fc.double({ min: Math.min(lo, hi), max: Math.max(lo, hi), noNaN: true })));
    }
    if (t === "string") {
      const pattern = typeof s["pattern"] === "string" ? new RegExp(s["pattern"], "u") : undefined;
      alternatives.push(pattern ? fc.stringMatching(pattern, { size: "small" }) : fc.string({ maxLength: 8 }), fc.constantFrom("", "a", "abc", "12"));
    }
    if (t === "array") {
      const items = s["items"] === undefined ? any : valueOf(s["items"] as Schema, depth + 1);
      alternatives.push(fc.array(items, { minLength: Math.min(typeof s["minItems"] === "number" ? s["minItems"] : 0, 4), maxLength: 5 }));
    }
    if (t === "object") {
      const props = (s["properties"] ?? {}) as Record<string, Schema>;
      const extra = s["additionalProperties"] === false ? fc.constant({}) : fc.dictionary(fc.constantFrom("x", "y", "a", "__proto__"), s["additionalProperties"] === undefined || s["additionalProperties"] === true ? any : valueOf(s["additionalProperties"] as Schema, depth + 1), { maxKeys: 2 });
      const own = fc.record(Object.fromEntries(Object.entries(props).map(([k, sub]) => [k, valueOf(sub, depth + 1)])), { requiredKeys: [] });
      alternatives.push(fc.tuple(extra, own, fc.subarray((s["required"] as string[] | undefined) ?? [])).map(([x, o, req]) => asJson({ ...x, ...Object.fromEntries(req.map((k) => [k, null])), ...o })));
    }
  }
  alternatives.push(any);
  return fc.oneof(...alternatives);
}

/** Two leaf schemas of one family (numbers, strings or lists of values), drawn independently: many close calls. */
export const leafPairArb: fc.Arbitrary<[Schema, Schema]> = fc.oneof(
  fc.tuple(numberSchema, numberSchema),
  fc.tuple(stringSchema, stringSchema),
  fc.tuple(fc.oneof(numberSchema, fc.array(scalar, { minLength: 1, maxLength: 4 }).map((e) => ({ enum: e }))), fc.oneof(numberSchema, fc.array(scalar, { minLength: 1, maxLength: 4 }).map((e) => ({ enum: e })))),
);

/** Numbers around the bounds and steps schemas use. */
export const edgeNumbers = [-6, -5.5, -5, -3, -2.5, -2, -1, -0.5, 0, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 5.5, 6, 9, 10, 10.5, 99, 100, 100.5, 101];
