import { PlanError } from "./errors.ts";

/**
 * References inside plan JSON (docs/plan-format.md): a string starting with `$input`, `$steps.<id>` or
 * `$item`, followed by an optional dot path (`$steps.top.0.name`). Every other value is literal.
 * `$$input…`, `$$steps…`, `$$item…` escape a literal string that would otherwise read as a reference.
 */
export type ReferenceRoot = "input" | "steps" | "item";

export interface Reference {
  readonly text: string;
  readonly root: ReferenceRoot;
  /** Set when `root` is `steps`. */
  readonly stepId?: string;
  /** The dot path after the root (after the step id for `steps`). */
  readonly path: readonly string[];
}

/** The grammar, for JSON Schema and for `when` / `forEach` fields. */
export const REFERENCE_PATTERN = /^(?:\$(?:input|item)(?:\.[^.]+)*|\$steps(?:\.[^.]+)+)$/;

const PREFIX = /^\$(input|steps|item)/;
const ESCAPED = /^\$\$(?:input|steps|item)/;

export type StringKind =
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "reference"; readonly reference: Reference }
  | { readonly kind: "malformed"; readonly text: string; readonly message: string };

/** What a string in plan JSON is: a literal (escapes removed), a reference, or a malformed reference. */
export function classifyString(text: string): StringKind {
  if (ESCAPED.test(text)) return { kind: "literal", value: text.slice(1) };
  const prefix = PREFIX.exec(text);
  if (!prefix) return { kind: "literal", value: text };
  if (!REFERENCE_PATTERN.test(text)) {
    const message =
      prefix[1] === "steps"
        ? `malformed reference "${text}": write $steps.<id> or $steps.<id>.<path> (dot-separated, no empty segments)`
        : `malformed reference "${text}": write $${prefix[1]} or $${prefix[1]}.<path> (dot-separated, no empty segments)`;
    return { kind: "malformed", text, message };
  }
  const root = prefix[1] as ReferenceRoot;
  const segments = text.length > prefix[0].length ? text.slice(prefix[0].length + 1).split(".") : [];
  if (root === "steps") {
    const [stepId, ...path] = segments as [string, ...string[]];
    return { kind: "reference", reference: { text, root, stepId, path } };
  }
  return { kind: "reference", reference: { text, root, path: segments } };
}

/** The reference a string denotes, or `undefined` for a literal or a malformed one. */
export function parseReference(text: string): Reference | undefined {
  const kind = classifyString(text);
  return kind.kind === "reference" ? kind.reference : undefined;
}

export interface FoundString {
  /** Where the string sits inside the value (keys and array indices). */
  readonly path: readonly (string | number)[];
  readonly kind: Exclude<StringKind, { kind: "literal" }>;
}

/** Every reference (and malformed reference) inside a JSON value, in document order. */
export function findReferences(value: unknown, at: readonly (string | number)[] = []): FoundString[] {
  const found: FoundString[] = [];
  const visit = (v: unknown, path: readonly (string | number)[]): void => {
    if (typeof v === "string") {
      const kind = classifyString(v);
      if (kind.kind !== "literal") found.push({ path, kind });
    } else if (Array.isArray(v)) {
      v.forEach((e, i) => visit(e, [...path, i]));
    } else if (v !== null && typeof v === "object") {
      for (const [k, e] of Object.entries(v)) visit(e, [...path, k]);
    }
  };
  visit(value, at);
  return found;
}

/** The step ids a value depends on, each once, in order of first appearance. */
export function referencedSteps(value: unknown): string[] {
  const ids = new Set<string>();
  for (const f of findReferences(value)) {
    if (f.kind.kind === "reference" && f.kind.reference.stepId !== undefined) ids.add(f.kind.reference.stepId);
  }
  return [...ids];
}

export interface ReferenceScope {
  readonly input: unknown;
  /** Outputs of finished steps by id (a skipped or tolerated step's output is `null`). */
  readonly steps: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;
  /** The current `forEach` element; `undefined` outside a `forEach`. */
  readonly item?: unknown;
}

/** Where a value is resolved, for error messages: the step id (or `output`) and the field. */
export interface ResolveSite {
  readonly stepId?: string;
  readonly field?: string;
}

type Lookup = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly reason: string };

const INDEX = /^(?:0|[1-9][0-9]*)$/;

function stepOutput(steps: ReferenceScope["steps"], id: string): Lookup {
  if (steps instanceof Map) return steps.has(id) ? { found: true, value: steps.get(id) } : { found: false, reason: `step "${id}" has no output` };
  const record = steps as Readonly<Record<string, unknown>>;
  return Object.hasOwn(record, id) ? { found: true, value: record[id] } : { found: false, reason: `step "${id}" has no output` };
}

/**
 * Walks a dot path. `null` propagates (a skipped step's `$steps.x.total` reads as `null`, like `?.`);
 * a missing key, an index past the end, or a path into a string/number/boolean does not resolve.
 */
function walk(start: unknown, path: readonly string[], label: string): Lookup {
  let value = start;
  let where = label;
  for (const segment of path) {
    if (value === null) return { found: true, value: null };
    if (Array.isArray(value)) {
      if (!INDEX.test(segment) || Number(segment) >= value.length) {
        return { found: false, reason: `${where} is a list of ${value.length} with no index ${segment}` };
      }
      value = value[Number(segment)];
    } else if (typeof value === "object") {
      if (!Object.hasOwn(value, segment)) return { found: false, reason: `${where} has no key "${segment}"` };
      value = (value as Record<string, unknown>)[segment];
    } else {
      return { found: false, reason: `${where} is a ${typeof value}, not an object or list` };
    }
    where = `${where}.${segment}`;
  }
  return value === undefined ? { found: false, reason: `${where} is undefined` } : { found: true, value };
}

function lookup(reference: Reference, scope: ReferenceScope): Lookup {
  switch (reference.root) {
    case "input":
      return walk(scope.input, reference.path, "$input");
    case "item":
      return scope.item === undefined ? { found: false, reason: "$item is only defined inside a forEach step" } : walk(scope.item, reference.path, "$item");
    case "steps": {
      const id = reference.stepId as string;
      const output = stepOutput(scope.steps, id);
      return output.found ? walk(output.value, reference.path, `$steps.${id}`) : output;
    }
  }
}

function unresolved(text: string, reason: string, site: ResolveSite): PlanError {
  const where = site.stepId === undefined ? "" : site.stepId === "output" ? " in the plan output" : ` in step "${site.stepId}"`;
  const field = site.field === undefined ? "" : ` (${site.field})`;
  return new PlanError("reference_unresolved", `reference "${text}"${where}${field} did not resolve: ${reason}`, {
    nextStep: "Fix the reference in the plan, or give the plan an input that has this path.",
    details: { reference: text, reason, ...(site.stepId === undefined ? {} : { stepId: site.stepId }), ...(site.field === undefined ? {} : { field: site.field }) },
  });
}

/** Resolves one reference; `undefined` when its path is not there. */
export function resolveReference(reference: Reference, scope: ReferenceScope): unknown {
  const result = lookup(reference, scope);
  return result.found ? result.value : undefined;
}

/**
 * Resolves every reference inside a JSON value (objects and arrays recursively); other values are
 * returned as they are. Throws `PlanError` `reference_unresolved` naming the reference and the site.
 */
export function resolveReferences(value: unknown, scope: ReferenceScope, site: ResolveSite = {}): unknown {
  if (typeof value === "string") {
    const kind = classifyString(value);
    if (kind.kind === "literal") return kind.value;
    if (kind.kind === "malformed") throw unresolved(value, kind.message, site);
    const result = lookup(kind.reference, scope);
    if (!result.found) throw unresolved(value, result.reason, site);
    return result.value;
  }
  if (Array.isArray(value)) return value.map((e) => resolveReferences(e, scope, site));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(Object.entries(value).map(([k, e]) => [k, resolveReferences(e, scope, site)]));
  }
  return value;
}
