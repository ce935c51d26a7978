/** The interface every synthesizer backend implements (`example` offline, `llm` later). */
import type { CapabilitySpec } from "../../spec/index.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

export interface SynthesisOptions {
  /** Give up after this much search (default 5,000 ms; for `example`, its work at an idle machine's cost) with `no_program_found`. */
  readonly budgetMs?: number;
  /** Aborting ends the search with `cancelled`. */
  readonly signal?: AbortSignal;
}

export interface GoldenTest {
  readonly name: string;
  readonly input: Json;
  readonly output: Json;
}

export interface SynthesisResult {
  readonly backend: string;
  readonly capability: string;
  /** The plugin: an ES module whose default export is `(input, host) => output`. */
  readonly code: string;
  /** The program in the DSL (for the example backend), for review and tests. */
  readonly program?: Expr;
  /** Program size in DSL nodes. */
  readonly size: number;
  readonly candidates: number;
  readonly elapsedMs: number;
  /** The spec's examples as the plugin's golden tests. */
  readonly tests: readonly GoldenTest[];
  /**
   * Set when other programs fit the examples as well and disagree elsewhere: the input to ask
   * about and what each reading gives. Callers must not publish such a program silently.
   */
  readonly ambiguity?: Ambiguity;
  /** Something the person should know about how it was made (e.g. the llm failed and `example` was used). */
  readonly note?: string;
}

export interface SynthesisBackend {
  readonly name: string;
  synthesize(spec: CapabilitySpec, opts?: SynthesisOptions): Promise<SynthesisResult>;
}

export const DEFAULT_BUDGET_MS = 5_000;
