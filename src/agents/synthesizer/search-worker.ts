/**
 * The worker thread of the threaded `example` backend: runs searches one at a time (each one's
 * budget counted in its work, guarded by this thread's CPU time) and posts each result or coded
 * error back. It is kept for the next search; terminating it is how a search is cancelled.
 */
import { parentPort } from "node:worker_threads";
import type { CapabilitySpec } from "../../spec/index.ts";
import { createExampleBackend } from "./example-backend.ts";

interface Job {
  readonly id: number;
  readonly spec: CapabilitySpec;
  readonly budgetMs: number;
}

const backend = createExampleBackend();
parentPort?.on("message", (job: Job) => {
  void (async () => {
    try {
      const result = await backend.synthesize(job.spec, { budgetMs: job.budgetMs });
      parentPort?.postMessage({ id: job.id, ok: true, result });
    } catch (err) {
      const e = err as { code?: string; message?: string; nextStep?: string; details?: Record<string, unknown> };
      parentPort?.postMessage({ id: job.id, ok: false, error: { code: e.code ?? "internal", message: e.message ?? String(err), nextStep: e.nextStep, details: e.details } });
    }
  })();
});
