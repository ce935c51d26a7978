/**
 * How each JSON Schema 2020-12 keyword takes part in deciding compatibility. What is not listed
 * here is an annotation: `title`, `description`, `examples`, `$comment`, `default`, `format` (capsmith
 * validates no formats), the content and meta-data keywords, identifiers, definitions, and every
 * keyword ajv does not know (it ignores them, so they cannot change what a schema accepts).
 */
import type { Kind } from "./schema-branches.ts";

/** Keywords the compatibility check reasons about exactly. */
export const MODELED = new Set([
  "type", "nullable", "enum", "const",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minLength", "maxLength", "pattern",
  "items", "minItems", "maxItems",
  "properties", "required", "additionalProperties",
  "anyOf", "allOf",
]);

/**
 * Keywords that only narrow what a schema accepts, judged independently of their siblings: a
 * schema that has one can only be proven to accept less than another that has exactly the same one
 * (at the same place); a schema with one is over-approximated by ignoring it. The value says which
 * kind of value each constrains.
 */
export const CONJUNCTS: ReadonlyMap<string, Kind | "any"> = new Map<string, Kind | "any">([
  ["not", "any"], ["oneOf", "any"], ["if", "any"], ["then", "any"], ["else", "any"],
  ["uniqueItems", "array"], ["contains", "array"], ["minContains", "array"], ["maxContains", "array"], ["prefixItems", "array"], ["unevaluatedItems", "array"],
  ["minProperties", "object"], ["maxProperties", "object"], ["propertyNames", "object"], ["patternProperties", "object"],
  ["dependentRequired", "object"], ["dependentSchemas", "object"], ["dependencies", "object"], ["unevaluatedProperties", "object"],
]);

/** Keywords compared together (their meaning depends on one another). */
export const GROUPS: Readonly<Record<string, readonly string[]>> = {
  if: ["if", "then", "else"],
  then: ["if", "then", "else"],
  else: ["if", "then", "else"],
  contains: ["contains", "minContains", "maxContains"],
  minContains: ["contains", "minContains", "maxContains"],
  maxContains: ["contains", "minContains", "maxContains"],
};

/** References: what they point at depends on the document, so two equal ones prove nothing. */
export const REFERENCES = new Set(["$ref", "$dynamicRef", "$recursiveRef"]);
