/**
 * Versions mean something (docs/compatibility.md "Versions"). Between two versions of one
 * capability: narrowing what it accepts or widening what it returns breaks callers (a new major);
 * widening what it accepts or narrowing what it returns is a minor; the same contract is a patch.
 * "Not proven" counts as the larger change, so an undecidable difference asks for a major. And a
 * candidate version breaks a dependent whose declared range it falls outside of. Pure.
 */
import semver from "semver";
import { VersionError } from "./errors.ts";
import { schemaSubset } from "./schema-subset.ts";
import type { CompatReason } from "./schema-subset.ts";
import type { Contract } from "./serves.ts";

export type Bump = "major" | "minor" | "patch";

export interface ContractChange {
  /** `input_narrowed` and `output_widened` break callers; the others do not. */
  kind: "input_narrowed" | "output_widened" | "input_widened" | "output_narrowed";
  /** Where and why (for a narrowing: values the old version accepted that the new one may refuse). */
  reasons: CompatReason[];
}

export interface BumpDecision {
  bump: Bump;
  changes: ContractChange[];
}

const RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The bump a change from `previous` to `next` requires, with what changed where. */
export function requiredBump(previous: Contract, next: Contract): BumpDecision {
  const changes: ContractChange[] = [];
  const keepsInputs = schemaSubset(previous.inputSchema ?? true, next.inputSchema ?? true, { a: "an input the previous version accepted", b: "the new input schema" });
  const keepsOutputs = schemaSubset(next.outputSchema ?? true, previous.outputSchema ?? true, { a: "an output of the new version", b: "the previous output schema" });
  if (!keepsInputs.ok) changes.push({ kind: "input_narrowed", reasons: keepsInputs.reasons });
  if (!keepsOutputs.ok) changes.push({ kind: "output_widened", reasons: keepsOutputs.reasons });
  if (changes.length > 0) return { bump: "major", changes };
  const sameInputs = schemaSubset(next.inputSchema ?? true, previous.inputSchema ?? true, { a: "an input the new version accepts", b: "the previous input schema" });
  const sameOutputs = schemaSubset(previous.outputSchema ?? true, next.outputSchema ?? true, { a: "an output of the previous version", b: "the new output schema" });
  if (!sameInputs.ok) changes.push({ kind: "input_widened", reasons: sameInputs.reasons });
  if (!sameOutputs.ok) changes.push({ kind: "output_narrowed", reasons: sameOutputs.reasons });
  return { bump: changes.length > 0 ? "minor" : "patch", changes };
}

/**
 * What going from `from` to `to` is, read as callers' caret ranges read it: `major` when `to` falls
 * outside `^from` (so 0.2.x → 0.3.0 is a major, as `^0.2.0` stops before 0.3.0); within it, `minor`
 * when the minor moved — or, below 1.0.0, any move, since there the patch is all that can; `patch`
 * otherwise. Undefined when `to` is not greater than `from`.
 */
export function bumpBetween(from: string, to: string): Bump | undefined {
  if (!semver.gt(to, from)) return undefined;
  if (!semver.satisfies(to, `^${from}`, { includePrerelease: true })) return "major";
  if (semver.major(from) === 0) return "minor";
  return semver.minor(to) > semver.minor(from) ? "minor" : "patch";
}

export type VersionCheck = { ok: true; required: BumpDecision; bump: Bump } | { ok: false; required: BumpDecision; error: VersionError };

/** Does `next.version` say at least as much as its contract change requires, relative to `previous.version`? */
export function checkVersion(previous: Contract & { version: string }, next: Contract & { version: string }): VersionCheck {
  const required = requiredBump(previous, next);
  for (const v of [previous.version, next.version]) {
    if (semver.valid(v) !== v) return { ok: false, required, error: new VersionError("invalid_version", `${JSON.stringify(v)} is not a semver version`, { nextStep: "Use a version such as 1.2.0." }) };
  }
  const actual = bumpBetween(previous.version, next.version);
  const suggestion = semver.inc(previous.version, required.bump)!;
  const details = { previous: previous.version, next: next.version, required: required.bump, changes: required.changes };
  if (actual === undefined) {
    return { ok: false, required, error: new VersionError("version_not_greater", `${next.version} is not greater than ${previous.version}`, { nextStep: `Publish it as ${suggestion} or later.`, details }) };
  }
  if (RANK[actual] < RANK[required.bump]) {
    const why = required.changes.map((c) => `${c.kind.replace("_", " ")}${c.reasons[0] ? ` (${c.reasons[0].message})` : ""}`).join("; ");
    return {
      ok: false,
      required,
      error: new VersionError("version_bump_too_small", `${previous.version} → ${next.version} is a ${actual} change, but the contract change needs a ${required.bump}: ${why}`, {
        nextStep: `Publish it as ${suggestion}${required.bump === "major" ? ", so callers' ranges do not pick it up silently" : ""}.`,
        details,
      }),
    };
  }
  return { ok: true, required, bump: actual };
}

export interface Dependent {
  /** The dependent plugin's id. */
  id: string;
  /** Its manifest's `dependencies`: capability → semver range. */
  dependencies?: Readonly<Record<string, string>>;
}

export interface BrokenDependent {
  id: string;
  capability: string;
  range: string;
}

/**
 * The dependents whose declared range for `candidate.capability` the candidate's version falls
 * outside of (semver's own reading: a prerelease satisfies no plain range). An invalid range counts
 * as broken.
 */
export function dependentsBroken(candidate: { capability: string; version: string }, dependents: readonly Dependent[]): BrokenDependent[] {
  const broken: BrokenDependent[] = [];
  for (const d of dependents) {
    const range = d.dependencies && Object.hasOwn(d.dependencies, candidate.capability) ? d.dependencies[candidate.capability] : undefined;
    if (range === undefined) continue;
    if (semver.validRange(range) === null || !semver.satisfies(candidate.version, range)) broken.push({ id: d.id, capability: candidate.capability, range });
  }
  return broken;
}

/** `dependents_broken`, naming each dependent and its range (what the governor refuses with). */
export function dependentsBrokenError(candidate: { capability: string; version: string }, broken: readonly BrokenDependent[]): VersionError {
  const list = broken.map((b) => `${b.id} (needs ${b.capability} ${b.range})`).join(", ");
  return new VersionError("dependents_broken", `${candidate.capability}@${candidate.version} would break ${broken.length} dependent${broken.length === 1 ? "" : "s"}: ${list}`, {
    nextStep: "Update the dependents' ranges first, publish a version within them, or force it as an operator (the dependents then go to T0).",
    details: { candidate: `${candidate.capability}@${candidate.version}`, dependents: broken },
  });
}
