/**
 * `host.llm.complete` for the agent profile: the completion backend the runtime configured, within
 * token and cost budgets per call and per plugin per UTC day (the host's, narrowed by the plugin's
 * manifest). Tokens are reserved before a completion starts (its prompt's estimate plus the output
 * it may write, which is what the backend is told as `maxTokens`) and what it did not use is
 * released after, so concurrent completions can never together pass a token budget. Cost is known
 * only afterwards: it is checked before and charged after, so a plugin's completions run one at a
 * time (`turn`) for as long as the backend may charge for them: a budget is then passed by at most
 * one completion's cost, as by calls one after another, never by a burst started together (30 at
 * once had been paid 6x a call's cost budget). Once a completion comes back with no cost, the
 * backend charges none (a local server), and completions run together again.
 */
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
/** Output tokens reserved for a completion that does not say how many it wants. */
export const DEFAULT_OUTPUT_TOKENS = 256;

/**
 * An upper bound of a request's prompt tokens: one a UTF-8 byte (a tokenizer's token covers at
 * least one byte, and dense text — CJK, punctuation — comes close to that), plus per-message
 * overhead. Only an upper bound keeps concurrent completions within a budget; what a completion
 * did not use goes back when the backend reports its usage, so sequential calls lose nothing.
 */
export function estimateInputTokens(request: LlmRequest): number {
  let bytes = request.prompt === undefined ? 0 : Buffer.byteLength(request.prompt, "utf8");
  let messages = request.prompt === undefined ? 0 : 1;
  for (const m of request.messages ?? []) {
    bytes += Buffer.byteLength(m.content, "utf8") + Buffer.byteLength(m.role, "utf8");
    messages++;
  }
  return bytes + 8 * messages + 8;
}

/** What one call has reserved and spent. */
export interface CallSpend {
  reserved: number;
  tokens: number;
  cost: number;
}

export interface Reservation {
  tokens: number;
  /** What the backend may write. */
  maxOutput: number;
  day: string;
}

interface Day {
  day: string;
  reserved: number;
  tokens: number;
  cost: number;
}

export class LlmBudgets {
  private readonly days = new Map<string, Map<string, Day>>();
  /** Per plugin, the completion last in line: the next starts when it has settled. */
  private readonly lanes = new Map<string, Promise<void>>();
  /** Whether the backend puts a cost on its completions; unknown until one has come back. */
  private charges: boolean | undefined;
  readonly budget: LlmBudget;

  constructor(budget: Partial<LlmBudget> = {}) {
    this.budget = { ...DEFAULT_LLM_BUDGET, ...budget };
  }

  /** The host's budget narrowed by a plugin's manifest. */
  forPlugin(manifest: { maxTokensPerCall?: number; maxCostPerDay?: number } | undefined): LlmBudget {
    const b = this.budget;
    return {
      ...b,
      tokensPerCall: Math.min(b.tokensPerCall, manifest?.maxTokensPerCall ?? Infinity),
      costPerDayUsd: Math.min(b.costPerDayUsd, manifest?.maxCostPerDay ?? Infinity),
    };
  }

  /** Reserves tokens for one completion, or says which budget it would break. Synchronous, so nothing runs between check and charge. */
  reserve(plugin: string, day: string, budget: LlmBudget, call: CallSpend, request: LlmRequest): Reservation | string {
    const d = this.today(plugin, day);
    if (call.cost >= budget.costPerCallUsd) return `the call has used its $${budget.costPerCallUsd} budget`;
    if (d.cost >= budget.costPerDayUsd) return `the plugin has used its $${budget.costPerDayUsd} budget for today`;
    const callLeft = budget.tokensPerCall - call.tokens - call.reserved;
    const dayLeft = budget.tokensPerDay - d.tokens - d.reserved;
    const input = estimateInputTokens(request);
    const wanted = input + (request.maxTokens ?? DEFAULT_OUTPUT_TOKENS);
    const tokens = Math.min(wanted, callLeft, dayLeft);
    if (tokens <= input) {
      return callLeft <= dayLeft
        ? `the call has ${Math.max(0, callLeft)} of its ${budget.tokensPerCall} tokens left, not enough for this prompt`
        : `the plugin has ${Math.max(0, dayLeft)} of its ${budget.tokensPerDay} tokens for today left, not enough for this prompt`;
    }
    call.reserved += tokens;
    d.reserved += tokens;
    return { tokens, maxOutput: tokens - input, day };
  }

  /**
   * Waits for this plugin's turn to run a completion and returns what ends it. While the backend
   * may charge, a completion starts once the plugin's one before has settled (its cost counted);
   * a backend known to charge nothing gives every completion its turn at once.
   */
  async turn(plugin: string): Promise<() => void> {
    if (this.charges === false) return () => undefined;
    const before = this.lanes.get(plugin) ?? Promise.resolve();
    let end!: () => void;
    const mine = new Promise<void>((resolve) => (end = resolve));
    const last = before.then(() => mine);
    this.lanes.set(plugin, last);
    await before;
    return () => {
      end();
      if (this.lanes.get(plugin) === last) this.lanes.delete(plugin);
    };
  }

  /**
   * Charges what a completion used and releases the rest of its reservation (all of it when it
   * failed). `used.charged` says whether the backend gave the completion a cost at all.
   */
  settle(plugin: string, call: CallSpend, reservation: Reservation, used: { tokens: number; cost: number; charged?: boolean } | undefined): void {
    const d = this.today(plugin, reservation.day);
    call.reserved -= reservation.tokens;
    d.reserved -= reservation.tokens;
    if (!used) return;
    if (used.charged !== undefined) this.charges = used.charged;
    call.tokens += used.tokens;
    call.cost += used.cost;
    d.tokens += used.tokens;
    d.cost += used.cost;
  }

  private today(plugin: string, day: string): Day {
    let days = this.days.get(plugin);
    if (!days) this.days.set(plugin, (days = new Map()));
    let d = days.get(day);
    if (!d) {
      d = { day, reserved: 0, tokens: 0, cost: 0 };
      days.set(day, d);
      // Keep the days a completion in flight may still settle on; older ones are over.
      for (const old of [...days.keys()].sort().slice(0, -2)) days.delete(old);
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
