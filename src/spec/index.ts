/**
 * Capability specs (docs/spec-format.md): the zod schema every spec is validated against at
 * the edge, and the JSON comparison the synthesizer and the tester both judge outputs by.
 */
export { capabilitySpecSchema, parseSpec, KNOWN_CONSTRAINTS, MAX_OFFERED } from "./spec-schema.ts";
export type { CapabilitySpec, SpecExample, SpecTest } from "./spec-schema.ts";
export { jsonEqual, numbersEqual, RELATIVE_TOLERANCE } from "./json-equal.ts";
export { SpecError } from "./errors.ts";
export type { SpecErrorCode } from "./errors.ts";
export { parseSpecInferringSchemas, schemaOf, specFromExamples } from "./spec-from-examples.ts";
export type { ExampleRequest, InferredSchema, JsonSchema } from "./spec-from-examples.ts";
export { ContractError } from "./errors.ts";
export type { ContractErrorCode } from "./errors.ts";
export { FULL_REPORT_NODES, MAX_ISSUES, compileSchema, describeIssues, schemaHash, validateInput, validateOutput } from "./validator.ts";
export type { CompiledSchema, ContractIssue, Validation, ValidateOptions } from "./validator.ts";
export { SCHEMA_LIMITS } from "./schema-limits.ts";
export { MAX_PATTERN_LENGTH, PatternError, compilePattern } from "./safe-pattern.ts";
export type { PatternErrorCode, SafePattern } from "./safe-pattern.ts";
export { schemaSubset } from "./schema-subset.ts";
export type { CompatReason, CompatReasonCode, SubsetLabels, SubsetResult } from "./schema-subset.ts";
export { serves } from "./serves.ts";
export type { Contract, ServesReason, ServesResult } from "./serves.ts";
export { VersionError } from "./errors.ts";
export type { VersionErrorCode } from "./errors.ts";
export { bumpBetween, checkVersion, dependentsBroken, dependentsBrokenError, requiredBump } from "./versioning.ts";
export type { BrokenDependent, Bump, BumpDecision, ContractChange, Dependent, VersionCheck } from "./versioning.ts";
export { versionRangeSchema } from "./version-range.ts";
