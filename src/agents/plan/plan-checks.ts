import { CONTINUE } from "./constants.ts";
import type { Plan, PlanStep } from "./plan-schema.ts";
import { findReferences } from "./references.ts";

/** One problem with a plan: a dot path into the plan JSON and what is wrong there. */
export interface PlanIssue {
  readonly path: string;
  readonly message: string;
}

interface Edge {
  readonly to: string;
  readonly path: string;
  readonly via: "reference" | "onError";
}

const FIELDS = ["input", "when", "forEach"] as const;

const dotted = (path: readonly (string | number)[]): string => path.map(String).join(".");

/**
 * The checks a schema cannot express. Fallback steps (named by some `onError`) run only in place of a
 * failed step, so nothing may reference them directly; a fallback of a `forEach` step inherits the
 * failed element as `$item`. The graph for cycles has an edge for every reference and every `onError`.
 */
export function checkPlan(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const index = new Map<string, number>();
  plan.steps.forEach((step, i) => {
    const first = index.get(step.id);
    if (first === undefined) index.set(step.id, i);
    else issues.push({ path: `steps.${i}.id`, message: `duplicate step id "${step.id}" (first used at steps.${first})` });
  });

  const primaries = new Map<string, PlanStep[]>();
  plan.steps.forEach((step, i) => {
    if (step.onError === undefined || step.onError === CONTINUE) return;
    if (!index.has(step.onError)) {
      issues.push({ path: `steps.${i}.onError`, message: `onError names unknown step "${step.onError}"; use "${CONTINUE}" or the id of a step in this plan` });
      return;
    }
    primaries.set(step.onError, [...(primaries.get(step.onError) ?? []), step]);
  });

  const inherited = new Map<string, boolean>();
  /** A fallback step sees `$item` when every step it stands in for runs per element. */
  const inheritsItem = (step: PlanStep, seen: ReadonlySet<string>): boolean => {
    const known = inherited.get(step.id);
    if (known !== undefined) return known;
    const of = primaries.get(step.id);
    const result = of !== undefined && !seen.has(step.id) && of.every((p) => p.forEach !== undefined || inheritsItem(p, new Set([...seen, step.id])));
    inherited.set(step.id, result);
    return result;
  };

  const edges = new Map<string, Edge[]>();
  plan.steps.forEach((step, i) => {
    if (index.get(step.id) !== i) return;
    const out: Edge[] = [];
    const inherits = inheritsItem(step, new Set());
    for (const field of FIELDS) {
      for (const found of findReferences(step[field], ["steps", i, field])) {
        const path = dotted(found.path);
        if (found.kind.kind === "malformed") {
          issues.push({ path, message: found.kind.message });
          continue;
        }
        const ref = found.kind.reference;
        if (ref.root === "item") {
          const allowed = field === "input" ? step.forEach !== undefined || inherits : inherits;
          if (!allowed) {
            const message = field === "forEach" ? "$item cannot be used in forEach itself: forEach names the list $item ranges over" : `$item is only defined inside a forEach step's input (or a fallback of a forEach step); step "${step.id}" has no forEach`;
            issues.push({ path, message });
          }
          continue;
        }
        if (ref.root !== "steps") continue;
        const target = ref.stepId as string;
        if (!index.has(target)) issues.push({ path, message: `reference "${ref.text}" names unknown step "${target}"` });
        else if (primaries.has(target)) issues.push({ path, message: `reference "${ref.text}" names fallback step "${target}", which runs only in place of a failed step; reference the step it stands in for` });
        else out.push({ to: target, path, via: "reference" });
      }
    }
    if (step.onError !== undefined && step.onError !== CONTINUE && index.has(step.onError)) out.push({ to: step.onError, path: `steps.${i}.onError`, via: "onError" });
    edges.set(step.id, out);
  });

  for (const found of findReferences(plan.output, ["output"])) {
    const path = dotted(found.path);
    if (found.kind.kind === "malformed") issues.push({ path, message: found.kind.message });
    else if (found.kind.reference.root === "item") issues.push({ path, message: "$item is only defined inside a forEach step, not in the plan output" });
    else if (found.kind.reference.root === "steps") {
      const target = found.kind.reference.stepId as string;
      if (!index.has(target)) issues.push({ path, message: `reference "${found.kind.reference.text}" names unknown step "${target}"` });
      else if (primaries.has(target)) issues.push({ path, message: `reference "${found.kind.reference.text}" names fallback step "${target}", which runs only in place of a failed step; reference the step it stands in for` });
    }
  }

  issues.push(...findCycles(plan, edges));
  return issues;
}

/** Depth-first search in plan order; each edge that closes a cycle is one issue at that edge. */
function findCycles(plan: Plan, edges: ReadonlyMap<string, readonly Edge[]>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, "active");
    stack.push(id);
    for (const edge of edges.get(id) ?? []) {
      const seen = state.get(edge.to);
      if (seen === "active") {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to].join(" → ");
        const what = edge.via === "onError" ? `falls back to "${edge.to}"` : `depends on "${edge.to}"`;
        const message = edge.to === id && edge.via === "reference" ? `step "${id}" references its own output` : `step "${id}" ${what}, which closes a cycle: ${cycle}`;
        issues.push({ path: edge.path, message });
      } else if (seen === undefined) {
        visit(edge.to);
      }
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const step of plan.steps) if (!state.has(step.id)) visit(step.id);
  return issues;
}
