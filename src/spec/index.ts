/**
 * Capability specs (../shared/SPEC-FORMAT.md): the zod schema every spec is validated against at
 * the edge, and the JSON comparison the synthesizer and the tester both judge outputs by.
 */
export { capabilitySpecSchema, parseSpec, KNOWN_CONSTRAINTS } from "./spec-schema.ts";
export type { CapabilitySpec, SpecExample, SpecTest } from "./spec-schema.ts";
export { jsonEqual, numbersEqual, RELATIVE_TOLERANCE } from "./json-equal.ts";
export { SpecError } from "./errors.ts";
export type { SpecErrorCode } from "./errors.ts";
