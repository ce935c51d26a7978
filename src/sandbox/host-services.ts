/**
 * The host side of the asynchronous host functions: `host.fetch` for the integration profile
 * (allowlisted hosts only, no redirects followed, capped body, aborted when the call ends) and
 * `host.llm.complete` for the agent profile (an injected completion function with token and cost
 * budgets per call and per day). Each answers with an outcome string for the isolate.
 */
import { hostAllowed } from "./net-allowlist.ts";

export interface LlmRequest {
  prompt?: string;
  messages?: { role: string; content: string }[];
  maxTokens?: number;
  model?: string;
}

export interface LlmResponse {
  text: string;
  usage: { inputTokens: number; outputTokens: number; costUsd?: number };
}

export type CompletionFn = (request: LlmRequest, signal: AbortSignal) => Promise<LlmResponse>;

export interface LlmBudget {
  tokensPerCall: number;
  tokensPerDay: number;
  costPerCallUsd: number;
  costPerDayUsd: number;
}

export interface AgentLlmOptions {
  complete: CompletionFn;
  budget?: Partial<LlmBudget>;
}

export const DEFAULT_LLM_BUDGET: LlmBudget = { tokensPerCall: 4_000, tokensPerDay: 200_000, costPerCallUsd: 0.05, costPerDayUsd: 2 };

export type Outcome = string;
const ok = (value: unknown): Outcome => "O" + JSON.stringify(value);
const err = (code: string, message: string): Outcome => "E" + JSON.stringify({ code, message });

export interface FetchContext {
  allowlist: readonly string[];
  signal: AbortSignal;
  fetchImpl: typeof fetch;
  maxBytes: number;
}

export async function performFetch(args: string, ctx: FetchContext): Promise<Outcome> {
  const req = JSON.parse(args) as { url: string; method: string; headers: unknown; body: string | null };
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return err("invalid_argument", "fetch: not a valid URL");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !hostAllowed(url.hostname, ctx.allowlist)) {
    return err("permission_denied", `fetch denied: ${url.hostname} is not in the plugin's net allowlist`);
  }
  const headers: Record<string, string> = {};
  if (typeof req.headers === "object" && req.headers !== null && !Array.isArray(req.headers)) {
    for (const [k, v] of Object.entries(req.headers).slice(0, 64)) if (typeof v === "string") headers[k] = v;
  }
  try {
    const res = await ctx.fetchImpl(url, { method: req.method, headers, body: req.body ?? undefined, redirect: "manual", signal: ctx.signal });
    const body = await readCapped(res, ctx.maxBytes);
    if (body === undefined) return err("fetch_failed", `fetch: the response body is over ${ctx.maxBytes} bytes`);
    return ok({ ok: res.ok, status: res.status, statusText: res.statusText, url: url.href, headers: Object.fromEntries(res.headers), body });
  } catch (e) {
    return err("fetch_failed", `fetch ${url.origin} failed: ${(e as Error).message}`);
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<string | undefined> {
  if (!res.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await res.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Per-plugin token and cost accounting: per call (reset by the caller) and per UTC day. */
export class LlmBudgets {
  private readonly days = new Map<string, { day: string; tokens: number; cost: number }>();
  readonly budget: LlmBudget;

  constructor(budget: Partial<LlmBudget> = {}) {
    this.budget = { ...DEFAULT_LLM_BUDGET, ...budget };
  }

  /** Why the next completion would go over budget, or undefined when it may go ahead. */
  check(plugin: string, day: string, callSpent: { tokens: number; cost: number }): string | undefined {
    const b = this.budget;
    const d = this.today(plugin, day);
    if (callSpent.tokens >= b.tokensPerCall) return `the call has used its ${b.tokensPerCall} tokens`;
    if (callSpent.cost >= b.costPerCallUsd) return `the call has used its $${b.costPerCallUsd} budget`;
    if (d.tokens >= b.tokensPerDay) return `the plugin has used its ${b.tokensPerDay} tokens for today`;
    if (d.cost >= b.costPerDayUsd) return `the plugin has used its $${b.costPerDayUsd} budget for today`;
    return undefined;
  }

  remainingTokens(plugin: string, day: string, callSpent: { tokens: number }): number {
    return Math.max(0, Math.min(this.budget.tokensPerCall - callSpent.tokens, this.budget.tokensPerDay - this.today(plugin, day).tokens));
  }

  spend(plugin: string, day: string, tokens: number, cost: number): void {
    const d = this.today(plugin, day);
    d.tokens += tokens;
    d.cost += cost;
  }

  private today(plugin: string, day: string): { day: string; tokens: number; cost: number } {
    let d = this.days.get(plugin);
    if (!d || d.day !== day) {
      d = { day, tokens: 0, cost: 0 };
      this.days.set(plugin, d);
    }
    return d;
  }
}

export function parseLlmRequest(args: string): LlmRequest | string {
  const raw = JSON.parse(args) as unknown;
  if (typeof raw !== "object" || raw === null) return "llm.complete: pass { prompt } or { messages }";
  const r = raw as Record<string, unknown>;
  const req: LlmRequest = {};
  if (typeof r["prompt"] === "string") req.prompt = r["prompt"];
  if (Array.isArray(r["messages"])) {
    req.messages = r["messages"].filter((m): m is { role: string; content: string } => typeof m?.role === "string" && typeof m?.content === "string");
  }
  if (typeof r["maxTokens"] === "number" && r["maxTokens"] > 0) req.maxTokens = Math.floor(r["maxTokens"]);
  if (typeof r["model"] === "string") req.model = r["model"];
  if (req.prompt === undefined && req.messages === undefined) return "llm.complete: pass { prompt } or { messages }";
  return req;
}

export { ok as okOutcome, err as errOutcome };
