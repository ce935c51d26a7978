// The synthesis bench's worker thread: runs one spec at a time (bench/_synthesis-spec.ts) and posts
// each stage as it starts, then the row. The parent terminates it when a spec passes its deadline,
// which stops even a synchronous infinite loop (in the search, the person or the plugin).
import { parentPort } from "node:worker_threads";
import { synthesizeSpec } from "./_synthesis-spec.ts";
import type { SpecJob } from "./_synthesis-spec.ts";

parentPort?.on("message", (job: SpecJob) => {
  void (async () => {
    try {
      const done = await synthesizeSpec(job, (stage, task) => parentPort?.postMessage({ kind: "stage", stage, task }));
      parentPort?.postMessage({ kind: "done", ...done });
    } catch (err) {
      parentPort?.postMessage({ kind: "failed", message: (err as Error).message ?? String(err) });
    }
  })();
});
