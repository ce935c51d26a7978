/**
 * Checks a candidate plugin against the spec's examples the way it will really run: the static
 * scan, then the sandbox (node profile, a short timeout per call). What fails comes back as values
 * the refinement loop feeds to the model; code that hangs or attacks the host is just a failure.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { SpecExample } from "../../spec/index.ts";
import { createPluginHost, scanPlugin } from "../../sandbox/index.ts";
import type { PluginHost } from "../../sandbox/index.ts";
import { SandboxError } from "../../sandbox/index.ts";

/** One example the candidate got wrong, or why it could not run at all. */
export type CaseFailure =
  | { readonly kind: "wrong_output"; readonly example: number; readonly input: unknown; readonly expected: unknown; readonly got: unknown }
  | { readonly kind: "error"; readonly example: number; readonly input: unknown; readonly expected: unknown; readonly error: { code: string; message: string } }
  | { readonly kind: "rejected"; readonly error: { code: string; message: string } };

/** Runs `code` on the cases; an empty list means every case passed. */
export type CandidateEvaluator = (code: string, cases: readonly SpecExample[], opts?: { signal?: AbortSignal }) => Promise<CaseFailure[]>;

export interface SandboxEvaluatorOptions {
  /** Wall-clock limit of each call in the sandbox (default 1,000 ms). */
  readonly timeoutMs?: number;
  /** Isolate memory limit in MB (default 64). */
  readonly memoryMB?: number;
  /** When given, outputs are also checked against it (`output_invalid`). */
  readonly outputSchema?: Record<string, unknown>;
}

/** Codes after which the remaining cases are skipped: they cost a full timeout or a worker each. */
export const HALTING_CODES: ReadonlySet<string> = new Set(["timeout", "memory_limit", "sandbox_crashed", "host_closed"]);

export function createSandboxEvaluator(options: SandboxEvaluatorOptions = {}): CandidateEvaluator {
  return async (code, cases, opts = {}) => {
    const scan = scanPlugin(code);
    if (scan.findings.length > 0) {
      const message = scan.findings.map((f) => `${f.message} (line ${f.line}, column ${f.column})`).join("; ");
      return [{ kind: "rejected", error: { code: "scan_rejected", message } }];
    }
    let host: PluginHost | undefined;
    const close = (): void => void host?.close();
    opts.signal?.addEventListener("abort", close, { once: true });
    try {
      host = createPluginHost({ workers: 1, graceMs: 500 });
      let handle;
      try {
        handle = await host.load({
          id: "candidate",
          code,
          profile: "node",
          limits: { timeoutMs: options.timeoutMs ?? 1_000, memoryMB: options.memoryMB ?? 64 },
          ...(options.outputSchema ? { outputSchema: options.outputSchema } : {}),
        });
      } catch (err) {
        if (!(err instanceof SandboxError)) throw err;
        return [{ kind: "rejected", error: { code: err.code, message: err.message } }];
      }
      const failures: CaseFailure[] = [];
      for (const [i, c] of cases.entries()) {
        if (opts.signal?.aborted) break;
        const result = await host.call(handle, c.input);
        if (result.ok) {
          if (!jsonEqual(result.output, c.output)) failures.push({ kind: "wrong_output", example: i + 1, input: c.input, expected: c.output, got: result.output });
          continue;
        }
        failures.push({ kind: "error", example: i + 1, input: c.input, expected: c.output, error: { code: result.error.code, message: result.error.message } });
        if (HALTING_CODES.has(result.error.code)) break;
      }
      return failures;
    } finally {
      opts.signal?.removeEventListener("abort", close);
      await host?.close();
    }
  };
}
