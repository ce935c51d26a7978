/**
 * The `example` backend in a worker thread (`node:worker_threads`): the caller's thread (the REPL's
 * renderer, an agent's event loop) stays free while the search runs; aborting the signal terminates
 * the worker at once. One worker is kept between searches (starting one costs more than a typical
 * search) and does not keep the process alive while idle. The budget is counted in the search's
 * work (guarded by the worker's own CPU time), so a loaded machine gives the same answer.
 */
import { Worker } from "node:worker_threads";
import type { CapabilitySpec } from "../../spec/index.ts";
import { DEFAULT_BUDGET_MS } from "./backend.ts";
import type { SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
import { SynthesizerError } from "./errors.ts";
import type { SynthesizerErrorCode } from "./errors.ts";

type Reply =
  | { id: number; ok: true; result: SynthesisResult }
  | { id: number; ok: false; error: { code: string; message: string; nextStep?: string; details?: Record<string, unknown> } };

const WORKER_URL = new URL("./search-worker.ts", import.meta.url);

function cancelled(): SynthesizerError {
  return new SynthesizerError("cancelled", "synthesis was cancelled", { nextStep: "Ask again when you are ready (/need, or capsmith synthesize)." });
}

export function createThreadedExampleBackend(): SynthesisBackend {
  /** The idle worker, if any; a busy one is owned by its search until it answers. */
  let idle: Worker | undefined;
  let nextId = 1;
  const take = (): Worker => {
    const w = idle ?? new Worker(WORKER_URL);
    idle = undefined;
    w.ref();
    return w;
  };
  const giveBack = (w: Worker): void => {
    if (idle) void w.terminate();
    else {
      w.unref();
      idle = w;
      // A worker that dies while idle is simply replaced next time.
      w.once("exit", () => {
        if (idle === w) idle = undefined;
      });
    }
  };
  return {
    name: "example",
    synthesize(spec: CapabilitySpec, opts: SynthesisOptions = {}): Promise<SynthesisResult> {
      if (opts.signal?.aborted) return Promise.reject(cancelled());
      const worker = take();
      const id = nextId++;
      return new Promise<SynthesisResult>((resolve, reject) => {
        let settled = false;
        // Only this search's own listeners come off (Node keeps its own on a Worker too).
        const onMessage = (reply: Reply): void => {
          if (reply.id !== id) return;
          settle(() => {
            if (reply.ok) return resolve(reply.result);
            const { code, message, nextStep, details } = reply.error;
            reject(new SynthesizerError(code as SynthesizerErrorCode, message, { ...(nextStep ? { nextStep } : {}), ...(details ? { details } : {}) }));
          }, true);
        };
        const onError = (err: Error): void => settle(() => reject(new SynthesizerError("backend_unavailable", `the search thread failed: ${err.message}`, { cause: err })), false);
        const onExit = (code: number): void => settle(() => reject(new SynthesizerError("backend_unavailable", `the search thread exited (${code}) without an answer`)), false);
        const onAbort = (): void => settle(() => reject(cancelled()), false);
        const settle = (fn: () => void, reuse: boolean): void => {
          if (settled) return;
          settled = true;
          opts.signal?.removeEventListener("abort", onAbort);
          worker.off("message", onMessage).off("error", onError).off("exit", onExit);
          if (reuse) giveBack(worker);
          else void worker.terminate();
          fn();
        };
        opts.signal?.addEventListener("abort", onAbort, { once: true });
        worker.on("message", onMessage).on("error", onError).on("exit", onExit);
        worker.postMessage({ id, spec: structuredClone(spec), budgetMs: opts.budgetMs ?? DEFAULT_BUDGET_MS });
      });
    },
  };
}
