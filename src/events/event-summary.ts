/**
 * An event's data as people read it in a listing (`/events`, `capsmith events`): whole, except the
 * bulky parts that a line cannot hold and that have their own commands — plugin code, specs,
 * packages, manifests — which are named by size. A test report keeps its counts and every failing
 * case with its message. Nothing else is cut: a line too long for the terminal wraps.
 */
import type { AnyStoredEvent } from "./envelope.ts";

const BULKY = new Set(["code", "spec", "package", "manifest", "inputSchema", "outputSchema", "state"]);

/** A short stand-in for a bulky value: what it is and how big. */
function stub(key: string, value: unknown): string {
  if (typeof value === "string") return `<${key}: ${value.split("\n").length} lines>`;
  if (value && typeof value === "object") {
    const examples = (value as { examples?: unknown }).examples;
    return Array.isArray(examples) ? `<${key}: ${examples.length} examples>` : `<${key}: ${JSON.stringify(value).length} bytes>`;
  }
  return `<${key}>`;
}

function summarize(key: string, value: unknown): unknown {
  if (BULKY.has(key) && value !== null && value !== undefined && (typeof value === "object" || (typeof value === "string" && value.length > 60))) return stub(key, value);
  if (key === "report" && value && typeof value === "object" && Array.isArray((value as { cases?: unknown }).cases)) {
    const r = value as { cases: Record<string, unknown>[] } & Record<string, unknown>;
    const failing = r.cases.filter((c) => c["ok"] !== true).map((c) => ({ name: c["name"], ...(c["code"] ? { code: c["code"] } : {}), ...(c["error"] ? { error: c["error"] } : {}) }));
    const { cases: _cases, ...rest } = r;
    return { ...rest, failing };
  }
  return value;
}

/** The event's data as one line of JSON, with bulky parts named instead of shown. */
export function eventSummary(event: Pick<AnyStoredEvent, "data">): string {
  const data = event.data as Record<string, unknown>;
  return JSON.stringify(data, (key, value: unknown) => (key === "" ? value : summarize(key, value)));
}
